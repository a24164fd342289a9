import { FrameioAuthError } from "./auth-error.js";

export interface ImsErrorInit {
  /** HTTP status of the IMS response. */
  status: number;
  /** The OAuth `error` code, e.g. `invalid_grant`; `invalid_response` when IMS sent something unparseable. */
  error: string;
  errorDescription?: string;
  /** Which IMS call failed: `token` or `revoke`. */
  endpoint: string;
  attempts?: number;
}

/** Adobe IMS refused a token or revoke request. */
export class ImsError extends FrameioAuthError {
  override name = "ImsError";
  readonly status: number;
  readonly error: string;
  readonly errorDescription: string | undefined;
  readonly endpoint: string;
  readonly attempts: number;

  constructor(init: ImsErrorInit) {
    const detail = init.errorDescription ? `: ${init.errorDescription}` : "";
    super(`IMS ${init.endpoint} request failed with ${init.status} ${init.error}${detail}`);
    this.status = init.status;
    this.error = init.error;
    this.errorDescription = init.errorDescription;
    this.endpoint = init.endpoint;
    this.attempts = init.attempts ?? 1;
  }
}
