import { type FaultServer, type FaultStep, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  FrameioPaginationError,
  FrameioValidationError,
  MAX_EMPTY_PAGES_IN_A_ROW,
  type PageLink,
  type PageQuery,
  type PagerOptions,
  paginate,
} from "../src/index.js";

interface Item {
  id: string;
}
interface ItemsPage {
  data: Item[];
  links: { next: string | null };
}

const PATH = "/v4/accounts/acc/folders/fld/children";
let server: FaultServer;
let other: FaultServer;
beforeEach(async () => {
  [server, other] = await Promise.all([startFaultServer(), startFaultServer()]);
});
afterEach(() => Promise.all([server.close(), other.close()]));

const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}.${i}` }));
const pageStep = (data: Item[], next: string | null): FaultStep => ({ status: 200, body: { data, links: { next } } });

/** A fetchPage that follows whatever link it is given (path and query), adding the pager's query values. */
function followLinks(base: () => string, links: Array<PageLink | undefined> = []) {
  return async (_cursor: string | undefined, signal: AbortSignal, query: PageQuery, link?: PageLink) => {
    links.push(link);
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...link?.query })) params.set(k, String(v));
    const response = await fetch(`${base()}${link?.path ?? PATH}?${params}`, {
      signal,
      headers: { authorization: "Bearer secret-token" },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as ItemsPage;
  };
}

const pager = (options: PagerOptions = {}, links?: Array<PageLink | undefined>) =>
  paginate(
    followLinks(() => server.url, links),
    { baseUrl: server.url, ...options },
  );

describe("links.next as the API gives it", () => {
  it("hands over the first page without judging its link: limit 1, await, pages() + break", async () => {
    // The published spec's list examples carry a next link without any `after` parameter.
    const noAfter = pageStep(items("a", 3), "/v4/accounts/acc/folders/fld/children?page=2");
    server.script(PATH, [noAfter, noAfter, noAfter]);
    // An old-form fetchPage (3 parameters) cannot follow such a link, but it is only looked at when wanted.
    const oldForm = paginate(
      async (cursor: string | undefined, signal: AbortSignal) => {
        const response = await fetch(`${server.url}${PATH}${cursor ? `?after=${cursor}` : ""}`, { signal });
        return (await response.json()) as ItemsPage;
      },
      { baseUrl: server.url },
    );
    expect((await oldForm.toArray({ limit: 1 })).map((i) => i.id)).toEqual(["a.0"]);
    expect((await pager()).data).toHaveLength(3);
    for await (const page of pager().pages()) {
      expect(page.data).toHaveLength(3);
      break;
    }
    expect(server.requestsTo(PATH)).toHaveLength(3);
    // Wanting page 2 from the old form ends clearly (its first page is reused) instead of fetching page 1 again.
    await expect(oldForm.toArray()).rejects.toMatchObject({ name: "FrameioPaginationError", reason: "malformed-next" });
    expect(server.requestsTo(PATH)).toHaveLength(3);
  });

  it("follows relative and same-origin absolute links, keeping their query, with the pager's page_size", async () => {
    server.script(PATH, [
      pageStep(items("p1", 2), `${PATH}?page=2&sort=name`),
      pageStep(items("p2", 2), `${server.url}/v4/accounts/acc/folders/fld/children?page=3&sort=name`),
      pageStep(items("p3", 1), null),
    ]);
    const links: Array<PageLink | undefined> = [];
    const ids = (await pager({ page_size: 2 }, links).toArray()).map((i) => i.id);
    expect(ids).toEqual(["p1.0", "p1.1", "p2.0", "p2.1", "p3.0"]);
    expect(server.requestsTo(PATH).map((r) => Object.fromEntries(r.query))).toEqual([
      { page_size: "2" },
      { page: "2", sort: "name", page_size: "2" },
      { page: "3", sort: "name", page_size: "2" },
    ]);
    expect(links[1]).toMatchObject({ path: PATH, query: { page: "2", sort: "name" } });
  });

  it("never follows a link to another origin, so the token never goes there", async () => {
    server.script(PATH, [pageStep(items("p1", 2), `${other.url}${PATH}?after=stolen`)]);
    other.fallback(() => pageStep(items("evil", 1), null));
    const seen: string[] = [];
    const failure = await (async () => {
      for await (const item of pager()) seen.push(item.id);
    })().catch((error: unknown) => error);
    expect(seen).toEqual(["p1.0", "p1.1"]);
    expect(failure).toBeInstanceOf(FrameioPaginationError);
    expect(failure).toMatchObject({ reason: "foreign-origin", page: 1 });
    expect(String((failure as Error).message)).toMatch(/not the API origin/);
    // Protocol-relative and non-http links are other origins too.
    server.script(PATH, [pageStep(items("p1", 1), "//evil.example/v4/x?after=a")]);
    await expect(pager().toArray()).rejects.toMatchObject({ name: "FrameioPaginationError", reason: "foreign-origin" });
    server.script(PATH, [pageStep(items("p1", 1), "javascript:alert(1)")]);
    await expect(pager().toArray()).rejects.toMatchObject({ name: "FrameioPaginationError", reason: "foreign-origin" });
    expect(other.requests).toHaveLength(0);
  });

  it("stops an endless run of empty pages after a bounded, documented number of requests", async () => {
    let n = 0;
    server.fallback(() => pageStep([], `${PATH}?after=fresh${++n}`));
    const failure = await pager()
      .toArray()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FrameioPaginationError);
    expect(failure).toMatchObject({ reason: "empty-pages", page: MAX_EMPTY_PAGES_IN_A_ROW });
    expect(String((failure as Error).message)).toMatch(/empty pages in a row/);
    expect(server.requests).toHaveLength(MAX_EMPTY_PAGES_IN_A_ROW);
  });

  it("follows a few empty pages in a row when items come after them", async () => {
    const empties = Array.from({ length: MAX_EMPTY_PAGES_IN_A_ROW - 1 }, (_, i) => pageStep([], `${PATH}?after=e${i}`));
    server.script(PATH, [...empties, pageStep(items("late", 2), null)]);
    expect((await pager().toArray()).map((i) => i.id)).toEqual(["late.0", "late.1"]);
  });

  it("stops at a repeated link, whether or not it has an after cursor", async () => {
    const looping = pageStep(items("x", 1), `${PATH}?page=2`);
    server.script(PATH, [looping, looping, looping, looping]);
    await expect(pager().toArray()).rejects.toMatchObject({
      name: "FrameioPaginationError",
      reason: "repeated-cursor",
      page: 2,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("refuses a baseUrl that is not an http(s) URL before any request", () => {
    for (const baseUrl of ["ftp://api.frame.io", "not a url", 42 as never]) {
      expect(() => pager({ baseUrl })).toThrow(FrameioValidationError);
    }
    expect(server.requests).toHaveLength(0);
  });
});
