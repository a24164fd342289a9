import { ImsError } from "./ims-error.js";

/**
 * IMS answered `invalid_grant` to a refresh: the refresh token expired, was revoked, or was rotated away.
 * The user has to sign in again.
 */
export class RefreshTokenExpiredError extends ImsError {
  override name = "RefreshTokenExpiredError";
}
