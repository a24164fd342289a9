export { uploadFile, type CreatedLocalUpload, type UploadFileOptions } from "./upload-file.js";
export { uploadParts, type UploadPartsOptions, type UploadPartsResult } from "./upload-parts.js";
export { type UploadPart } from "./plan.js";
export { type UploadProgress } from "./progress.js";
export {
  openUploadSource,
  blobSource,
  bytesSource,
  isUploadSource,
  type OpenUploadSourceOptions,
  type PartBody,
  type SizedStream,
  type UploadInput,
  type UploadSource,
} from "./source.js";
export { streamSource } from "./stream-source.js";
export { fetchPartSender, type PartRequest, type PartSender } from "./part-sender.js";
export { waitForUpload, type UploadStatus, type WaitForUploadOptions } from "./wait-for-upload.js";
export {
  downloadFile,
  downloadToStream,
  type DownloadableFile,
  type DownloadFileOptions,
  type DownloadProgress,
  type DownloadTransferOptions,
} from "./download.js";
