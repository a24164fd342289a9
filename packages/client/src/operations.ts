// The `@frameio-sdk/client/operations` entry: the whole operation table at once, for tools (MCP servers, CLIs) and
// tests. A subpath of its own: the client does not need the table to call operations, and bundles would carry it.
export { type OperationKey, operationTable } from "./generated/operations.js";
export type { OperationDescriptor, OperationSpec } from "./operation-descriptor.js";
