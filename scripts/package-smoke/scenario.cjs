// What the installed tarballs must do, run once per module format: real HTTP calls through the client with a
// server-to-server token, typed errors, webhook signing and verification, the Node entry of kit/platform and the
// kit/upload subpath.
const assert = require("node:assert/strict");
const { startFakeApi } = require("./fake-api.cjs");

const CLIENT_SECRET = "smoke-client-secret";
const WEBHOOK_SECRET = "smoke-webhook-secret";
const ID = "6f1c2a52-3d0e-4c1b-9a51-0c7e5f4a9b10";

const rejection = (promise) =>
  promise.then(
    () => assert.fail("expected a rejection"),
    (error) => error,
  );

/** `modules` holds the four entry points as this format loaded them: { client, kit, platform, upload }. */
async function runScenario(format, { client, operations, kit, platform, upload }) {
  const api = await startFakeApi({ clientSecret: CLIENT_SECRET });
  try {
    const auth = new kit.ServerToServerAuth({
      clientId: "smoke-client",
      clientSecret: CLIENT_SECRET,
      imsBaseUrl: api.url,
    });
    assert.ok(!JSON.stringify(auth).includes(CLIENT_SECRET), "the auth object must not serialise its secret");

    // validateResponses loads the response-validator chunk: it has to be in the tarball and resolvable.
    const frameio = new client.FrameioClient({ baseUrl: api.url, token: auth, validateResponses: true, maxRetries: 0 });
    const me = await frameio.users.show();
    assert.deepEqual(me.data, api.profile);

    const missing = await rejection(frameio.files.show({ account_id: ID, file_id: ID }));
    assert.ok(missing instanceof client.NotFoundError, `expected NotFoundError, got ${missing}`);
    assert.ok(
      missing instanceof client.FrameioError && missing instanceof kit.FrameioError,
      "one FrameioError class per format",
    );
    assert.equal(missing.status, 404);

    const invalid = await rejection(frameio.files.show({ account_id: 42, file_id: ID }));
    assert.ok(invalid instanceof kit.FrameioValidationError, `expected FrameioValidationError, got ${invalid}`);
    assert.deepEqual(api.requests, ["POST /ims/token/v3", "GET /v4/me", `GET /v4/accounts/${ID}/files/${ID}`]);

    const body = JSON.stringify({ type: "file.ready", resource: { type: "file", id: ID } });
    const headers = await kit.signWebhook({ secret: WEBHOOK_SECRET, body });
    const event = await kit.verifyWebhook({ secret: WEBHOOK_SECRET, rawBody: body, headers });
    assert.equal(event.type, "file.ready");
    const forged = await rejection(kit.verifyWebhook({ secret: "other-secret", rawBody: body, headers }));
    assert.ok(forged instanceof kit.WebhookVerificationError && forged.reason === "signature_mismatch");

    // The whole operation table is a subpath of its own, built apart from the client's lazily loaded group chunks.
    const row = operations.operationTable["users.show"];
    assert.deepEqual([row.method, row.path, row.rateLimit], ["GET", "/v4/me", { calls: 100, per_seconds: 60 }]);
    assert.equal(Object.keys(operations.operationTable).length, 90);

    assert.equal(typeof platform.openPathSource, "function");
    assert.ok(platform.platformPartSender, "Node must resolve the node entry of @frameio-sdk/kit/platform");

    // The upload subpath is a separate entry of kit: its errors must still be kit's classes, not copies.
    const source = upload.bytesSource(new Uint8Array(4));
    const refused = await rejection(
      upload.uploadParts({ source, parts: [], contentType: "application/octet-stream", concurrency: 0 }),
    );
    assert.ok(refused instanceof kit.FrameioValidationError, `expected FrameioValidationError, got ${refused}`);
    assert.equal(typeof upload.uploadFile, "function");
  } finally {
    await api.close();
  }
  console.log(
    `${format}: client, client/operations, kit, kit/platform and kit/upload work from the installed tarballs`,
  );
}

module.exports = { runScenario };
