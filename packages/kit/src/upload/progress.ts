/** Reported while parts are sent. `bytesSent` never decreases and equals `totalBytes` only once every part is stored. */
export interface UploadProgress {
  bytesSent: number;
  totalBytes: number;
  partsCompleted: number;
  totalParts: number;
}

/**
 * Sums finished parts and the bytes streamed so far of parts in flight. A retried part starts again from zero,
 * which would make the sum go back; reporting the running maximum keeps progress bars from jumping backwards.
 */
export class PartProgress {
  readonly #sizes: readonly number[];
  readonly #totalBytes: number;
  readonly #report: (progress: UploadProgress) => void;
  readonly #inFlight = new Map<number, number>();
  #completedBytes = 0;
  #partsCompleted = 0;
  #reported = 0;

  constructor(sizes: readonly number[], report: (progress: UploadProgress) => void) {
    this.#sizes = sizes;
    this.#totalBytes = sizes.reduce((sum, size) => sum + size, 0);
    this.#report = report;
  }

  restart(index: number): void {
    this.#inFlight.set(index, 0);
  }

  streamed(index: number, bytes: number): void {
    const size = this.#sizes[index] ?? 0;
    // Hold back the last byte until the server has confirmed the part.
    this.#inFlight.set(index, Math.min(size - 1, (this.#inFlight.get(index) ?? 0) + bytes));
    const current = this.#current();
    if (current > this.#reported) this.#emit(current);
  }

  completed(index: number): void {
    this.#inFlight.delete(index);
    this.#completedBytes += this.#sizes[index] ?? 0;
    this.#partsCompleted++;
    this.#emit(Math.max(this.#reported, this.#current()));
  }

  #current(): number {
    let sum = this.#completedBytes;
    for (const bytes of this.#inFlight.values()) sum += bytes;
    return sum;
  }

  #emit(bytesSent: number): void {
    this.#reported = bytesSent;
    this.#report({
      bytesSent,
      totalBytes: this.#totalBytes,
      partsCompleted: this.#partsCompleted,
      totalParts: this.#sizes.length,
    });
  }
}
