import { exampleArgumentSets, examplesOf, resolve, spec, specOperations } from "@frameio-sdk/testing/spec-calls";
import { describe, expect, it } from "vitest";
import { toValidationIssues } from "../src/index.js";
import { operationSchemas } from "../src/operations.js";
import { webhookEventSchemas } from "../src/webhooks.js";

const responseCases = specOperations.flatMap((op) =>
  Object.entries(op.raw.responses as Record<string, unknown>)
    .filter(([code]) => /^2\d\d$/.test(code))
    .flatMap(([code, response]) =>
      examplesOf(resolve(response)?.content?.["application/json"]).map((example, i) => ({
        name: `${op.key} ${code} #${i}`,
        key: op.key,
        example,
      })),
    ),
);
const argumentCases = specOperations.flatMap((op) =>
  exampleArgumentSets(op, { params: "all" }).map((args, i) => ({ name: `${op.key} #${i}`, key: op.key, args })),
);
const webhookCases = Object.entries(spec.webhooks as Record<string, { post: unknown }>).flatMap(([type, item]) =>
  examplesOf(resolve((item.post as { requestBody: unknown }).requestBody).content["application/json"]).map(
    (example, i) => ({ name: `${type} #${i}`, type, example }),
  ),
);

const issuesOf = (result: { success: boolean; error?: unknown }, input: unknown) =>
  result.success ? [] : toValidationIssues(result.error as Parameters<typeof toValidationIssues>[0], input);

describe("the spec's examples", () => {
  it("cover every operation and every webhook event", () => {
    expect(Object.keys(operationSchemas).sort()).toEqual(specOperations.map((op) => op.key).sort());
    expect(new Set(responseCases.map((c) => c.key)).size).toBeGreaterThan(70);
    expect(Object.keys(webhookEventSchemas).sort()).toEqual(Object.keys(spec.webhooks).sort());
  });

  it.each(responseCases)("response $name validates", ({ key, example }) => {
    const schema = operationSchemas[key as keyof typeof operationSchemas];
    if (!("response" in schema)) throw new Error(`${key} has a response example but no response schema`);
    expect(issuesOf(schema.response.safeParse(example), example)).toEqual([]);
  });

  it.each(argumentCases)("arguments $name validate", ({ key, args }) => {
    const schema = operationSchemas[key as keyof typeof operationSchemas].args;
    expect(issuesOf(schema.safeParse(args), args)).toEqual([]);
  });

  it.each(webhookCases)("webhook $name validates", ({ type, example }) => {
    const schema = webhookEventSchemas[type as keyof typeof webhookEventSchemas];
    expect(issuesOf(schema.safeParse(example), example)).toEqual([]);
  });
});
