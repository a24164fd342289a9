import type { ConnectionFailurePhase } from "../errors/index.js";
import { attemptFailure } from "../internal/attempt-failure.js";
import { bufferBody } from "../internal/buffered-body.js";
import { IdleDeadline } from "./idle-deadline.js";
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
  /**
   * Idle deadline of this attempt in ms (Infinity: none): when no byte moves for this long, the sender rejects
   * with FrameioTimeoutError, which the engine retries. Absent for senders written before deadlines existed.
   */
  timeoutMs?: number;
}

/**
 * Sends one part and resolves with the storage service's response, whatever its status. Transport failures must
 * reject with FrameioConnectionError (keeping the socket error as `cause`) so they are retried; an abort rejects
 * with the signal's reason; an idle attempt rejects with FrameioTimeoutError.
 */
export type PartSender = (request: PartRequest) => Promise<Response>;

/**
 * The universal sender: `fetch` with a Uint8Array or Blob body, so the runtime sets Content-Length (S3 refuses
 * chunked uploads). Streamed progress is not observable through fetch: progress then moves per finished part, and
 * the idle deadline restarts only when the response arrives, so a part must be sent and answered within it.
 */
export function fetchPartSender(fetchImpl: typeof fetch = globalThis.fetch): PartSender {
  return async ({ url, headers, body, signal, timeoutMs = Number.POSITIVE_INFINITY }) => {
    const deadline = new IdleDeadline(timeoutMs, { method: "PUT", url }, signal);
    let phase: ConnectionFailurePhase = "before-response";
    try {
      const response = await fetchImpl(url, {
        method: "PUT",
        headers,
        body: body as BodyInit,
        signal: deadline.signal,
      });
      // The storage service's answer is small; read it under the same deadline, so a stalled body cannot hang.
      deadline.touch();
      phase = "reading-body";
      return await bufferBody(response);
    } catch (error) {
      const { timedOut } = deadline;
      throw attemptFailure(error, { method: "PUT", url, signals: [signal], timedOut, timeoutMs, phase });
    } finally {
      deadline.clear();
    }
  };
}
