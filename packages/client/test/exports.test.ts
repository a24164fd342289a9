// The runtime exports of each entry of @frameio-sdk/client: a change here is a change of the public API.
import * as kit from "@frameio-sdk/kit";
import { describe, expect, it } from "vitest";
import * as main from "../src/index.js";
import * as operations from "../src/operations.js";

describe("exports", () => {
  it("@frameio-sdk/client", () => {
    expect(Object.keys(main).sort()).toEqual([
      "AuthConfigurationError",
      "AuthNetworkError",
      "BadRequestError",
      "ConflictError",
      "DownloadUnavailableError",
      "ForbiddenError",
      "FrameioApiError",
      "FrameioAuthError",
      "FrameioClient",
      "FrameioConnectionError",
      "FrameioError",
      "FrameioPaginationError",
      "FrameioRedirectError",
      "FrameioResponseError",
      "FrameioTimeoutError",
      "FrameioValidationError",
      "ImsError",
      "InternalServerError",
      "NotFoundError",
      "Pager",
      "RefreshTokenExpiredError",
      "RefreshTokenMissingError",
      "ThrottleStoreError",
      "TooManyRequestsError",
      "UnauthorizedError",
      "UnprocessableEntityError",
      "UploadError",
      "UploadIncompleteError",
      "WebhookVerificationError",
      "paginate",
      "resourceGroups",
    ]);
  });

  it("@frameio-sdk/client re-exports every error class of the kit, as the same classes", () => {
    const kitErrors = Object.entries(kit).filter(
      ([name, value]) => typeof value === "function" && name.endsWith("Error"),
    );
    expect(kitErrors.length).toBeGreaterThan(20);
    for (const [name, value] of kitErrors) expect((main as Record<string, unknown>)[name], name).toBe(value);
  });

  it("@frameio-sdk/client/operations", () => {
    expect(Object.keys(operations).sort()).toEqual(["operationTable"]);
  });
});
