/** An attempt waiting for its deadline; `expire()` runs at most once, and never after `settle()`. */
export abstract class QueuedDeadline {
  next: QueuedDeadline | undefined = undefined;
  settled = false;
  /** When it comes due, on the `performance.now()` clock. */
  readonly at: number;
  readonly #queue: DeadlineQueue;

  constructor(timeoutMs: number) {
    this.at = performance.now() + timeoutMs;
    this.#queue = queueFor(timeoutMs);
    this.#queue.add(this);
  }

  protected abstract expire(): void;

  /** The attempt is over: it must not expire any more. */
  settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.#queue.dropFrom(this);
  }

  /** Called by the queue only. */
  fire(): void {
    this.settled = true;
    this.expire();
  }
}

/**
 * Deadlines that share one duration, on one timer. Their deadlines come due in the order they were added, so the
 * timer only ever watches the oldest one, and settling is O(1): settled entries are dropped when they reach the
 * front. A setTimeout per attempt would cost a timer object and a clearTimeout on every call; this costs a timer
 * per `timeoutMs` that is re-armed only when it fires.
 *
 * The timer is unref'ed: while an attempt is pending its socket (or DNS lookup) keeps the process alive anyway,
 * and an idle client must not hold a process open for the rest of a 60 s deadline.
 */
class DeadlineQueue {
  #head: QueuedDeadline | undefined;
  #tail: QueuedDeadline | undefined;
  #armed = false;
  /** The deadline the pending timer was set for. */
  #armedFor = 0;

  constructor(
    readonly timeoutMs: number,
    readonly schedule: typeof setTimeout,
    readonly siblings: Map<number, DeadlineQueue>,
  ) {}

  add(entry: QueuedDeadline): void {
    if (this.#tail) this.#tail.next = entry;
    else this.#head = entry;
    this.#tail = entry;
    // A pending timer is due no later than this entry: it re-arms for whatever is in front when it fires.
    if (!this.#armed) this.#arm(entry.at, entry.at - this.timeoutMs);
  }

  /**
   * Forgets settled entries at the front once `entry`, the front one, settles: finished attempts are not kept
   * until the timer fires, and a settle elsewhere in the queue touches nothing but itself.
   */
  dropFrom(entry: QueuedDeadline): void {
    if (entry === this.#head) this.drop();
  }

  drop(): void {
    let head = this.#head;
    while (head?.settled) {
      const next = head.next;
      head.next = undefined;
      head = next;
    }
    this.#head = head;
    if (!head) this.#tail = undefined;
  }

  #arm(at: number, clock: number): void {
    this.#armed = true;
    this.#armedFor = at;
    const schedule = this.schedule; // called unbound: a browser's setTimeout refuses any other `this`
    const timer = schedule(() => this.#onTimer(), Math.max(1, Math.ceil(at - clock)));
    (timer as { unref?: () => void }).unref?.();
  }

  #onTimer(): void {
    this.#armed = false;
    const clock = performance.now();
    // The timer firing means its deadline has come, even if the clock disagrees (fake timers that leave
    // `performance` alone). The next delay is measured on the clock, so a late timer pushes nothing back.
    const now = Math.max(this.#armedFor, clock);
    this.drop();
    // Expire in order; an expiry may settle other entries, so re-read the front each time.
    while (this.#head && this.#head.at <= now) {
      const due = this.#head;
      this.#head = due.next;
      due.next = undefined;
      if (!this.#head) this.#tail = undefined;
      if (!due.settled) due.fire();
      this.drop();
    }
    if (this.#head) this.#arm(this.#head.at, clock);
    // Idle: forget this queue, so a caller passing ever-different per-request timeouts does not grow the map.
    else this.siblings.delete(this.timeoutMs);
  }
}

/**
 * Queues by the setTimeout in force when an attempt starts, then by timeout. Fake timers (installed or removed
 * between calls) thus get queues of their own, and a deadline is always driven by the clock it was set under.
 */
const queues = new WeakMap<typeof setTimeout, Map<number, DeadlineQueue>>();

function queueFor(timeoutMs: number): DeadlineQueue {
  const schedule = globalThis.setTimeout;
  let byTimeout = queues.get(schedule);
  if (!byTimeout) queues.set(schedule, (byTimeout = new Map()));
  let queue = byTimeout.get(timeoutMs);
  if (!queue) byTimeout.set(timeoutMs, (queue = new DeadlineQueue(timeoutMs, schedule, byTimeout)));
  return queue;
}
