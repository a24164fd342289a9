import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { FrameioValidationError } from "../errors/index.js";
import { blobSource, type UploadSource } from "../upload/source.js";

/**
 * Opens a file for upload as a file-backed Blob: each part is streamed from disk when it is sent and nothing is
 * read ahead, so memory stays flat whatever the file size. Node refuses to read the Blob if the file changes
 * afterwards, which turns a file edited mid-upload into an error instead of a corrupt upload.
 */
export async function openPathSource(path: string): Promise<UploadSource> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw refuse(path, code === "ENOENT" ? "no such file" : `a file that cannot be read (${String(code ?? error)})`);
  }
  if (!isFile) throw refuse(path, "a directory or other non-file");
  return blobSource(await openAsBlob(path), basename(path));
}

function refuse(path: string, received: string): FrameioValidationError {
  return new FrameioValidationError("files.upload", [
    {
      path: "source",
      expected: "a readable file",
      received,
      message: `expected a readable file at ${path}, found ${received}`,
    },
  ]);
}
