import { type FaultServer, type FaultStep, startFaultServer } from "@frameio-sdk/testing/fault-server";
import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  cursorFromNext,
  FrameioPaginationError,
  FrameioValidationError,
  type PageQuery,
  type Pager,
  type PagerOptions,
  paginate,
} from "../src/index.js";

interface Project {
  id: string;
  name: string;
}
interface ProjectsPage {
  data: Project[];
  links: { next: string | null };
  total_count?: number | null;
}

const PATH = "/v4/accounts/acc/workspaces/ws/projects";
let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

/** Page `n` of `size` projects with ids `p<n>.<i>`; its `links.next` points at page n+1 with a base64-like cursor. */
function page(n: number, size: number, last: boolean, extra: Partial<ProjectsPage> = {}): FaultStep {
  const data = Array.from({ length: size }, (_, i) => ({ id: `p${n}.${i}`, name: `Project ${n}.${i}` }));
  const next = last ? null : `${PATH}?after=g3QAAAAB${n}%3D%3D`;
  return { status: 200, body: { data, links: { next }, ...extra } };
}

/** fetchPage over plain fetch that records what the pager asked for. */
function fetchVia(calls: Array<{ cursor?: string; query: PageQuery; signal: AbortSignal }> = []) {
  return async (cursor: string | undefined, signal: AbortSignal, query: PageQuery): Promise<ProjectsPage> => {
    calls.push({ cursor, query, signal });
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const response = await fetch(`${server.url}${PATH}?${search}`, { signal });
    return (await response.json()) as ProjectsPage;
  };
}

const pagerOf = (options?: PagerOptions, calls?: Parameters<typeof fetchVia>[0]) => paginate(fetchVia(calls), options);

describe("Pager", () => {
  it("yields every item across 3 pages, then stops at next: null, forwarding the cursor and page_size", async () => {
    server.script(PATH, [page(1, 2, false), page(2, 2, false), page(3, 1, true)]);
    const ids: string[] = [];
    for await (const project of pagerOf({ page_size: 2 })) ids.push(project.id);
    expect(ids).toEqual(["p1.0", "p1.1", "p2.0", "p2.1", "p3.0"]);
    const sent = server.requestsTo(PATH).map((r) => Object.fromEntries(r.query));
    expect(sent).toEqual([
      { page_size: "2" },
      { after: "g3QAAAAB1==", page_size: "2" },
      { after: "g3QAAAAB2==", page_size: "2" },
    ]);
  });

  it("awaiting gives the first page, fetched once and reused by a later loop", async () => {
    server.script(PATH, [page(1, 2, false, { total_count: 3 }), page(2, 1, true)]);
    const pager = pagerOf({ include_total_count: true });
    const first = await pager;
    expect(first.data.map((p) => p.id)).toEqual(["p1.0", "p1.1"]);
    expect(await pager.totalCount()).toBe(3);
    expect(await pager.toArray()).toHaveLength(3);
    expect(server.requestsTo(PATH)).toHaveLength(2);
    expect(server.requestsTo(PATH)[0]?.query.get("include_total_count")).toBe("true");
  });

  it("pages() yields whole pages and maxPages stops the requests", async () => {
    server.script(PATH, [page(1, 3, false), page(2, 3, false), page(3, 3, false)]);
    const pages = [];
    for await (const p of pagerOf({ maxPages: 2, prefetch: true }).pages()) pages.push(p.data.length);
    expect(pages).toEqual([3, 3]);
    expect(server.requestsTo(PATH)).toHaveLength(2);
  });

  it("maxItems trims the items and requests no page beyond the one that reaches it", async () => {
    server.script(PATH, [page(1, 3, false), page(2, 3, false), page(3, 3, false)]);
    const ids = (await pagerOf({ maxItems: 4, prefetch: true }).toArray()).map((p) => p.id);
    expect(ids).toEqual(["p1.0", "p1.1", "p1.2", "p2.0"]);
    expect(server.requestsTo(PATH)).toHaveLength(2);
  });

  it("toArray({ limit }) requests no page beyond the one that fills it, even with prefetch", async () => {
    server.script(PATH, [page(1, 3, false), page(2, 3, false)]);
    expect(await pagerOf({ prefetch: true }).toArray({ limit: 3 })).toHaveLength(3);
    expect(server.requestsTo(PATH)).toHaveLength(1);
  });

  it("prefetch asks for the next page before the caller is done with the current one", async () => {
    server.script(PATH, [page(1, 2, false), page(2, 2, true)]);
    const calls: Parameters<typeof fetchVia>[0] = [];
    const pages = pagerOf({ prefetch: true }, calls).pages();
    await pages.next();
    expect(calls.map((c) => c.cursor)).toEqual([undefined, "g3QAAAAB1=="]);
    expect((await pages.next()).value?.data.map((p) => p.id)).toEqual(["p2.0", "p2.1"]);
    expect(await pages.next()).toEqual({ done: true, value: undefined });

    server.script(PATH, [page(1, 2, false), page(2, 2, true)]);
    const lazyCalls: Parameters<typeof fetchVia>[0] = [];
    const lazy = pagerOf({}, lazyCalls).pages();
    await lazy.next();
    expect(lazyCalls).toHaveLength(1);
    await lazy.return();
  });

  it("breaking out of a loop aborts the prefetch in flight", async () => {
    // Page 2 would take 30 s: the loop must end long before that, and the request be cancelled.
    server.script(PATH, [page(1, 2, false), { ...page(2, 2, true), delayHeadersMs: 30_000 } as FaultStep]);
    const calls: Parameters<typeof fetchVia>[0] = [];
    for await (const project of pagerOf({ prefetch: true }, calls)) {
      expect(project.id).toBe("p1.0");
      break;
    }
    expect(calls).toHaveLength(2);
    expect(calls[1]?.signal.aborted).toBe(true);
  });

  it("raises FrameioPaginationError on a repeating cursor instead of looping", async () => {
    const repeating = page(2, 1, false);
    server.script(PATH, [page(1, 1, false), page(1, 1, false), repeating, repeating, repeating]);
    const failure = await pagerOf()
      .toArray()
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioPaginationError);
    expect(failure).toMatchObject({ reason: "repeated-cursor", page: 2 });
    expect(server.requestsTo(PATH)).toHaveLength(2);
  });

  it("raises FrameioPaginationError on a malformed links.next or a page without data", async () => {
    server.script(PATH, [{ status: 200, body: { data: [{ id: "x" }], links: { next: "/v4/projects?cursor=abc" } } }]);
    await expect(pagerOf().toArray()).rejects.toMatchObject({ reason: "malformed-next", page: 1 });
    server.script(PATH, [{ status: 200, body: { data: [], links: { next: 42 } } }]);
    await expect(pagerOf().toArray()).rejects.toThrow(/links\.next must be a URL string or null/);
    server.script(PATH, [{ status: 200, body: { errors: [{ detail: "nope" }] } }]);
    await expect(pagerOf().toArray()).rejects.toMatchObject({ name: "FrameioPaginationError", reason: "invalid-page" });
  });

  it("refuses bad options before any request, naming the field", () => {
    expect(() => pagerOf({ page_size: 0 })).toThrow(FrameioValidationError);
    expect(() => pagerOf({ page_size: 501, maxItems: 1.5, prefetch: "yes" as never })).toThrow(
      /page_size[\s\S]*maxItems[\s\S]*prefetch/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("stops when the caller's signal aborts", async () => {
    server.script(PATH, [page(1, 1, false), page(2, 1, false), page(3, 1, true)]);
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const project of pagerOf({ signal: controller.signal })) {
        seen.push(project.id);
        controller.abort(new Error("enough"));
      }
    })();
    await expect(run).rejects.toThrow("enough");
    expect(seen).toEqual(["p1.0"]);
  });
});

describe("paginate with a raw openapi-fetch client", () => {
  interface paths {
    "/v4/accounts/{account_id}/workspaces/{workspace_id}/projects": {
      get: {
        parameters: {
          path: { account_id: string; workspace_id: string };
          query?: { after?: string; page_size?: number; include_total_count?: boolean };
        };
        responses: { 200: { content: { "application/json": ProjectsPage } } };
      };
    };
  }

  it("pages through typed responses, the item type derived from the page type", async () => {
    server.script(PATH, [page(1, 2, false), page(2, 2, true)]);
    const api = createClient<paths>({ baseUrl: server.url });
    const projects = paginate(
      async (_cursor, signal, query) => {
        const { data, error } = await api.GET("/v4/accounts/{account_id}/workspaces/{workspace_id}/projects", {
          params: { path: { account_id: "acc", workspace_id: "ws" }, query },
          signal,
        });
        if (error !== undefined || data === undefined) throw new Error("request failed");
        return data;
      },
      { page_size: 2 },
    );
    expectTypeOf(projects).toEqualTypeOf<Pager<ProjectsPage, Project>>();
    expectTypeOf(await projects).toEqualTypeOf<ProjectsPage>();
    const names: string[] = [];
    for await (const project of projects) {
      expectTypeOf(project).toEqualTypeOf<Project>();
      names.push(project.id);
    }
    expect(names).toEqual(["p1.0", "p1.1", "p2.0", "p2.1"]);
  });
});

describe("cursorFromNext", () => {
  it("decodes the after cursor of relative and absolute links, and ends on null", () => {
    expect(cursorFromNext("/v4/accounts/a/folders/f/children?after=g3QAA%2Bx%3D%3D&page_size=5", 1)).toBe("g3QAA+x==");
    expect(cursorFromNext("https://api.frame.io/v4/x?after=abc", 1)).toBe("abc");
    expect(cursorFromNext(null, 1)).toBeUndefined();
    expect(() => cursorFromNext("", 3)).toThrow(/page 3/);
  });
});
