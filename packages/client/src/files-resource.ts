import type { DownloadArgs, FileTransfers, UploadArgs, UploadFromUrlArgs } from "./file-transfers.js";
import { FilesGroup } from "./generated/groups/files.js";
import type { OperationRunner } from "./operation-runner.js";

/**
 * `client.files`: the generated `files` operations plus `upload`, `uploadFromUrl` and `download`. The transfer
 * engine (`@frameio-sdk/kit/upload`) is imported on the first transfer, so programs that never transfer a file
 * do not load it.
 */
export class FilesResource extends FilesGroup<false> implements FileTransfers {
  readonly #customFetch: typeof fetch | undefined;
  readonly #timeoutMs: number;
  #transfers: Promise<FileTransfers> | undefined;

  constructor(runner: OperationRunner<false>, customFetch: typeof fetch | undefined, timeoutMs: number) {
    super(runner);
    this.#customFetch = customFetch;
    this.#timeoutMs = timeoutMs;
  }

  /** Creates the file with `createLocalUpload`, then PUTs every part to its presigned URL in parallel. */
  upload = async (args: UploadArgs): ReturnType<FileTransfers["upload"]> => (await this.#load()).upload(args);

  /** Asks Frame.io to fetch a public URL itself (`createRemoteUpload`); optionally waits for completion. */
  uploadFromUrl = async (args: UploadFromUrlArgs): ReturnType<FileTransfers["uploadFromUrl"]> =>
    (await this.#load()).uploadFromUrl(args);

  /** Streams a file's original (from `media_links.original`) to a path or a WritableStream. */
  download = async (args: DownloadArgs): ReturnType<FileTransfers["download"]> => (await this.#load()).download(args);

  #load(): Promise<FileTransfers> {
    this.#transfers ??= import("./file-transfers.js").then((m) =>
      m.fileTransfers(this, this.#customFetch, this.#timeoutMs),
    );
    return this.#transfers;
  }
}
