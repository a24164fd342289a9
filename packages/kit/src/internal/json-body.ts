import { FrameioResponseError } from "../errors/index.js";
import { attemptsOf } from "./attempts.js";
import type { BodyHandOver } from "./body-hand-over.js";
import { bufferedText } from "./buffered-body.js";

/**
 * The parsed JSON body of a success response, `undefined` for an empty one (204, or no bytes), or a
 * FrameioResponseError when the bytes are not JSON (an HTML error page, a body cut short): never a bare SyntaxError.
 * `handOver` is the call's `CallOptions.handOver`, when it had one.
 */
export async function readJsonBody(
  response: Response,
  request: { method: string; url: string },
  handOver?: BodyHandOver,
): Promise<unknown> {
  const text = handOver?.text ?? bufferedText(response) ?? (await response.text());
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    const contentType = response.headers.get("content-type") ?? undefined;
    throw new FrameioResponseError({
      status: response.status,
      ...request,
      contentType,
      attempts: handOver?.attempts ?? attemptsOf(response),
      cause,
    });
  }
}
