/**
 * Server-to-server credentials from the environment, against the IMS stand-in: the server signs in at start and
 * calls go out; wrong credentials stop it at start with one line that quotes no secret.
 */
import { ImsServer } from "@frameio-sdk/testing/ims-server";
import { exampleArguments, specOperations } from "@frameio-sdk/testing/spec-calls";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectStdio, runBin } from "./support/mcp-process.js";

const CLIENT = { clientId: "mcp-client", clientSecret: "s2s-secret-93b1c7e4" };
let ims: ImsServer;
beforeAll(async () => {
  ims = await ImsServer.start({ clients: [CLIENT] });
});
afterAll(() => ims?.close());

const env = (secret: string) => ({
  PATH: process.env.PATH ?? "",
  FRAMEIO_CLIENT_ID: CLIENT.clientId,
  FRAMEIO_CLIENT_SECRET: secret,
  FRAMEIO_IMS_URL: ims.url,
  FRAMEIO_BASE_URL: inject("prismUrl"),
});

describe("FRAMEIO_CLIENT_ID + FRAMEIO_CLIENT_SECRET", () => {
  it("signs in with client credentials at start, then serves calls", async () => {
    const session = await connectStdio(["--groups", "users"], env(CLIENT.clientSecret));
    try {
      expect(ims.tokenRequests("client_credentials").length).toBeGreaterThanOrEqual(1);
      const show = specOperations.find((o) => o.key === "users.show")!;
      const result = (await session.client.callTool({
        name: "users_show",
        arguments: exampleArguments(show),
      })) as CallToolResult;
      expect(result.isError).toBeFalsy();
      expect(JSON.stringify(result)).not.toContain(CLIENT.clientSecret);
      expect(session.stderr()).not.toContain(CLIENT.clientSecret);
    } finally {
      await session.close();
    }
  });

  it("stops at start with one line when IMS refuses the credentials", async () => {
    const { code, stdout, stderr } = await runBin([], env("wrong-secret-0a9b8c7d"));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^frameio-mcp: server-to-server sign-in failed/);
    expect(stderr).not.toContain("wrong-secret-0a9b8c7d");
  });
});
