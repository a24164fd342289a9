#!/usr/bin/env node
// Regenerates everything derived from openapi/openapi.yaml. CI runs it and fails when the committed files differ.
import { fileURLToPath } from "node:url";
import { loadSpec, listOperations, SPEC_PATH } from "./lib/spec.mjs";
import { generateTypes } from "./lib/gen-types.mjs";
import { generateInputValidators, generateResponseValidators } from "./lib/gen-validators.mjs";
import { generateOperationTable, generateResourceTypes } from "./lib/gen-client.mjs";
import { writeGenerated } from "./lib/write.mjs";

const root = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const spec = loadSpec();
const operations = listOperations(spec);

const outputs = {
  "packages/types/src/generated/openapi.ts": await generateTypes(SPEC_PATH),
  "packages/client/src/generated/operations.ts": generateOperationTable(operations),
  "packages/client/src/generated/resources.ts": generateResourceTypes(operations),
  "packages/client/src/generated/input-validators.ts": generateInputValidators(spec, operations),
  "packages/client/src/generated/response-validators.ts": generateResponseValidators(spec, operations),
};

let changed = 0;
for (const [path, content] of Object.entries(outputs)) {
  if (writeGenerated(root(path), content)) {
    changed += 1;
    console.log(`updated ${path}`);
  }
}
console.log(`${operations.length} operations; ${changed} generated file(s) changed.`);
