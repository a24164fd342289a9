// Bad arguments are refused before any request, naming the field, what was expected and what was received.
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FrameioClient, FrameioError, FrameioValidationError, type ValidationIssue } from "../src/index.js";
import { ACCOUNT_ID, FILE_ARGS, FOLDER_ID, WORKSPACE_ID } from "./support/fixtures.js";

const EMPTY_PAGE = { data: [], links: { next: null } };

let server: FaultServer;
let client: FrameioClient;
beforeAll(async () => {
  server = await startFaultServer();
  // Anything that does reach the server succeeds, so a leak past validation shows up as a resolved call.
  server.fallback(() => ({ status: 200, body: EMPTY_PAGE }));
  client = new FrameioClient({ baseUrl: server.url, token: "t", maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** Calls `run`, expects a FrameioValidationError, and checks that nothing reached the server. */
async function refused(
  run: () => PromiseLike<unknown>,
): Promise<{ error: FrameioValidationError; issues: ValidationIssue[] }> {
  let error: unknown;
  try {
    await run();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(FrameioValidationError);
  expect(error).toBeInstanceOf(FrameioError);
  expect(server.requests).toHaveLength(0);
  const issues = (error as FrameioValidationError).issues;
  expect(issues.length).toBeGreaterThan(0);
  return { error: error as FrameioValidationError, issues };
}

const projectsArgs = { account_id: ACCOUNT_ID, workspace_id: WORKSPACE_ID };

describe("each kind of bad input", () => {
  it("a missing required path parameter", async () => {
    const { error, issues } = await refused(() => client.files.show({ account_id: ACCOUNT_ID } as never));
    expect(error.operation).toBe("files.show");
    expect(issues).toContainEqual(expect.objectContaining({ path: "file_id", received: "undefined" }));
    expect(error.message).toContain("file_id");
  });

  it("a value of the wrong type", async () => {
    const { issues } = await refused(() => client.projects.index({ ...projectsArgs, page_size: "10" as never }));
    expect(issues).toEqual([expect.objectContaining({ path: "page_size", received: '"10"' })]);
    expect(issues[0]!.expected).toMatch(/number/);
  });

  it("a value outside an enum", async () => {
    const { issues } = await refused(() => client.projects.index({ ...projectsArgs, sort: "newest" as never }));
    expect(issues).toEqual([expect.objectContaining({ path: "sort", received: '"newest"' })]);
    expect(issues[0]!.expected).toContain('"name_asc"');
  });

  it.each([
    [0, ">= 1"],
    [101, "<= 100"],
  ])("a number out of range (page_size %i)", async (pageSize, bound) => {
    const { issues } = await refused(() => client.projects.index({ ...projectsArgs, page_size: pageSize }));
    expect(issues).toEqual([expect.objectContaining({ path: "page_size", received: `number ${pageSize}` })]);
    expect(issues[0]!.expected).toContain(bound);
  });

  it("a malformed UUID", async () => {
    const { error, issues } = await refused(() => client.files.show({ ...FILE_ARGS, file_id: "file-42" }));
    expect(issues).toEqual([expect.objectContaining({ path: "file_id", received: '"file-42"' })]);
    expect(issues[0]!.expected).toMatch(/UUID/);
    expect(error.message).toContain("file_id");
    expect(error.message).toContain("file-42");
  });

  it("an unknown parameter name (a typo)", async () => {
    const { issues } = await refused(() => client.files.show({ ...FILE_ARGS, includes: "creator" } as never));
    expect(issues).toEqual([
      expect.objectContaining({ path: "includes", expected: "no such parameter", received: '"creator"' }),
    ]);
  });

  it("a body field of the wrong type and one too short, reported together", async () => {
    const { issues } = await refused(() =>
      client.folders.create({ account_id: ACCOUNT_ID, folder_id: FOLDER_ID, data: { name: 42 as never } }),
    );
    expect(issues).toEqual([expect.objectContaining({ path: "data.name", received: "number 42" })]);
    const empty = await refused(() =>
      client.folders.create({ account_id: ACCOUNT_ID, folder_id: FOLDER_ID, data: { name: "" } }),
    );
    expect(empty.issues).toEqual([expect.objectContaining({ path: "data.name", received: '""' })]);
    expect(empty.issues[0]!.expected).toContain("at least 1");
  });

  it("a missing required body", async () => {
    const { issues } = await refused(() =>
      client.folders.create({ account_id: ACCOUNT_ID, folder_id: FOLDER_ID } as never),
    );
    expect(issues).toContainEqual(expect.objectContaining({ path: "data", received: "undefined" }));
  });

  it("an unknown field inside a closed body object, named by its full path", async () => {
    const { issues } = await refused(() =>
      client.folders.create({
        account_id: ACCOUNT_ID,
        folder_id: FOLDER_ID,
        data: { name: "Dailies", colour: "red" } as never,
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: "data.colour", expected: "no such parameter", received: '"red"' }),
    ]);
  });

  it("a body matching one variant of a union except for a constraint reports that constraint", async () => {
    const create = (data: unknown) =>
      client.metadataFields.metadataFieldDefinitionsCreate({ account_id: ACCOUNT_ID, data } as never);
    const { issues } = await refused(() => create({ field_type: "text", name: "" }));
    expect(issues).toEqual([expect.objectContaining({ path: "data.name", received: '""' })]);
    expect(issues[0]!.expected).toContain("at least 1");
    const unknownVariant = await refused(() => create({ field_type: "hologram", name: "Depth" }));
    // The union is discriminated by field_type: an unknown variant names that field and the allowed values.
    expect(unknownVariant.issues).toEqual([
      expect.objectContaining({ path: "data.field_type", received: '"hologram"' }),
    ]);
    expect(unknownVariant.issues[0]!.expected).toContain('"long_text"');
  });

  it("an empty update is refused where the spec asks for at least one field (minProperties)", async () => {
    const { issues } = await refused(() =>
      client.shares.update({ account_id: ACCOUNT_ID, share_id: WORKSPACE_ID, data: {} }),
    );
    expect(issues).toEqual([expect.objectContaining({ path: "data" })]);
  });

  it("a malformed date-time is refused", async () => {
    const { issues } = await refused(() =>
      client.shares.update({ account_id: ACCOUNT_ID, share_id: WORKSPACE_ID, data: { expiration: "next tuesday" } }),
    );
    expect(issues).toEqual([expect.objectContaining({ path: "data.expiration", received: '"next tuesday"' })]);
  });

  it("several problems at once are all listed", async () => {
    const { issues } = await refused(() =>
      client.projects.index({ account_id: "nope", workspace_id: WORKSPACE_ID, page_size: 0, sort: "x" as never }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(["account_id", "page_size", "sort"]);
    for (const issue of issues) expect(issue.message).toContain(issue.expected);
  });

  it("paginated calls are refused on await and on iteration alike", async () => {
    const pager = client.projects.index({ ...projectsArgs, page_size: 500 });
    await refused(() => pager);
    await refused(async () => {
      for await (const _ of pager) throw new Error("yielded an item");
    });
  });
});

describe("turning validation off", () => {
  const lenient = () => new FrameioClient({ baseUrl: server.url, validateRequests: false, maxRetries: 0 });

  it("lets a malformed id through to the server", async () => {
    await expect(lenient().files.show({ ...FILE_ARGS, file_id: "file-42" })).resolves.toEqual(EMPTY_PAGE);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.pathname).toBe(`/v4/accounts/${ACCOUNT_ID}/files/file-42`);
  });

  it("lets out-of-range and unknown query values through as sent", async () => {
    await lenient().projects.index({ ...projectsArgs, page_size: 500, sort: "newest" as never });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.query.get("page_size")).toBe("500");
    expect(server.requests[0]!.query.get("sort")).toBe("newest");
  });

  it("still never puts `undefined` into a URL", async () => {
    const { issues } = await refused(() => lenient().files.show({ account_id: ACCOUNT_ID } as never));
    expect(issues).toEqual([expect.objectContaining({ path: "file_id", received: "undefined" })]);
  });
});

describe("response validation (validateResponses: true)", () => {
  it("refuses a success body that breaks the spec, naming the field", async () => {
    server.script("GET /v4/me", [{ kind: "respond", status: 200, body: { data: { id: "not-a-uuid" } } }]);
    const strict = new FrameioClient({ baseUrl: server.url, token: "t", maxRetries: 0, validateResponses: true });
    let error: unknown;
    try {
      await strict.users.show();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).operation).toBe("users.show response");
    expect((error as FrameioValidationError).issues).toContainEqual(
      expect.objectContaining({ path: "data.id", received: '"not-a-uuid"' }),
    );
  });
});

describe("constructor options", () => {
  it.each([
    [{ timeoutMs: -1 }, "timeoutMs"],
    [{ maxRetries: 1.5 }, "maxRetries"],
    [{ baseUrl: "api.frame.io" }, "baseUrl"],
    [{ fetch: "fetch" as never }, "fetch"],
    [{ token: 42 as never }, "token"],
  ])("refuses %o naming %s", (options, field) => {
    let error: unknown;
    try {
      new FrameioClient(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues.map((i) => i.path)).toEqual([field]);
  });
});
