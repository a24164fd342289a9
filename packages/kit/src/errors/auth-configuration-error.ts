import { FrameioAuthError } from "./auth-error.js";

/** An auth option or argument was missing or malformed; raised before any request is sent. */
export class AuthConfigurationError extends FrameioAuthError {
  override name = "AuthConfigurationError";
  /** The option or argument at fault, e.g. `redirectUri`. */
  readonly option: string;
  /** What a valid value looks like. */
  readonly expected: string;

  constructor(option: string, expected: string) {
    super(`Invalid auth option "${option}": expected ${expected}`);
    this.option = option;
    this.expected = expected;
  }
}
