import { operationTable } from "../generated/operations.js";
import type { OperationDescriptor } from "../operation-descriptor.js";

const descriptors: readonly OperationDescriptor[] = Object.values(operationTable);

/**
 * The operation named by its SDK name (`files.show`) or the spec's operationId (`files.create_local_upload`).
 * Imported by `client.call` on first use (a chunk of its own, apart from the `./operations` entry).
 */
export function findOperation(name: string): OperationDescriptor | undefined {
  return descriptors.find((d) => d.operationKey === name) ?? descriptors.find((d) => d.operationId === name);
}

const byRoute = new Map(descriptors.map((d) => [`${d.method} ${d.path}`, d.operationKey]));

/** The SDK name of the operation at `method` and path template `schemaPath`, as openapi-fetch's middleware sees it. */
export function operationKeyOf(method: string, schemaPath: string): string | undefined {
  return byRoute.get(`${method.toUpperCase()} ${schemaPath}`);
}
