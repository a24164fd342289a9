import { FrameioValidationError, type ValidationIssue } from "../errors/index.js";
import { specBounds } from "../generated/spec-facts.js";
import { invalidOption, validationIssue } from "../internal/invalid-option.js";
import { checkTuning, type UploadPart } from "./plan.js";
import { isUploadSource, type OpenUploadSourceOptions, openUploadSource, type UploadInput } from "./source.js";
import { type UploadPartsOptions, uploadParts } from "./upload-parts.js";
import { type UploadStatus, type WaitForUploadOptions, waitForUpload } from "./wait-for-upload.js";

/** What the engine needs from the `local_upload` response; Frame.io's `FileWithUploadUrls` satisfies it. */
export interface CreatedLocalUpload {
  id: string;
  media_type: string;
  upload_urls?: readonly UploadPart[] | null;
}

export interface UploadFileOptions<TFile extends CreatedLocalUpload>
  extends Pick<
    UploadPartsOptions,
    "concurrency" | "signal" | "onProgress" | "fetch" | "sendPart" | "maxRetriesPerPart" | "retry" | "timeoutMs"
  > {
  /** A file path (with `openPath`), Blob/File, Uint8Array, ArrayBuffer, ReadableStream (with `size`) or UploadSource. */
  source: UploadInput;
  /** File name in Frame.io (1 to 255 characters). Default: the File's or path's own name. */
  name?: string;
  /** Length of a bare ReadableStream source. */
  size?: number;
  openPath?: OpenUploadSourceOptions["openPath"];
  /** Creates the placeholder file: POST `.../folders/{folder_id}/files/local_upload` with `{ data }`. */
  createLocalUpload: (data: { name: string; file_size: number }, signal?: AbortSignal) => Promise<TFile>;
  /** After the last part, poll `getUploadStatus` until Frame.io says the upload is complete. Default false. */
  waitForUpload?: boolean | Omit<WaitForUploadOptions, "signal">;
  /** GET `.../files/{file_id}/status`, returning its `data`. Required with `waitForUpload`. */
  getUploadStatus?: (fileId: string, signal?: AbortSignal) => Promise<UploadStatus>;
}

/**
 * The whole local upload: checks the input, creates the file, sends its parts, optionally waits for Frame.io to
 * confirm, and returns the file as `createLocalUpload` returned it. Bad input fails before the file is created.
 */
export async function uploadFile<TFile extends CreatedLocalUpload>(options: UploadFileOptions<TFile>): Promise<TFile> {
  const { signal } = options;
  const ownsSource = !isUploadSource(options.source);
  const source = await openUploadSource(options.source, { size: options.size, openPath: options.openPath });
  try {
    const name = options.name ?? source.name;
    const issues: ValidationIssue[] = checkTuning(options);
    if (typeof name !== "string" || name.length < 1 || name.length > specBounds.maxNameLength) {
      issues.push(invalidOption("name", `a file name of 1 to ${specBounds.maxNameLength} characters`, name));
    }
    if (source.size < 1 || source.size > specBounds.maxFileSize) {
      const expected = `a file of 1 byte to ${specBounds.maxFileSize / 1e12} TB (Frame.io refuses empty files)`;
      issues.push(validationIssue("source", expected, `${source.size} bytes`));
    }
    if (typeof options.createLocalUpload !== "function") {
      issues.push(invalidOption("createLocalUpload", "a function", options.createLocalUpload));
    }
    if (options.waitForUpload && typeof options.getUploadStatus !== "function") {
      issues.push(invalidOption("getUploadStatus", "a function when waitForUpload is set", options.getUploadStatus));
    }
    if (issues.length > 0) throw new FrameioValidationError("files.upload", issues);
    signal?.throwIfAborted();

    const file = await options.createLocalUpload({ name: name as string, file_size: source.size }, signal);
    await uploadParts({ ...options, source, parts: file.upload_urls ?? [], contentType: file.media_type });
    if (options.waitForUpload && options.getUploadStatus) {
      const wait = typeof options.waitForUpload === "object" ? options.waitForUpload : {};
      await waitForUpload(file.id, options.getUploadStatus, { ...wait, signal });
    }
    return file;
  } finally {
    if (ownsSource) await source.close?.();
  }
}
