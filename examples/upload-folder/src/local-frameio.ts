/**
 * The embedded default: the upload target from the testing package, which stands in for the Frame.io endpoints
 * an upload uses (create the file, list the folder) and for the presigned S3 part URLs. Prism cannot do this: the
 * part URLs in the spec's examples point nowhere. `pnpm build` bundles this file into dist/local-frameio.mjs.
 */
import { startUploadTarget } from "@frameio-sdk/testing/upload-target";

// Made-up ids: the target knows only this folder (or the one given on the command line) and ignores the account.
const LOCAL_FOLDER_ID = "6f1d2c3b-4a59-4e8d-9c7b-1a2b3c4d5e6f";
const LOCAL_ACCOUNT_ID = "0b7e4a12-3c5d-4e6f-8a9b-0c1d2e3f4a5b";
// Small parts, so even the sample files go up in several parallel pieces, as large files do on Frame.io.
const PART_SIZE = 512 * 1024;

export async function startLocalFrameio(options: { folderId?: string } = {}) {
  const folderId = options.folderId ?? LOCAL_FOLDER_ID;
  const target = await startUploadTarget({ folders: [folderId], partSize: PART_SIZE, assemble: false });
  return {
    baseUrl: target.origin,
    token: "local-upload-target", // the target accepts any bearer token
    accountId: LOCAL_ACCOUNT_ID,
    folderId,
    stop: () => target.close(),
  };
}
