import { openPathSink, openPathSource, platformPartSender } from "@frameio-sdk/kit/platform";
import {
  type DownloadProgress,
  downloadFile,
  type UploadFileOptions,
  type UploadStatus,
  uploadFile,
  type WaitForUploadOptions,
  waitForUpload,
} from "@frameio-sdk/kit/upload";
import type { Schema } from "@frameio-sdk/types";
import type { FilesGroup } from "./generated/groups/files.js";

type UploadedFile = Schema<"FileWithUploadUrls">;
type Tuning =
  | "source"
  | "name"
  | "size"
  | "concurrency"
  | "signal"
  | "onProgress"
  | "maxRetriesPerPart"
  | "timeoutMs"
  | "waitForUpload";

/** `client.files.upload(...)`: where to put the file, and how to send it. */
export interface UploadArgs extends Pick<UploadFileOptions<UploadedFile>, Tuning> {
  account_id: string;
  folder_id: string;
}

export interface UploadFromUrlArgs {
  account_id: string;
  folder_id: string;
  name: string;
  source_url: string;
  waitForUpload?: boolean | Omit<WaitForUploadOptions, "signal">;
  signal?: AbortSignal;
}

export interface DownloadArgs {
  account_id: string;
  file_id: string;
  /** A file path (Node) or a WritableStream. */
  to: string | WritableStream<Uint8Array>;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Fails the download when no byte arrives for this many ms. Default: the client's `timeoutMs`. */
  timeoutMs?: number;
}

/** The upload and download helpers added to `client.files`, built on the kit's transfer engine. */
export interface FileTransfers {
  /** Creates the file with `createLocalUpload`, then PUTs every part to its presigned URL in parallel. */
  upload(args: UploadArgs): Promise<UploadedFile>;
  /** Asks Frame.io to fetch a public URL itself (`createRemoteUpload`); optionally waits for completion. */
  uploadFromUrl(args: UploadFromUrlArgs): Promise<Schema<"FileRemoteUploadResponse">["data"]>;
  /** Streams a file's original (from `media_links.original`) to a path or a WritableStream. */
  download(args: DownloadArgs): Promise<{ bytes: number }>;
}

/**
 * The transfer helpers of one client: its own fetch (when it has one) carries the parts, and its `timeoutMs` is the
 * idle deadline of every part upload and download unless the call names another.
 */
export function fileTransfers(
  files: FilesGroup,
  customFetch: typeof fetch | undefined,
  timeoutMs: number,
): FileTransfers {
  const statusOf =
    (account_id: string) =>
    async (file_id: string, signal?: AbortSignal): Promise<UploadStatus> =>
      (await files.showFileUploadStatus({ account_id, file_id }, { signal })).data;
  return {
    upload({ account_id, folder_id, ...rest }) {
      return uploadFile<UploadedFile>({
        timeoutMs,
        ...rest,
        openPath: openPathSource,
        // A caller's own fetch (proxy, test double) must carry the parts too; otherwise Node streams them itself.
        ...(customFetch ? { fetch: customFetch } : { sendPart: platformPartSender }),
        createLocalUpload: async (data, signal) =>
          (await files.createLocalUpload({ account_id, folder_id, data }, { signal })).data,
        getUploadStatus: statusOf(account_id),
      });
    },
    async uploadFromUrl({ account_id, folder_id, name, source_url, waitForUpload: wait, signal }) {
      const { data } = await files.createRemoteUpload(
        { account_id, folder_id, data: { name, source_url } },
        { signal },
      );
      if (wait)
        await waitForUpload(data.id, statusOf(account_id), { ...(typeof wait === "object" ? wait : {}), signal });
      return data;
    },
    async download({ account_id, file_id, to, signal, onProgress, timeoutMs: idleMs = timeoutMs }) {
      const { data: file } = await files.show({ account_id, file_id, include: ["media_links.original"] }, { signal });
      return downloadFile({
        file,
        to,
        openSink: openPathSink,
        fetch: customFetch,
        signal,
        onProgress,
        timeoutMs: idleMs,
      });
    },
  };
}
