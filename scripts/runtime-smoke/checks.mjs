// The checks every runtime runs against the installed tarballs. Standard APIs only (fetch, AbortSignal, timers,
// crypto.randomUUID), so the same file runs on Node, Bun, Deno, edge-runtime and workerd. Each check returns a
// one-line detail on success, throws on failure, or throws `skip(reason)` when the runtime cannot observe it.
import {
  FrameioClient,
  FrameioConnectionError,
  FrameioTimeoutError,
  FrameioValidationError,
  TooManyRequestsError,
} from "@frameio-sdk/client";
import { signWebhook, verifyWebhook, WebhookVerificationError } from "@frameio-sdk/kit";
import { ACCOUNTS, TOKEN } from "./constants.mjs";

const TIMEOUT_MS = 1_000;
// Upper bound on how late a timeout may fire: generous, because a busy 2-core machine delays timers; the point is
// "near timeoutMs, not never and not after retries", not a latency figure.
const TIMEOUT_SLACK_MS = 5_000;
const CLOSE_WAIT_MS = 5_000;

export class Skip extends Error {}
export const skip = (reason) => new Skip(reason);

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The error and its causes: which runtime error the SDK saw is usually the point of a failure.
function describe(error) {
  const own = `${error?.name ?? typeof error}: ${error?.message ?? String(error)}`;
  return error?.cause ? `${own} (cause: ${describe(error.cause)})` : own;
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, the call resolved");
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function control(api, path) {
  const response = await fetch(`${api}/__smoke/${path}`);
  return response.json();
}

/** Waits until the server saw the connection of `fileId` closed before its answer finished. */
async function waitForClose(api, fileId) {
  const start = Date.now();
  for (;;) {
    const seen = await control(api, `file?id=${fileId}`);
    if (seen.closedEarly > 0) return;
    if (Date.now() - start > CLOSE_WAIT_MS) {
      throw new Error(
        `the server still had the connection open ${CLOSE_WAIT_MS} ms after the timeout (requests seen: ${seen.requests})`,
      );
    }
    await sleep(50);
  }
}

async function timesOut(api, account) {
  const client = new FrameioClient({ baseUrl: api, token: TOKEN, timeoutMs: TIMEOUT_MS, maxRetries: 0 });
  const fileId = crypto.randomUUID();
  const start = Date.now();
  const error = await rejection(client.files.show({ account_id: account, file_id: fileId }));
  const elapsed = Date.now() - start;
  check(error instanceof FrameioTimeoutError, `expected FrameioTimeoutError, got ${describe(error)}`);
  // Timer clocks may round; 50 ms below is clock granularity, not an early timeout.
  check(elapsed >= TIMEOUT_MS - 50, `rejected after ${elapsed} ms, before timeoutMs ${TIMEOUT_MS}`);
  check(elapsed <= TIMEOUT_MS + TIMEOUT_SLACK_MS, `rejected after ${elapsed} ms, far past timeoutMs ${TIMEOUT_MS}`);
  await waitForClose(api, fileId);
  return `FrameioTimeoutError after ${elapsed} ms (timeoutMs ${TIMEOUT_MS}); server saw the connection closed`;
}

/** name -> async ({ api }) => detail */
export const portableChecks = {
  async call({ api }) {
    const client = new FrameioClient({ baseUrl: api, token: TOKEN });
    const me = await client.users.show();
    check(me.data?.name === "Maya Okafor", `unexpected profile ${JSON.stringify(me.data)}`);
    return "users.show returned the profile";
  },

  "timeout: server never answers": ({ api }) => timesOut(api, ACCOUNTS.never),

  "timeout: body stalls": ({ api }) => timesOut(api, ACCOUNTS.stall),

  async "429 with Retry-After"({ api }) {
    const client = new FrameioClient({ baseUrl: api, token: TOKEN });
    const once = await rejection(
      client.files.show({ account_id: ACCOUNTS.rateOnce, file_id: crypto.randomUUID() }, { maxRetries: 0 }),
    );
    check(once instanceof TooManyRequestsError, `maxRetries 0: expected TooManyRequestsError, got ${describe(once)}`);
    check(
      once.status === 429 && once.retryAfterMs === 1_000,
      `expected status 429 and retryAfterMs 1000, got ${once.status} / ${once.retryAfterMs}`,
    );
    const fileId = crypto.randomUUID();
    const file = await client.files.show({ account_id: ACCOUNTS.rateOnce, file_id: fileId });
    check(file.data?.id === fileId, "the retried call did not return the file");
    const seen = await control(api, `file?id=${fileId}`);
    check(seen.requests === 2, `expected 2 requests (429, then the retry), server saw ${seen.requests}`);
    // A lower bound only: the retry must not come before Retry-After (1 s) has passed at the server.
    check(seen.gaps[0] >= 950, `the retry came ${seen.gaps[0]} ms after the 429, before Retry-After: 1`);
    return `TooManyRequestsError(retryAfterMs 1000) without retries; retried after ${seen.gaps[0]} ms otherwise`;
  },

  // Classification by what this runtime reports: a refused connection never sent the POST, so it is retried.
  // `cannotTell` (set by the launcher) is why a runtime cannot report a refusal apart from a drop after sending.
  async "connection refused: POST retried"({ refusedUrl, cannotTell }) {
    const client = new FrameioClient({ baseUrl: refusedUrl, token: TOKEN, maxRetries: 1 });
    const error = await rejection(client.workspaces.create({ account_id: ACCOUNTS.ok, data: { name: "smoke" } }));
    check(error instanceof FrameioConnectionError, `expected FrameioConnectionError, got ${describe(error)}`);
    if (cannotTell) throw skip(`FrameioConnectionError checked; retry count not: ${cannotTell}`);
    check(
      error.attempts === 2,
      `expected 2 attempts (a refused POST was never sent, so it is retried), got ${error.attempts}: ${describe(error)}`,
    );
    return "FrameioConnectionError after 2 attempts";
  },

  async "validation: arguments"({ api }) {
    const client = new FrameioClient({ baseUrl: api, token: TOKEN });
    const before = (await control(api, "total")).total;
    const error = await rejection(client.files.show({ account_id: 42, file_id: crypto.randomUUID() }));
    check(error instanceof FrameioValidationError, `expected FrameioValidationError, got ${describe(error)}`);
    check(error.message.includes("account_id"), `the message does not name account_id: ${error.message}`);
    const after = (await control(api, "total")).total;
    check(after === before, `the server received ${after - before} request(s) for an invalid call`);
    return "FrameioValidationError naming account_id, nothing sent";
  },

  async "validation: per-call options"({ api }) {
    const client = new FrameioClient({ baseUrl: api, token: TOKEN });
    const before = (await control(api, "total")).total;
    const refused = [];
    for (const options of [{ timeoutMs: -1 }, { maxRetries: 1_000 }, { signal: "not-a-signal" }]) {
      const [name] = Object.keys(options);
      const error = await rejection(
        client.files.show({ account_id: ACCOUNTS.ok, file_id: crypto.randomUUID() }, options),
      ).catch((failure) => {
        throw new Error(`${JSON.stringify(options)}: ${failure.message}`);
      });
      check(
        error instanceof FrameioValidationError,
        `${JSON.stringify(options)}: expected FrameioValidationError, got ${describe(error)}`,
      );
      check(
        error.message.includes(name),
        `${JSON.stringify(options)}: the message does not name ${name}: ${error.message}`,
      );
      refused.push(name);
    }
    const after = (await control(api, "total")).total;
    check(after === before, `the server received ${after - before} request(s) for invalid options`);
    return `refused ${refused.join(", ")} before sending`;
  },

  async "paginated loop"({ api }) {
    const client = new FrameioClient({ baseUrl: api, token: TOKEN });
    const names = [];
    for await (const workspace of client.workspaces.index({ account_id: ACCOUNTS.ok })) names.push(workspace.name);
    check(names.join() === "w1,w2,w3,w4,w5,w6,w7", `expected w1..w7 over 3 pages, got ${names.join()}`);
    return "7 items over 3 pages";
  },

  async "public packages import"({ imports }) {
    const loaded = [];
    for (const [name, load] of Object.entries(imports)) {
      const module = await load();
      check(Object.keys(module).length > 0, `${name} loaded with no exports`);
      loaded.push(name);
    }
    return loaded.join(", ");
  },

  async "webhook round trip"() {
    const secret = "smoke-webhook-secret";
    const body = JSON.stringify({ type: "file.ready", resource: { type: "file", id: crypto.randomUUID() } });
    const headers = await signWebhook({ secret, body });
    const event = await verifyWebhook({ secret, rawBody: body, headers });
    check(event.type === "file.ready", `verified event has type ${event.type}`);
    const forged = await rejection(verifyWebhook({ secret: "other-secret", rawBody: body, headers }));
    check(
      forged instanceof WebhookVerificationError && forged.reason === "signature_mismatch",
      `forged: got ${describe(forged)}`,
    );
    return "signWebhook -> verifyWebhook; a wrong secret is signature_mismatch";
  },
};

// A check that hangs (a timeout that never fires) must fail on its own, not stall the other checks.
const CHECK_LIMIT_MS = 30_000;

function settleWithin(promise, ms) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Runs `checks` in order; never throws. Each result: { check, status: "pass" | "fail" | "skip", detail }. */
export async function runChecks(checks, context) {
  const results = [];
  for (const [name, run] of Object.entries(checks)) {
    try {
      results.push({ check: name, status: "pass", detail: await settleWithin(run(context), CHECK_LIMIT_MS) });
    } catch (error) {
      if (error instanceof Skip) results.push({ check: name, status: "skip", detail: error.message });
      else results.push({ check: name, status: "fail", detail: describe(error) });
    }
  }
  return results;
}
