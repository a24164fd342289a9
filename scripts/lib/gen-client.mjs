// The client's generated layer (packages/client/src/generated): one class per API group whose methods are written
// out one by one over openapi-fetch, the `Resources` base class that types `client.<group>` by construction, the
// operation table with named fields, and per group the zod schemas (from @frameio-sdk/schemas) it validates with.
// The emitters of each part live in ./gen-client/.
import { groupClass } from "./gen-client/groups.mjs";
import { schemaIndex, schemaModule } from "./gen-client/schemas.mjs";
import { groupsOf } from "./gen-client/source.mjs";
import { operationsModule, resourcesModule, tableModule } from "./gen-client/tables.mjs";

const OUT = "packages/client/src/generated";

/**
 * Every file of packages/client/src/generated, by repository-relative path. `model` is `{ spec, operations }`
 * (operations as scripts/lib/spec.mjs lists them).
 */
export function generateClient(model) {
  const { spec, operations } = model;
  const groups = groupsOf(operations);
  const files = {};
  for (const [group, ops] of groups) {
    files[`${OUT}/groups/${group}.ts`] = groupClass(spec, group, ops);
    files[`${OUT}/operations/${group}.ts`] = operationsModule(spec, group, ops);
  }
  files[`${OUT}/operations.ts`] = tableModule(groups);
  files[`${OUT}/resources.ts`] = resourcesModule(groups, operations);
  const modules = [];
  for (const [group, ops] of groups) {
    for (const direction of ["args", "responses"]) {
      const content = schemaModule(group, ops, direction);
      if (!content) continue;
      files[`${OUT}/validation/${group}.${direction}.ts`] = content;
      modules.push([group, direction]);
    }
  }
  files[`${OUT}/schemas.ts`] = schemaIndex(modules);
  return files;
}
