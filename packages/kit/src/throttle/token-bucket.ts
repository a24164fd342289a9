/**
 * A continuously refilling token bucket: `capacity` calls may go at once, then one more every `1 / refillPerMs` ms.
 * It mirrors Frame.io's server-side leaky bucket, whose allowance also refills continuously rather than per window.
 *
 * Callers reserve instead of polling: the balance may go negative, and each reservation learns exactly how long
 * to wait for its turn, so waiters are served first come, first served and nobody wakes up just to re-check.
 */
export class TokenBucket {
  #capacity: number;
  #refillPerMs: number;
  #tokens: number;
  #updatedAt: number;
  readonly #now: () => number;

  constructor(capacity: number, refillPerMs: number, now: () => number) {
    this.#capacity = capacity;
    this.#refillPerMs = refillPerMs;
    this.#tokens = capacity;
    this.#now = now;
    this.#updatedAt = now();
  }

  /** Takes one token and returns the ms until it is actually due (0 when it can be used now). */
  reserve(): number {
    this.#refill();
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : -this.#tokens / this.#refillPerMs;
  }

  /** Gives back a reservation that was never used (its caller gave up while waiting). */
  release(): void {
    this.#refill();
    this.#tokens = Math.min(this.#capacity, this.#tokens + 1);
  }

  /** Adopts a limit the server reported, keeping no more tokens than the new capacity. */
  reconfigure(capacity: number, refillPerMs: number): void {
    this.#refill();
    this.#capacity = capacity;
    this.#refillPerMs = refillPerMs;
    this.#tokens = Math.min(this.#tokens, capacity);
  }

  /** Never believe we have more allowance than the server says is left. */
  limitTo(available: number): void {
    this.#refill();
    this.#tokens = Math.min(this.#tokens, available);
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#updatedAt) * this.#refillPerMs);
    this.#updatedAt = now;
  }
}
