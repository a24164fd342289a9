/**
 * One row of the operation table (`@frameio-sdk/client/operations`): what the spec says about an operation, by
 * named field. Tools (MCP servers, CLIs) read it to list, describe and dispatch operations.
 */
export interface OperationDescriptor {
  /** The SDK name, `group.method`: `client.files.show` is `"files.show"`. */
  readonly operationKey: string;
  /** The spec's `operationId`, e.g. `"files.create_local_upload"`. */
  readonly operationId: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path template, e.g. `/v4/accounts/{account_id}/files/{file_id}`. */
  readonly path: string;
  /** Names of the query parameters the spec lists. */
  readonly query: readonly string[];
  /** Cursor-paginated: the method returns a Pager. */
  readonly paginated: boolean;
  /** The published rate limit: `calls` per `per_seconds`, per account user. */
  readonly rateLimit?: { readonly calls: number; readonly per_seconds: number };
  readonly summary: string;
  /** Present (true) when the API marks the operation deprecated. */
  readonly deprecated?: true;
}

/** @deprecated Renamed {@link OperationDescriptor}; the short keys (`m`, `p`, ...) are gone. */
export type OperationSpec = OperationDescriptor;
