// A real auth object under load: 1 000 concurrent calls share one token request, and when the API refuses that
// token, all 1 000 share one refresh and each call is retried once.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ServerToServerAuth } from "@frameio-sdk/kit";
import { ImsServer } from "@frameio-sdk/testing/ims-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FrameioClient } from "../src/index.js";

const S2S = { clientId: "s2s-load", clientSecret: "s2s-load-secret" };
let ims: ImsServer;
let api: Server;
let baseUrl: string;
const seen = new Map<string, number>();
let refused: string | undefined;

beforeAll(async () => {
  ims = await ImsServer.start({ clients: [S2S] });
  // The API refuses the first token it sees (as if revoked) and accepts any later one.
  api = createServer((req, res) => {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    seen.set(token, (seen.get(token) ?? 0) + 1);
    refused ??= token;
    if (token === refused) {
      res.writeHead(401, { "content-type": "application/json" }).end('{"errors":[{"detail":"Token revoked"}]}');
    } else {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end('{"data":{"id":"u1","name":"Maya","email":"m@example.com"}}');
    }
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => api.close(resolve));
  await ims.close();
});

it("1 000 concurrent calls: one token request, one refresh after the 401s, one retry per call", async () => {
  const auth = new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url });
  const client = new FrameioClient({ baseUrl, token: auth, maxRetries: 0, validateRequests: false });
  const results = await Promise.all(Array.from({ length: 1000 }, () => client.users.show()));

  expect(results.every((r) => r.data.name === "Maya")).toBe(true);
  expect(ims.tokenRequests("client_credentials")).toHaveLength(2);
  expect([...seen.values()]).toEqual([1000, 1000]);
});
