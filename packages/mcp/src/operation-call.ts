import type { FrameioClient, Pager } from "@frameio-sdk/client";

type Method = (args: Record<string, unknown>, options: { signal: AbortSignal }) => unknown;

function method(client: FrameioClient, key: string): { group: object; fn: Method } {
  const [groupName, methodName] = key.split(".") as [string, string];
  const group = (client as unknown as Record<string, Record<string, Method> | undefined>)[groupName];
  const fn = group?.[methodName];
  if (!group || typeof fn !== "function") throw new Error(`The client has no operation ${key}`);
  return { group, fn };
}

/**
 * Calls one operation through the client (validation, auth, retries, rate limits, typed errors). A paginated
 * operation resolves to its first page. The one place that maps an SDK name to a client method.
 */
export async function callOperation(
  client: FrameioClient,
  key: string,
  args: Record<string, unknown>,
  signal: AbortSignal,
): Promise<unknown> {
  const { group, fn } = method(client, key);
  return await fn.call(group, args, { signal });
}

/** The Pager of a paginated operation, for following its pages. */
export function pagerOf(
  client: FrameioClient,
  key: string,
  args: Record<string, unknown>,
  signal: AbortSignal,
): Pager<{ data: unknown[] }> {
  const { group, fn } = method(client, key);
  return fn.call(group, args, { signal }) as Pager<{ data: unknown[] }>;
}
