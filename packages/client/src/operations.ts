// The `@frameio-sdk/client/operations` entry: the whole operation table at once, for tools and tests. A subpath of
// its own because the client itself loads the rows one API group at a time, and bundles would otherwise carry all.
export { operationTable } from "./generated/operations.js";
export type { OperationSpec } from "./operation-spec.js";
