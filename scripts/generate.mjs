#!/usr/bin/env node
// Regenerates everything derived from openapi/openapi.yaml. CI runs it and fails when the committed files differ.
import { fileURLToPath } from "node:url";
import { loadSpec, listOperations, SPEC_PATH } from "./lib/spec.mjs";
import { generateTypes } from "./lib/gen-types.mjs";
import { generateValidators } from "./lib/gen-validators.mjs";
import { generateOperationTable, generateResourceTypes } from "./lib/gen-client.mjs";
import { removeStale, writeGenerated } from "./lib/write.mjs";

const root = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const spec = loadSpec();
const operations = listOperations(spec);

const validators = generateValidators(spec, operations);
const outputs = {
  "packages/types/src/generated/openapi.ts": await generateTypes(SPEC_PATH),
  "packages/client/src/generated/resources.ts": generateResourceTypes(operations),
  ...Object.fromEntries(
    Object.entries({ ...generateOperationTable(operations, (group) => `validators/${group}.input.ts` in validators), ...validators }).map(([path, content]) => [`packages/client/src/generated/${path}`, content]),
  ),
};

let changed = 0;
for (const [path, content] of Object.entries(outputs)) {
  if (writeGenerated(root(path), content)) {
    changed += 1;
    console.log(`updated ${path}`);
  }
}
// A group dropped from the spec must not leave its checks or operation rows behind.
for (const dir of ["validators", "operations", "groups"]) {
  for (const path of removeStale(root(`packages/client/src/generated/${dir}`), Object.keys(outputs).map(root))) {
    changed += 1;
    console.log(`removed ${path}`);
  }
}
console.log(`${operations.length} operations; ${changed} generated file(s) changed.`);
