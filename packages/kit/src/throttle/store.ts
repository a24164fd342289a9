/**
 * Where a throttle keeps its budget. Each key holds one GCRA state (a "theoretical arrival time"): no slots are
 * held between calls, so a worker that dies mid-run strands nothing. Every method is one atomic step against the
 * store's own clock, which is what lets workers on several machines share one limit without trusting each other's
 * clocks: delays come back relative, in ms.
 */
export interface ThrottleStore {
  /**
   * Reserves the next call of `key`: the ms to wait before it may go (0 when it may go now). `intervalMs` is the
   * spacing of calls at the sustained rate, `burst` how many may go back to back after a quiet period.
   */
  reserve(key: string, intervalMs: number, burst: number): Promise<number>;
  /** Gives back a reservation that will not be used (its caller aborted while waiting). */
  release(key: string, intervalMs: number): Promise<void>;
  /**
   * Pushes the key's state to at least `offsetMs` past the store's now: the server reported less allowance than
   * the throttle believed (`x-ratelimit-remaining`, `Retry-After`).
   */
  defer(key: string, offsetMs: number): Promise<void>;
}

/**
 * Shares one server-to-server access token among workers (see `ServerToServerAuth`'s `store` option). Keys are
 * logical; the store adds its own prefix. Every value written is an access token under a TTL; nothing else.
 */
export interface SharedTokenStore {
  /** The token under `key` and its remaining TTL in ms, or `undefined` when none is stored. */
  readToken(key: string): Promise<{ token: string; ttlMs: number } | undefined>;
  /** Stores `token` under `key` for `ttlMs`. */
  writeToken(key: string, token: string, ttlMs: number): Promise<void>;
  /** Deletes `key` only while it still holds `token` (a rejected token, not a newer one). */
  dropToken(key: string, token: string): Promise<void>;
  /** Takes the lock `key` for `ttlMs` unless someone holds it; true when `owner` now holds it. */
  lock(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock only while `owner` still holds it (it may have expired and passed to another worker). */
  unlock(key: string, owner: string): Promise<void>;
}
