import type { FrameioClient, Pager } from "@frameio-sdk/client";

/**
 * Calls one operation by SDK name through the client (validation, auth, retries, rate limits, typed errors). A
 * paginated operation resolves to its first page.
 */
export function callOperation(
  client: FrameioClient,
  key: string,
  args: Record<string, unknown>,
  signal: AbortSignal,
): Promise<unknown> {
  return client.call(key, args, { signal });
}

type Method = (args: Record<string, unknown>, options: { signal: AbortSignal }) => unknown;

/** The Pager of a paginated operation (`client.<group>.<method>(args)`), for following its pages. */
export function pagerOf(
  client: FrameioClient,
  key: string,
  args: Record<string, unknown>,
  signal: AbortSignal,
): Pager<{ data: unknown[] }> {
  const [groupName, methodName] = key.split(".") as [string, string];
  const group = (client as unknown as Record<string, Record<string, Method> | undefined>)[groupName];
  const method = group?.[methodName];
  if (!group || typeof method !== "function") throw new Error(`The client has no operation ${key}`);
  return method.call(group, args, { signal }) as Pager<{ data: unknown[] }>;
}
