import { FrameioAuthError } from "./auth-error.js";

/**
 * A new access token is needed but there is no refresh token to get it with: the user never signed in here,
 * tokens were revoked, or IMS issued none because the `offline_access` scope was not granted.
 */
export class RefreshTokenMissingError extends FrameioAuthError {
  override name = "RefreshTokenMissingError";
}
