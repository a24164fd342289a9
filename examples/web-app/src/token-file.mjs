/**
 * The signed-in session on disk, so a restart keeps the user signed in. The file holds a refresh token (a
 * password-equivalent for 14 days): it is created with mode 0600 and replaced atomically, never left half-written.
 * A production app would keep it in a secret store or encrypted in its database instead.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";

/** @typedef {import("@frameio-sdk/kit").ExportedTokens} ExportedTokens */

export class TokenFile {
  /**
   * @param {string} path
   * @param {string} clientId Saved beside the tokens: tokens of another credential (say, the local mock's) are ignored.
   */
  constructor(path, clientId) {
    this.path = path;
    this.clientId = clientId;
  }

  /** The saved tokens, or undefined when there are none for this credential. */
  async load() {
    let text;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error).code === "ENOENT") return undefined;
      throw error;
    }
    try {
      const saved = JSON.parse(text);
      return saved?.clientId === this.clientId ? /** @type {ExportedTokens} */ (saved.tokens) : undefined;
    } catch {
      console.error(`Ignoring ${this.path}: it is not JSON.`);
      return undefined;
    }
  }

  /** @param {ExportedTokens} tokens */
  async save(tokens) {
    // Written beside the target and renamed over it: readers see the old file or the new one, and the new file
    // is private from the moment it exists (a chmod afterwards would leave a window).
    const temporary = `${this.path}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temporary, JSON.stringify({ clientId: this.clientId, tokens }, null, 2), {
      mode: 0o600,
      flag: "wx",
    });
    try {
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async delete() {
    await rm(this.path, { force: true });
  }
}
