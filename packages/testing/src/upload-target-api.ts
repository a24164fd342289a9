import type { IncomingMessage, ServerResponse } from "node:http";
import type { TargetUpload } from "./upload-target.js";

interface FilesApiState {
  folders: Set<string>;
  uploads: Map<string, TargetUpload>;
  createUpload(name: string, fileSize: number, folderId?: string): TargetUpload["file"];
}

/**
 * The Frame.io endpoints around an upload, enough to drive `files.upload` / `files.download` end to end:
 * `local_upload` (404 for unknown folders, 422 for bad bodies), the upload `status`, `show` with
 * `media_links.original` (null until every part is stored), and the folder's file list (one page).
 */
export async function handleFilesApi(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  state: FilesApiState,
): Promise<void> {
  const send = (status: number, body: unknown): void => {
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  const error = (status: number, title: string, detail: string): void => send(status, { errors: [{ title, detail }] });

  const create = /^\/v4\/accounts\/[^/]+\/folders\/([^/]+)\/files\/local_upload$/.exec(url.pathname);
  if (create && request.method === "POST") {
    const body = await readJson(request);
    if (!state.folders.has(create[1] as string)) return error(404, "Not Found", "Folder not found");
    const data = (body as { data?: { name?: unknown; file_size?: unknown } } | undefined)?.data;
    const { name, file_size: size } = data ?? {};
    if (typeof name !== "string" || name.length < 1 || name.length > 255)
      return error(422, "Invalid", "name is invalid");
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 1)
      return error(422, "Invalid", "file_size is invalid");
    return send(201, { data: state.createUpload(name, size, create[1]) });
  }

  const list = /^\/v4\/accounts\/[^/]+\/folders\/([^/]+)\/files$/.exec(url.pathname);
  if (list && request.method === "GET") {
    if (!state.folders.has(list[1] as string)) return error(404, "Not Found", "Folder not found");
    const files = [...state.uploads.values()].filter((u) => u.folderId === list[1]).map(fileView);
    return send(200, { data: files, links: { next: null }, total_count: files.length });
  }

  const file = /^\/v4\/accounts\/[^/]+\/files\/([^/]+)(\/status)?$/.exec(url.pathname);
  const upload = file ? state.uploads.get(file[1] as string) : undefined;
  if (file && request.method === "GET" && upload) {
    const complete = upload.stored.every(Boolean);
    if (file[2]) {
      return send(200, {
        data: {
          id: upload.id,
          filetype: upload.mediaType,
          upload_complete: complete,
          upload_failed: false,
          uploaded_at: new Date(0).toISOString(),
          upload_completed_at: complete ? new Date().toISOString() : null,
        },
      });
    }
    const original = {
      download_url: complete ? `${url.origin}/uploads/${upload.id}/original` : null,
      inline_url: null,
    };
    const withLinks = url.searchParams.get("include")?.split(",").includes("media_links.original");
    return send(200, { data: { ...fileView(upload), ...(withLinks ? { media_links: { original } } : {}) } });
  }
  return error(404, "Not Found", `No route for ${request.method} ${url.pathname}`);
}

/** A file as `show` and `list` return it: no upload URLs, "uploaded" once every part is stored. */
function fileView(upload: TargetUpload): Record<string, unknown> {
  const { upload_urls: _urls, ...rest } = upload.file;
  return { ...rest, status: upload.stored.every(Boolean) ? "uploaded" : "created" };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  }
}
