export { FrameioClient } from "./client.js";
export type { FrameioClientOptions } from "./client-options.js";
export type { DownloadArgs, FileTransfers, UploadArgs, UploadFromUrlArgs } from "./file-transfers.js";
export type { OperationArgs, OperationResult, PageOptions, RequestOptions, WithRawResponse } from "./operation-types.js";
export type { RawResources } from "./raw-types.js";
export type * from "./generated/resources.js";
export { resourceGroups } from "./generated/resources.js";
export type { OperationSpec } from "./operation-spec.js";
export {
  FrameioError,
  FrameioApiError,
  BadRequestError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  TooManyRequestsError,
  InternalServerError,
  FrameioTimeoutError,
  FrameioConnectionError,
  FrameioValidationError,
  FrameioPaginationError,
  FrameioAuthError,
  UploadError,
  DownloadUnavailableError,
  UploadIncompleteError,
  ImsError,
  type ValidationIssue,
  type FrameioErrorDetail,
} from "@frameio-sdk/kit";
export { Pager, paginate } from "@frameio-sdk/kit";
export type { components, operations, paths, Schema, webhooks } from "@frameio-sdk/types";
