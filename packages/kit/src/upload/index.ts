export {
  type DownloadableFile,
  type DownloadFileOptions,
  type DownloadProgress,
  type DownloadTransferOptions,
  downloadFile,
  downloadToStream,
} from "./download.js";
export { fetchPartSender, type PartRequest, type PartSender } from "./part-sender.js";
export type { UploadPart } from "./plan.js";
export type { UploadProgress } from "./progress.js";
export {
  blobSource,
  bytesSource,
  isUploadSource,
  type OpenUploadSourceOptions,
  openUploadSource,
  type PartBody,
  type SizedStream,
  type UploadInput,
  type UploadSource,
} from "./source.js";
export { streamSource } from "./stream-source.js";
export { type CreatedLocalUpload, type UploadFileOptions, uploadFile } from "./upload-file.js";
export { type UploadPartsOptions, type UploadPartsResult, uploadParts } from "./upload-parts.js";
export { type UploadStatus, type WaitForUploadOptions, waitForUpload } from "./wait-for-upload.js";
