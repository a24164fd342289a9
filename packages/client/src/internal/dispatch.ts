import { FrameioValidationError } from "@frameio-sdk/kit";
import type { RequestOptions } from "../operation-types.js";

/**
 * `client.call(name, ...)`: finds the operation by SDK name or operationId in the operation table (imported on
 * the first call by name) and calls its method on `client`. A list method's Pager resolves to its first page.
 */
export async function dispatchByName(
  client: object,
  name: string,
  args: object | undefined,
  options: RequestOptions | undefined,
): Promise<unknown> {
  const { findOperation } = await import("./operation-lookup.js");
  const descriptor = findOperation(name);
  if (!descriptor) {
    const received = JSON.stringify(String(name));
    const expected = "an operation key (files.show) or operationId (files.create_local_upload) from operationTable";
    throw new FrameioValidationError("client.call", [
      { path: "name", expected, received, message: `unknown operation ${received}` },
    ]);
  }
  const dot = descriptor.operationKey.indexOf(".");
  const group: unknown = Reflect.get(client, descriptor.operationKey.slice(0, dot));
  const method: unknown = group && Reflect.get(group, descriptor.operationKey.slice(dot + 1));
  if (typeof method !== "function") throw new TypeError(`client has no method ${descriptor.operationKey}`);
  return await Reflect.apply(method, group, [args, options]);
}
