import { FrameioConnectionError } from "../errors/index.js";
import type { PartBody } from "./source.js";

/** One PUT of one part to its pre-signed URL. */
export interface PartRequest {
  url: string;
  /** `content-type` and `x-amz-acl`; never an Authorization header, the URL carries its own signature. */
  headers: Record<string, string>;
  body: PartBody;
  signal: AbortSignal;
  /** Called with each increment of body bytes handed to the network, when the sender can observe them. */
  onBytesSent?: (bytes: number) => void;
}

/**
 * Sends one part and resolves with the storage service's response, whatever its status. Transport failures must
 * reject with FrameioConnectionError (keeping the socket error as `cause`) so they are retried; an abort rejects
 * with the signal's reason.
 */
export type PartSender = (request: PartRequest) => Promise<Response>;

/**
 * The universal sender: `fetch` with a Uint8Array or Blob body, so the runtime sets Content-Length (S3 refuses
 * chunked uploads). Streamed progress is not observable through fetch; progress then moves per finished part.
 */
export function fetchPartSender(fetchImpl: typeof fetch = globalThis.fetch): PartSender {
  return async ({ url, headers, body, signal }) => {
    try {
      return await fetchImpl(url, { method: "PUT", headers, body: body as BodyInit, signal });
    } catch (cause) {
      if (signal.aborted) throw signal.reason;
      throw new FrameioConnectionError({ method: "PUT", url, cause });
    }
  };
}
