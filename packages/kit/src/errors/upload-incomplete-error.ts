import { FrameioError } from "./frameio-error.js";

/** Every part was sent, but Frame.io did not report the upload as complete. */
export class UploadIncompleteError extends FrameioError {
  override name = "UploadIncompleteError";
  readonly fileId: string;
  /** `upload_failed`: the status endpoint said so; `timed_out`: it never said complete within the wait. */
  readonly reason: "upload_failed" | "timed_out";

  constructor(init: { fileId: string; reason: "upload_failed" | "timed_out"; waitedMs: number }) {
    const what =
      init.reason === "upload_failed"
        ? "Frame.io reports upload_failed"
        : `upload_complete was still false after ${Math.round(init.waitedMs / 1000)} s`;
    super(`Upload of file ${init.fileId} did not complete: ${what}`);
    this.fileId = init.fileId;
    this.reason = init.reason;
  }
}
