// Ids, bodies and helpers shared by the client's tests against local servers.
export const ACCOUNT_ID = "1f0c3a52-7d3e-4c4b-9b61-0a8f6b2c1d01";
export const FILE_ID = "2a6e8b14-51c9-4f7a-8d2e-3b9c0e4f5a02";
export const FOLDER_ID = "3b7f9c25-62da-4a8b-9e3f-4cad1f5a6b03";
export const WORKSPACE_ID = "4c8aad36-73eb-4b9c-af40-5dbe206b7c04";

export const FILE_PATH = `/v4/accounts/${ACCOUNT_ID}/files/${FILE_ID}`;
export const FILE_ARGS = { account_id: ACCOUNT_ID, file_id: FILE_ID };

/** A body shaped like `files.show`'s: the client only parses it, so the fields are few. */
export const FILE_BODY = { data: { id: FILE_ID, name: "harbor-dailies-001.mov", type: "file" } };

/** No backoff between retries, so retry tests wait on events, not on clocks. */
export const NO_WAIT = { baseDelayMs: 0, maxDelayMs: 0 } as const;

/** The error a call rejects with; fails the test if it resolves. */
export async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("the call resolved; it was expected to reject");
}
