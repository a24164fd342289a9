/**
 * The shared deadline timer: deadlines expire in order, at their own time, never after they were settled, and the
 * one timer is re-armed for whatever is next. Fake clocks; no real waiting.
 */
import { afterEach, expect, it, vi } from "vitest";
import { QueuedDeadline } from "../src/internal/deadline-queue.js";
import { watchTimers } from "./support/leaks.js";

const expired: string[] = [];

class Named extends QueuedDeadline {
  constructor(
    readonly name: string,
    timeoutMs: number,
  ) {
    super(timeoutMs);
  }

  protected expire(): void {
    expired.push(`${this.name}@${Math.round(performance.now())}`);
  }
}

afterEach(() => {
  expired.length = 0;
  vi.useRealTimers();
});

it("deadlines expire in order at their own time; settled ones never do", () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  const start = Math.round(performance.now());
  const a = new Named("a", 50);
  vi.advanceTimersByTime(10);
  const b = new Named("b", 50);
  vi.advanceTimersByTime(10);
  new Named("c", 50);
  b.settle();
  vi.advanceTimersByTime(29);
  expect(expired).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(expired).toEqual([`a@${start + 50}`]);
  vi.advanceTimersByTime(100);
  expect(expired).toEqual([`a@${start + 50}`, `c@${start + 70}`]);
  a.settle(); // after expiry: a no-op
  expect(expired).toHaveLength(2);
});

it("each distinct timeout has its own timer, so a short one is not held up by a long one", () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  new Named("long", 1_000);
  new Named("short", 20);
  vi.advanceTimersByTime(20);
  expect(expired.map((e) => e.split("@")[0])).toEqual(["short"]);
  vi.advanceTimersByTime(980);
  expect(expired.map((e) => e.split("@")[0])).toEqual(["short", "long"]);
});

it("the timer firing is what counts, even when a fake clock leaves performance.now alone", () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  new Named("x", 40);
  vi.advanceTimersByTime(40);
  expect(expired.map((e) => e.split("@")[0])).toEqual(["x"]);
});

it("a deadline left pending under fake timers does not hold up the real ones that follow", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  new Named("stranded", 25); // its fake timer never fires once the fakes are gone
  vi.useRealTimers();
  new Named("real", 25);
  await vi.waitFor(() => expect(expired.map((e) => e.split("@")[0])).toEqual(["real"]));
});

it("the shared timer keeps no process alive", () => {
  const timers = watchTimers();
  try {
    const pending = new Named("idle", 60_000);
    expect(timers.armed()).toBe(0);
    pending.settle();
  } finally {
    timers.stop();
  }
});
