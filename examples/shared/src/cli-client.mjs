/**
 * The client of the command-line examples: an OAuth Server-to-Server credential (or a ready IMS access token)
 * from the environment, or whatever the embedded default hands out.
 */
import { FrameioClient } from "@frameio-sdk/client";
import { ServerToServerAuth } from "@frameio-sdk/kit";

/** @typedef {import("./target.mjs").Target} Target */

/** The credential sets a command-line example accepts. */
export const CLI_CREDENTIALS = /** @type {import("./target.mjs").CredentialVariable[][]} */ ([
  ["FRAMEIO_CLIENT_ID", "FRAMEIO_CLIENT_SECRET"],
  ["FRAMEIO_TOKEN"],
]);

/** @param {Target} target */
export function cliClient(target) {
  const token =
    target.token ??
    new ServerToServerAuth({
      clientId: target.clientId ?? "",
      clientSecret: target.clientSecret ?? "",
      imsBaseUrl: target.imsBaseUrl,
    });
  return new FrameioClient({ token, baseUrl: target.baseUrl, headers: target.headers });
}

/**
 * FRAMEIO_ACCOUNT_ID when set, else the first account the credential sees.
 * @param {FrameioClient} client
 * @param {Target} target
 */
export async function resolveAccountId(client, target) {
  if (target.accountId) return target.accountId;
  const [account] = (await client.accounts.index({ page_size: 1 })).data;
  if (!account) throw new Error("This credential sees no Frame.io accounts.");
  return account.id;
}
