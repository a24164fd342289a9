import { FrameioError } from "./frameio-error.js";
import { redactUrl } from "./redact.js";

/**
 * The server answered with a redirect the SDK will not follow: any 3xx to a write (POST, PATCH, PUT, DELETE), whose
 * body would otherwise be re-sent as a GET or to another host; any redirect from the IMS token endpoint; too many
 * hops; or a browser's opaque redirect, whose target cannot be read. Nothing was re-sent.
 */
export class FrameioRedirectError extends FrameioError {
  override name = "FrameioRedirectError";
  readonly method: string;
  /** The request URL, redacted. */
  readonly url: string;
  /** The redirect status; 0 for a browser's opaque redirect. */
  readonly status: number;
  /** Where the server pointed, redacted; `undefined` when the runtime hides it (opaque redirect) or none was sent. */
  readonly location: string | undefined;
  readonly attempts: number;

  constructor(init: {
    method: string;
    url: string;
    status: number;
    location?: string;
    attempts?: number;
    reason?: string;
  }) {
    const url = redactUrl(init.url);
    const location = init.location === undefined ? undefined : redactUrl(init.location);
    const target = location === undefined ? "an unreadable location" : location;
    const why = init.reason ?? "redirects are not followed for this request";
    super(`${init.method} ${url} was redirected (${init.status}) to ${target}; ${why}`);
    this.method = init.method;
    this.url = url;
    this.status = init.status;
    this.location = location;
    this.attempts = init.attempts ?? 1;
  }
}
