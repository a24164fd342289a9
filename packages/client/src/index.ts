export {
  AuthConfigurationError,
  AuthNetworkError,
  BadRequestError,
  ConflictError,
  DownloadUnavailableError,
  ForbiddenError,
  FrameioApiError,
  FrameioAuthError,
  FrameioConnectionError,
  FrameioError,
  type FrameioErrorDetail,
  FrameioPaginationError,
  FrameioRedirectError,
  FrameioResponseError,
  FrameioTimeoutError,
  FrameioValidationError,
  ImsError,
  InternalServerError,
  NotFoundError,
  Pager,
  paginate,
  RefreshTokenExpiredError,
  RefreshTokenMissingError,
  ThrottleStoreError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
  UploadError,
  UploadIncompleteError,
  type ValidationIssue,
  WebhookVerificationError,
} from "@frameio-sdk/kit";
export type { components, operations, paths, Schema, webhooks } from "@frameio-sdk/types";
export { type CallArgs, type CallResult, FrameioClient, type OperationName, type OperationOf } from "./client.js";
export type { FrameioClientOptions } from "./client-options.js";
export type { ApiRequest } from "./client-request.js";
export type { DownloadArgs, FileTransfers, UploadArgs, UploadFromUrlArgs } from "./file-transfers.js";
export type { FilesResource } from "./files-resource.js";
export type { OperationKey } from "./generated/operations.js";
export { type OperationIds, type Resources, resourceGroups } from "./generated/resources.js";
export type { OperationDescriptor, OperationSpec } from "./operation-descriptor.js";
export type { OperationRunner } from "./operation-runner.js";
export type {
  Listed,
  OperationArgs,
  OperationResult,
  PageOptions,
  QueryValue,
  RawResources,
  RequestOptions,
  Resolved,
  WithRawResponse,
} from "./operation-types.js";
