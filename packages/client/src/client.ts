import type { paths } from "@frameio-sdk/types";
import type { Client } from "openapi-fetch";
import type { FrameioClientOptions } from "./client-options.js";
import type { FileTransfers } from "./file-transfers.js";
import type { FilesResource, Resources } from "./generated/resources.js";
import type { ClientContext } from "./internal/context.js";
import { resolveOptions } from "./internal/options.js";
import { lazyMethods } from "./internal/lazy.js";
import { buildGroups } from "./internal/resources.js";
import { lazyHttpClient } from "./lazy-http.js";
import type { RawResources } from "./raw-types.js";

/**
 * The Frame.io V4 client: `client.files.show(...)`, `client.projects.index(...)`, one method per operation.
 * Errors are thrown as FrameioError subclasses; paginated methods return a Pager.
 */
export class FrameioClient {
  /** The same methods, resolving to `{ data, response, headers, status }` instead of the body alone. */
  readonly withRawResponse: RawResources;
  readonly #ctx: ClientContext;
  #http: Client<paths> | undefined;

  constructor(options: FrameioClientOptions = {}) {
    this.#ctx = resolveOptions(options);
    const groups = buildGroups(this.#ctx, false) as unknown as Resources;
    const transfers = lazyMethods<FileTransfers, keyof FileTransfers>(
      () => import("./file-transfers.js").then((m) => m.fileTransfers(groups.files, options.fetch)),
      ["upload", "uploadFromUrl", "download"],
    );
    Object.assign(this, groups, { files: { ...groups.files, ...transfers } });
    this.withRawResponse = buildGroups(this.#ctx, true) as unknown as RawResources;
  }

  /** The underlying typed openapi-fetch client, for anything the resource methods do not cover. */
  get http(): Client<paths> {
    return (this.#http ??= lazyHttpClient(this.#ctx));
  }

  /** Shows only safe settings: no token, no headers that might carry credentials. */
  toJSON(): { baseUrl: string; timeoutMs: number; maxRetries: number } {
    return { baseUrl: this.#ctx.baseUrl, timeoutMs: this.#ctx.timeoutMs, maxRetries: this.#ctx.retry.maxRetries };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `FrameioClient ${JSON.stringify(this.toJSON())}`;
  }
}

// The resource groups are attached in the constructor from the generated table; this merge types them.
export interface FrameioClient extends Omit<Resources, "files"> {
  /** File operations, plus `upload`, `uploadFromUrl` and `download`. */
  files: FilesResource & FileTransfers;
}
