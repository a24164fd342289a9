import type { Schema } from "@frameio-sdk/types";
import { FrameioError } from "./frameio-error.js";

/** The spec's file statuses; the one compared against below is checked by the compiler, not copied. */
type FileStatus = Schema<"FileWithIncludes">["status"];
const NOT_UPLOADED: FileStatus = "created";

/**
 * The file has no usable original download link. Frame.io sets `media_links.original.download_url` to null when
 * the caller may not download the file or its media is not available yet (the upload has not finished).
 */
export class DownloadUnavailableError extends FrameioError {
  override name = "DownloadUnavailableError";
  readonly fileId: string;
  /** The file's `status` (`created`, `uploaded`, `transcoded`) when it was known. */
  readonly fileStatus: string | undefined;

  constructor(init: { fileId: string; fileStatus?: string; linkMissing: boolean }) {
    const link = init.linkMissing
      ? "the file was fetched without media_links.original (request it with include=media_links.original)"
      : "media_links.original.download_url is null";
    const why =
      init.fileStatus === NOT_UPLOADED
        ? `the upload has not finished yet (status: ${NOT_UPLOADED})`
        : "you may lack download permission, or the media is not available yet" +
          (init.fileStatus ? ` (status: ${init.fileStatus})` : "");
    super(`Cannot download file ${init.fileId}: ${link}; ${init.linkMissing ? "fetch it again" : why}`);
    this.fileId = init.fileId;
    this.fileStatus = init.fileStatus;
  }
}
