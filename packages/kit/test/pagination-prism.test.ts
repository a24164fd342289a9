import { type PrismServer, startPrism } from "@frameio-sdk/testing/prism";
import type { operations, paths } from "@frameio-sdk/types";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { FrameioPaginationError, type PageLink, type Pager, paginate, retry } from "../src/index.js";

type ProjectsPage = operations["projects.index"]["responses"][200]["content"]["application/json"];
type Project = ProjectsPage["data"][number];

const ACCOUNT_ID = "04ad48f9-0197-50da-b2bd-4610e67d241e";
const WORKSPACE_ID = "d43ba834-4457-5516-b988-26fee1b81216";

let prism: PrismServer;
beforeAll(async () => {
  prism = await startPrism();
}, 60_000);
afterAll(() => prism?.stop());

/**
 * projects.index through a raw openapi-fetch client, the way the docs show it. Prism plays the spec's named
 * examples: `first_page` (with a links.next) for the first request, then whatever `laterPages` names.
 */
function projects(laterPages: "first_page" | "last_page", options: { include_total_count?: boolean } = {}) {
  const api = createClient<paths>({ baseUrl: prism.url, fetch: retry({ maxRetries: 0 }) });
  const cursors: Array<string | undefined> = [];
  const links: Array<PageLink | undefined> = [];
  const pager = paginate(
    async (cursor, signal, query, link) => {
      cursors.push(cursor);
      links.push(link);
      // Later pages: the same operation with every parameter of the link (Frame.io's links name the same path).
      const { data, error, response } = await api.GET("/v4/accounts/{account_id}/workspaces/{workspace_id}/projects", {
        params: { path: { account_id: ACCOUNT_ID, workspace_id: WORKSPACE_ID }, query: { ...query, ...link?.query } },
        headers: {
          Authorization: "Bearer prism",
          Prefer: `example=${cursor === undefined ? "first_page" : laterPages}`,
        },
        signal,
      });
      if (data === undefined)
        throw new Error(`Prism refused the request (${response.status}): ${JSON.stringify(error)}`);
      return data;
    },
    { page_size: 2, baseUrl: prism.url, ...options },
  );
  return { pager, cursors, links };
}

describe("pagination against Prism (shapes from openapi/openapi.yaml)", () => {
  it("follows the spec's links.next to the last page, sending a request Prism accepts", async () => {
    const { pager, cursors, links } = projects("last_page", { include_total_count: true });
    // openapi-fetch restates the response type structurally: equal in shape, not the same alias.
    expectTypeOf(pager).toExtend<Pager<ProjectsPage, Project>>();
    const first = await pager;
    expect(first.data.length).toBeGreaterThan(0);
    expect(first.links.next).toMatch(/\?after=/);
    expect(await pager.totalCount()).toBe(first.total_count);

    const names: string[] = [];
    for await (const project of pager) {
      expectTypeOf(project).toExtend<Project>();
      names.push(project.name);
    }
    const pages: ProjectsPage[] = [];
    for await (const page of pager.pages()) pages.push(page);
    expect(pages).toHaveLength(2);
    expect(pages[1]?.links.next).toBeNull();
    expect(names).toHaveLength(pages[0]!.data.length + pages[1]!.data.length);
    // The cursor is the decoded `after` of the spec's example link (`%3D%3D` is `==`).
    expect(cursors[1]).toMatch(/^g3QAA[\w+/]+==$/);
    expect(links[1]?.path).toBe(`/v4/accounts/${ACCOUNT_ID}/workspaces/${WORKSPACE_ID}/projects`);
  });

  it("hands over the first page of a list with more pages without requesting or judging the next", async () => {
    const { pager, cursors } = projects("last_page");
    expect(pager).toBeInstanceOf(Promise);
    expect(await pager.toArray({ limit: 1 })).toHaveLength(1);
    for await (const page of pager.pages()) {
      expect(page.links.next).not.toBeNull();
      break;
    }
    expect(cursors).toEqual([undefined]);
  });

  it("stops with FrameioPaginationError when the mock repeats its cursor, instead of paging forever", async () => {
    const { pager, cursors } = projects("first_page");
    const failure = await pager.toArray().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FrameioPaginationError);
    expect(failure).toMatchObject({ reason: "repeated-cursor", page: 2 });
    expect(cursors).toHaveLength(2);
  });
});
