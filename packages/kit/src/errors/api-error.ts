import { FrameioError } from "./frameio-error.js";
import { redactHeaders, redactUrl } from "./redact.js";

/** One entry of the documented Frame.io error body `{ errors: [...] }`. */
export interface FrameioErrorDetail {
  detail: string;
  title?: string;
  source?: { pointer?: string };
}

export interface FrameioApiErrorInit {
  status: number;
  body: unknown;
  headers: Headers;
  method: string;
  url: string;
  attempts?: number;
  statusText?: string;
}

/** The API answered with a non-success status. Subclasses narrow it by status code. */
export class FrameioApiError extends FrameioError {
  override name = "FrameioApiError";
  readonly status: number;
  /** The parsed response body (JSON when the server sent JSON, else text). */
  readonly body: unknown;
  /** Response headers, with credentials redacted. */
  readonly headers: Record<string, string>;
  readonly method: string;
  /** The request URL with credentials and signed query values removed. */
  readonly url: string;
  /** How many attempts were made, the last one included. */
  readonly attempts: number;

  constructor(init: FrameioApiErrorInit) {
    const url = redactUrl(init.url);
    super(`${init.method} ${url} failed with ${init.status}${describe(init.body, init.statusText)}`);
    this.status = init.status;
    this.body = init.body;
    this.headers = redactHeaders(init.headers);
    this.method = init.method;
    this.url = url;
    this.attempts = init.attempts ?? 1;
  }

  /** The `errors` array of the documented error body, or `[]` when the body has another shape. */
  get errors(): FrameioErrorDetail[] {
    const errors = (this.body as { errors?: unknown } | null)?.errors;
    return Array.isArray(errors) ? (errors as FrameioErrorDetail[]) : [];
  }
}

function describe(body: unknown, statusText?: string): string {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const parts = errors.slice(0, 3).map((e: FrameioErrorDetail) => {
      const where = e?.source?.pointer ? ` (at ${e.source.pointer})` : "";
      return `${e?.title ? `${e.title}: ` : ""}${e?.detail ?? "unknown error"}${where}`;
    });
    return `: ${parts.join("; ")}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ""}`;
  }
  return statusText ? ` ${statusText}` : "";
}
