import type { OperationSpec } from "../operation-spec.js";
import { operationIndex, type GroupModule } from "../generated/operation-index.js";

// Rows by operation key, filled a whole group at a time, and the group modules still loading, so that a burst of
// first calls shares one import.
const rows = new Map<string, OperationSpec>();
const loading = new Map<string, Promise<GroupModule>>();

/** The module of API group `group`: its operation rows and request checks, imported once. */
export function loadGroup(group: string): Promise<GroupModule> {
  let pending = loading.get(group);
  if (!pending) loading.set(group, (pending = (operationIndex[group] as (typeof operationIndex)[string])[1]()));
  return pending;
}

/**
 * The row of operation `key` (`group.method`): at once when its group is loaded, so calls after a group's first
 * cost no promise; before that, a promise of it.
 */
export function operationRow(key: string): OperationSpec | Promise<OperationSpec> {
  const row = rows.get(key);
  if (row) return row;
  const group = key.slice(0, key.indexOf("."));
  return loadGroup(group).then(({ operations }) => {
    for (const [method, spec] of Object.entries(operations)) rows.set(`${group}.${method}`, spec);
    return rows.get(key) as OperationSpec;
  });
}
