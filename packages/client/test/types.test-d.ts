// Compile-time contract of the resource methods: arguments by wire name, spec-typed results.
import { describe, expectTypeOf, it } from "vitest";
import type { FrameioClient, Pager, Schema, WithRawResponse } from "../src/index.js";

declare const client: FrameioClient;
const account_id = "1f0c3a52-7d3e-4c4b-9b61-0a8f6b2c1d01";
const file_id = "2a6e8b14-51c9-4f7a-8d2e-3b9c0e4f5a02";
const folder_id = "3b7f9c25-62da-4a8b-9e3f-4cad1f5a6b03";
const workspace_id = "4c8aad36-73eb-4b9c-af40-5dbe206b7c04";

describe("results are the spec's", () => {
  it("files.show resolves to FileWithIncludesResponse", () => {
    expectTypeOf(client.files.show({ account_id, file_id })).resolves.toEqualTypeOf<
      Schema<"FileWithIncludesResponse">
    >();
  });

  it("folders.create resolves to the created folder's response", () => {
    type Created = Awaited<ReturnType<FrameioClient["folders"]["create"]>>;
    expectTypeOf<Created>().toHaveProperty("data");
    expectTypeOf<Created["data"]["id"]>().toEqualTypeOf<string>();
  });

  it("204 operations resolve to undefined", () => {
    expectTypeOf(client.files.delete({ account_id, file_id })).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(client.projects.delete({ account_id, project_id: file_id })).resolves.toEqualTypeOf<undefined>();
  });

  it("paginated operations return a Pager of the list response", () => {
    const pager = client.projects.index({ account_id, workspace_id });
    expectTypeOf(pager).toEqualTypeOf<Pager<Schema<"ProjectsWithIncludesResponse">>>();
    expectTypeOf(pager).resolves.toEqualTypeOf<Schema<"ProjectsWithIncludesResponse">>();
    expectTypeOf<AsyncIterableIterator<never>>().toBeObject();
    expectTypeOf(pager[Symbol.asyncIterator]().next()).resolves.toHaveProperty("value");
  });

  it("withRawResponse wraps the same data with the response", () => {
    expectTypeOf(client.withRawResponse.files.show({ account_id, file_id })).resolves.toEqualTypeOf<
      WithRawResponse<Schema<"FileWithIncludesResponse">>
    >();
    expectTypeOf(client.withRawResponse.files.delete({ account_id, file_id })).resolves.toEqualTypeOf<
      WithRawResponse<undefined>
    >();
    expectTypeOf(client.withRawResponse.projects.index({ account_id, workspace_id })).resolves.toEqualTypeOf<
      WithRawResponse<Schema<"ProjectsWithIncludesResponse">>
    >();
  });

  it("client.http is openapi-fetch typed by path", async () => {
    const { data } = await client.http.GET("/v4/accounts/{account_id}/files/{file_id}", {
      params: { path: { account_id, file_id } },
    });
    // openapi-fetch spells the type out structurally; it must be the same shape both ways.
    expectTypeOf<NonNullable<typeof data>>().toExtend<Schema<"FileWithIncludesResponse">>();
    expectTypeOf<Schema<"FileWithIncludesResponse">>().toExtend<NonNullable<typeof data>>();
  });
});

describe("bad arguments do not compile", () => {
  it("wrong parameter names", () => {
    // @ts-expect-error fileId is not a parameter: the wire name is file_id
    void client.files.show({ account_id, fileId: file_id });
    // @ts-expect-error includes is a typo of include
    void client.files.show({ account_id, file_id, includes: "creator" });
  });

  it("a missing required path parameter", () => {
    // @ts-expect-error file_id is required
    void client.files.show({ account_id });
    // @ts-expect-error the argument object is required when the path has parameters
    void client.files.show();
  });

  it("a wrong enum value", () => {
    // @ts-expect-error "newest" is not a ProjectSort
    void client.projects.index({ account_id, workspace_id, sort: "newest" });
    void client.projects.index({ account_id, workspace_id, sort: "name_asc" });
  });

  it("a wrong query value type", () => {
    // @ts-expect-error page_size is a number
    void client.projects.index({ account_id, workspace_id, page_size: "50" });
  });

  it("wrong body field types and missing body fields", () => {
    // @ts-expect-error name is a string
    void client.folders.create({ account_id, folder_id, data: { name: 42 } });
    // @ts-expect-error the body's data member is required
    void client.folders.create({ account_id, folder_id });
    // @ts-expect-error unknown body field
    void client.folders.create({ account_id, folder_id, data: { name: "Selects", colour: "red" } });
    void client.folders.create({ account_id, folder_id, data: { name: "Selects" } });
    // An optional body may be left out.
    void client.files.copy({ account_id, file_id });
  });

  it("search takes its body as `body`, not `data`", () => {
    void client.search.search({ account_id, body: { query: "harbor", engine: "lexical" } });
    // @ts-expect-error engine must be lexical or nlp
    void client.search.search({ account_id, body: { query: "harbor", engine: "fuzzy" } });
    // @ts-expect-error search has no `data` argument
    void client.search.search({ account_id, data: { query: "harbor", engine: "lexical" } });
  });

  it("per-request options are typed", () => {
    void client.files.show(
      { account_id, file_id },
      { timeoutMs: 1_000, maxRetries: 0, signal: AbortSignal.timeout(5_000) },
    );
    // @ts-expect-error timeoutMs is a number
    void client.files.show({ account_id, file_id }, { timeoutMs: "1s" });
    void client.projects.index({ account_id, workspace_id }, { maxItems: 10 });
    // @ts-expect-error maxItems is a pager option; files.show is not paginated
    void client.files.show({ account_id, file_id }, { maxItems: 10 });
  });

  it("operations without parameters take no required argument", () => {
    expectTypeOf(client.users.show).parameter(0).toEqualTypeOf<{} | undefined>();
    void client.users.show();
    void client.accounts.index();
  });

  it("operations without a request body take no `body` or `data`", () => {
    // @ts-expect-error files.show has no request body
    void client.files.show({ account_id, file_id, body: {} });
    // @ts-expect-error nor a `data` member
    void client.files.delete({ account_id, file_id, data: {} });
  });
});

describe("raw twins type exactly like the plain methods", () => {
  it("take the same arguments, optional where the plain method's are", () => {
    void client.withRawResponse.users.show();
    void client.withRawResponse.accounts.index();
    expectTypeOf(client.withRawResponse.users.show).parameters.toEqualTypeOf<Parameters<typeof client.users.show>>();
    expectTypeOf(client.withRawResponse.files.show).parameters.toEqualTypeOf<Parameters<typeof client.files.show>>();
    expectTypeOf(client.withRawResponse.projects.index)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof client.projects.index>[0]>();
    // @ts-expect-error file_id is required on the twin too
    void client.withRawResponse.files.show({ account_id });
  });
});

describe("lists and defaults", () => {
  it("include takes a list of allowed values or one value", () => {
    void client.files.show({ account_id, file_id, include: ["creator", "media_links.original"] });
    void client.files.show({ account_id, file_id, include: "creator" });
    // @ts-expect-error "owner" is not a file include
    void client.files.show({ account_id, file_id, include: ["owner"] });
  });

  it("a header with one allowed value may be left out", () => {
    void client.auditlog.index({ account_id });
    void client.auditlog.index({ account_id, "api-version": "4.0" });
    // @ts-expect-error only 4.0 is allowed
    void client.auditlog.index({ account_id, "api-version": "3.0" });
  });
});

describe("escape hatches", () => {
  it("client.call is typed for a literal SDK name or operationId", () => {
    expectTypeOf(client.call("files.show", { account_id, file_id })).resolves.toEqualTypeOf<
      Schema<"FileWithIncludesResponse">
    >();
    expectTypeOf(
      client.call("files.create_local_upload", { account_id, folder_id, data: { name: "a.mov", file_size: 1 } }),
    ).resolves.toHaveProperty("data");
    // @ts-expect-error file_id is required
    void client.call("files.show", { account_id });
    const name: string = "files.show";
    expectTypeOf(client.call(name, {})).resolves.toBeUnknown();
  });

  it("per-call query and client.request", () => {
    void client.files.show({ account_id, file_id }, { query: { preview: true, tags: ["a", "b"] } });
    expectTypeOf(client.request({ method: "GET", path: "/v4/me" })).resolves.toBeUnknown();
    // @ts-expect-error TRACE is not an API method
    void client.request({ method: "TRACE", path: "/v4/me" });
  });
});
