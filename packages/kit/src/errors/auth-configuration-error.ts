import { FrameioAuthError } from "./auth-error.js";

/** An auth option or argument was missing or malformed; raised before any request is sent. */
export class AuthConfigurationError extends FrameioAuthError {
  override name = "AuthConfigurationError";
  /** The option or argument at fault, e.g. `redirectUri`. */
  readonly option: string;
  /** What a valid value looks like. */
  readonly expected: string;

  /** `new AuthConfigurationError({ option, expected })`; the `(option, expected)` form is kept for existing code. */
  constructor(init: { option: string; expected: string } | string, expected = "") {
    const fields = typeof init === "string" ? { option: init, expected } : init;
    super(`Invalid auth option "${fields.option}": expected ${fields.expected}`);
    this.option = fields.option;
    this.expected = fields.expected;
  }
}
