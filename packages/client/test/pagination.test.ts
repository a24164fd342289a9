// Paginated methods return a Pager: await = first page, for await = every item, following links.next.

import { FrameioPaginationError } from "@frameio-sdk/kit";
import { type FaultServer, type RecordedRequest, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FrameioClient, FrameioValidationError, NotFoundError, Pager } from "../src/index.js";
import { ACCOUNT_ID, NO_WAIT, WORKSPACE_ID } from "./support/fixtures.js";

const PATH = `/v4/accounts/${ACCOUNT_ID}/workspaces/${WORKSPACE_ID}/projects`;
const ARGS = { account_id: ACCOUNT_ID, workspace_id: WORKSPACE_ID };

/** Cursors as Frame.io makes them: opaque, base64 with padding, percent-encoded inside links.next. */
const CURSORS = ["g3QAAAACZAAC+aWQ=", "g3QAAAACZAAC/aWQ=="];

const project = (n: number) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, name: `Project ${n}` });

/** Serves three pages of two projects, then `next: null`; page 2 and 3 are reached by their cursors. */
function serveThreePages(server: FaultServer): void {
  server.fallback((request: RecordedRequest) => {
    if (request.pathname !== PATH) return { status: 404, body: { errors: [{ detail: "unknown path" }] } };
    const after = request.query.get("after");
    const page = after === null ? 0 : CURSORS.indexOf(after) + 1;
    if (page === 0 && after !== null) return { status: 400, body: { errors: [{ detail: `bad cursor ${after}` }] } };
    const next = page < 2 ? `${PATH}?after=${encodeURIComponent(CURSORS[page]!)}&page_size=2` : null;
    return {
      status: 200,
      body: { data: [project(page * 2 + 1), project(page * 2 + 2)], links: { next }, total_count: 6 },
    };
  });
}

let server: FaultServer;
let client: FrameioClient;
beforeEach(async () => {
  server = await startFaultServer();
  client = new FrameioClient({ baseUrl: server.url, token: "t", retry: NO_WAIT });
  serveThreePages(server);
});
afterEach(() => server.close());

describe("pagers", () => {
  it("await gives the first page only", async () => {
    const pager = client.projects.index({ ...ARGS, page_size: 2 });
    expect(pager).toBeInstanceOf(Pager);
    expect(server.requests).toHaveLength(0);
    const page = await pager;
    expect(page.data.map((p) => p.name)).toEqual(["Project 1", "Project 2"]);
    expect(page.links.next).toContain("after=");
    expect(server.requests).toHaveLength(1);
  });

  it("for await yields every item of every page, then stops at next: null", async () => {
    const names: string[] = [];
    for await (const p of client.projects.index({ ...ARGS, page_size: 2 })) names.push(p.name);
    expect(names).toEqual(["Project 1", "Project 2", "Project 3", "Project 4", "Project 5", "Project 6"]);
    expect(server.requests).toHaveLength(3);
  });

  it("sends the decoded cursor back as `after`, and page_size on every page", async () => {
    await client.projects.index({ ...ARGS, page_size: 2, include_total_count: true }).toArray();
    expect(server.requests.map((r) => r.query.get("after"))).toEqual([null, ...CURSORS]);
    for (const request of server.requests) {
      expect(request.query.get("page_size")).toBe("2");
      expect(request.query.get("include_total_count")).toBe("true");
      expect(request.headers.authorization).toBe("Bearer t");
    }
  });

  it("maxItems stops without requesting pages it does not need", async () => {
    const items = await client.projects.index({ ...ARGS, page_size: 2 }, { maxItems: 3 }).toArray();
    expect(items.map((p) => p.name)).toEqual(["Project 1", "Project 2", "Project 3"]);
    expect(server.requests).toHaveLength(2);
  });

  it("breaking out of the loop requests nothing further", async () => {
    for await (const p of client.projects.index({ ...ARGS, page_size: 2 })) {
      if (p.name === "Project 2") break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it("pages() yields whole pages and totalCount() reads the first", async () => {
    const pager = client.projects.index({ ...ARGS, page_size: 2, include_total_count: true });
    const sizes: number[] = [];
    for await (const page of pager.pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 2, 2]);
    expect(await pager.totalCount()).toBe(6);
  });

  it("an error on a later page ends the loop with that error, after the earlier items", async () => {
    server.script(PATH, [
      {
        status: 200,
        body: { data: [project(1)], links: { next: `${PATH}?after=${encodeURIComponent(CURSORS[0]!)}` } },
      },
      { status: 404, body: { errors: [{ detail: "Project list gone" }] } },
    ]);
    const names: string[] = [];
    const loop = async () => {
      for await (const p of client.projects.index(ARGS)) names.push(p.name);
    };
    await expect(loop()).rejects.toBeInstanceOf(NotFoundError);
    expect(names).toEqual(["Project 1"]);
  });

  it("a server that repeats a cursor is stopped instead of looped", async () => {
    const loopingPage = { data: [project(1)], links: { next: `${PATH}?after=${encodeURIComponent(CURSORS[0]!)}` } };
    server.script(PATH, [
      { status: 200, body: loopingPage },
      { status: 200, body: loopingPage },
      { status: 200, body: loopingPage },
    ]);
    await expect(client.projects.index(ARGS).toArray()).rejects.toBeInstanceOf(FrameioPaginationError);
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });

  it("withRawResponse gives the first page with its response", async () => {
    const raw = await client.withRawResponse.projects.index({ ...ARGS, page_size: 2 });
    expect(raw.status).toBe(200);
    expect(raw.data.data).toHaveLength(2);
    expect(raw.headers.get("content-type")).toBe("application/json");
  });

  it("the caller's signal ends the iteration", async () => {
    const controller = new AbortController();
    const names: string[] = [];
    const loop = async () => {
      for await (const p of client.projects.index({ ...ARGS, page_size: 2 }, { signal: controller.signal })) {
        names.push(p.name);
        if (names.length === 2) controller.abort(new Error("enough projects"));
      }
    };
    await expect(loop()).rejects.toThrow("enough projects");
    expect(names).toEqual(["Project 1", "Project 2"]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("following links.next", () => {
  it("repeats the first page's include list, comma-joined, and the caller's extra query, on every page", async () => {
    await client.projects.index({ ...ARGS, page_size: 2, include: ["owner"] }, { query: { trace: "t1" } }).toArray();
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.query.get("include")).toBe("owner");
      expect(request.query.get("trace")).toBe("t1");
      expect(request.headers.authorization).toBe("Bearer t");
    }
  });

  it("follows a link to another path on the API as given, keeping its own query", async () => {
    const other = `/v4/accounts/${ACCOUNT_ID}/elsewhere`;
    server.script(PATH, [
      { status: 200, body: { data: [project(1)], links: { next: `${other}?after=xyz&mode=deep` } } },
    ]);
    server.script(other, [{ status: 200, body: { data: [project(2)], links: { next: null } } }]);
    const items = await client.projects.index({ ...ARGS, include: ["owner"] }).toArray();
    expect(items.map((p) => p.name)).toEqual(["Project 1", "Project 2"]);
    const second = server.requests[1];
    expect(second?.pathname).toBe(other);
    expect(second?.query.get("after")).toBe("xyz");
    expect(second?.query.get("mode")).toBe("deep");
    expect(second?.query.get("include")).toBe("owner");
  });

  it("checks later pages' bodies too with validateResponses", async () => {
    const strict = new FrameioClient({ baseUrl: server.url, token: "t", retry: NO_WAIT, validateResponses: true });
    server.script(PATH, [
      { status: 200, body: { data: [project(1)], links: { next: `${PATH}?after=abc` } } },
      { status: 200, body: { data: [{ id: 42 }], links: { next: null } } },
    ]);
    const pager = strict.projects.index(ARGS);
    const error = await pager.toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).operation).toBe("projects.index response");
  });
});
