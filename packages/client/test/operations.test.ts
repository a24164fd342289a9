/**
 * Derived from openapi/openapi.yaml: every operation exists on the client (plain and withRawResponse), and every
 * operation is called through the client against Prism with valid arguments, response bodies checked against the
 * spec (validateResponses: true).
 */

import { exampleArguments, examplesOf, specOperations, successStatus } from "@frameio-sdk/testing/spec-calls";
import { describe, expect, inject, it } from "vitest";
import { FrameioClient, Pager } from "../src/index.js";
import { type OperationDescriptor, operationTable } from "../src/operations.js";

const operations = specOperations;
const client = new FrameioClient({
  baseUrl: inject("prismUrl"),
  token: "prism-token",
  validateResponses: true,
  maxRetries: 0,
});

type AnyMethod = (args?: unknown, options?: unknown) => unknown;
const method = (target: unknown, key: string): AnyMethod | undefined => {
  const [group, name] = key.split(".") as [string, string];
  return (target as Record<string, Record<string, AnyMethod> | undefined>)[group]?.[name];
};

describe("the client covers the spec", () => {
  it("has one table row per spec operation, with the spec's names, method, path, pagination and deprecation", () => {
    const table: Record<string, OperationDescriptor> = { ...operationTable };
    expect(operations.length).toBeGreaterThan(80);
    expect(Object.keys(table).sort()).toEqual(operations.map((o) => o.key).sort());
    for (const o of operations) {
      expect(table[o.key], o.key).toMatchObject({
        operationKey: o.key,
        operationId: o.operationId,
        method: o.httpMethod,
        path: o.path,
        paginated: o.paginated,
        summary: o.raw.summary,
      });
      expect(table[o.key]?.deprecated, o.key).toBe(o.raw.deprecated === true ? true : undefined);
      const limit = o.raw["x-rate-limit"];
      expect(table[o.key]?.rateLimit, o.key).toEqual({ calls: limit.calls, per_seconds: limit.per_seconds });
    }
  });

  it.each(operations.map((o) => [o.key]))("%s is a method on the client and on withRawResponse", (key) => {
    expect(typeof method(client, key)).toBe("function");
    expect(typeof method(client.withRawResponse, key)).toBe("function");
  });
});

describe("every operation resolves against Prism", () => {
  const cases = operations.map((o) => {
    const derived = o.media !== undefined && examplesOf(o.media).length === 0;
    const note = derived ? " (body derived from the schema: the spec has no request example)" : "";
    return [`${o.operationId} as ${o.key}${note}`, o, exampleArguments(o, { missingBody: "derive" })] as const;
  });

  it.each(cases)("%s", async (_title, o, args) => {
    const status = successStatus(o);
    const result = method(client, o.key)!(args);
    if (o.paginated) {
      expect(result).toBeInstanceOf(Pager);
      const page = (await result) as { data: unknown[] };
      expect(Array.isArray(page.data)).toBe(true);
    } else if (status === 204) {
      await expect(result).resolves.toBeUndefined();
    } else {
      const body = (await result) as Record<string, unknown>;
      expect(body).toBeTypeOf("object");
      expect(body).not.toBeNull();
    }
  });

  it.each(cases)("%s, raw", async (_title, o, args) => {
    const raw = (await method(client.withRawResponse, o.key)!(args)) as {
      status: number;
      response: Response;
      headers: Headers;
      data: unknown;
    };
    expect(raw.status).toBe(successStatus(o));
    expect(raw.response).toBeInstanceOf(Response);
    expect(raw.headers).toBe(raw.response.headers);
    if (raw.status === 204) expect(raw.data).toBeUndefined();
    else expect(raw.data).toBeTypeOf("object");
  });
});
