import {
  type FaultServer,
  type FaultStep,
  type RecordedRequest,
  startFaultServer,
} from "@frameio-sdk/testing/fault-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FrameioError, retry } from "../src/index.js";
import { apiErrorFromResponse } from "../src/internal.js";

/**
 * 10 000 requests (half POST, half GET), 64 at a time, against a server that fails 10% of attempts in every way
 * we know: refusals the client may retry (503, 429) and failures after the write was committed (500, resets
 * before headers and mid-body, an answer that never comes). Waits are skipped (fake sleep); only the 2 s
 * per-attempt timeout runs on the real clock. Every assertion is about outcomes (what settled, what was written,
 * what is left open once the run is over), none about how the run was scheduled, so a busy machine cannot fail it.
 */
const REQUESTS = 10_000;
const CONCURRENCY = 64;
const FAULT_RATE = 0.1;

type Fault = "503" | "429" | "500-after-commit" | "reset-after-commit" | "mid-body-after-commit" | "hang-after-commit";
const FAULTS: Fault[] = [
  "503",
  "429",
  "500-after-commit",
  "reset-after-commit",
  "mid-body-after-commit",
  "hang-after-commit",
];

const STEP: Record<Fault, FaultStep> = {
  // A load balancer's page: not JSON, so nothing buffers it on the way, and too large for the socket buffers, so an
  // undrained one would pin its connection. The retry layer must cancel it.
  "503": { status: 503, headers: { "content-type": "text/html" }, bodyBytes: 64 * 1024 * 1024 },
  "429": { status: 429, headers: { "retry-after": "0" }, body: { errors: [{ detail: "Rate limit exceeded" }] } },
  "500-after-commit": { status: 500, body: { errors: [{ detail: "Internal error" }] } },
  "reset-after-commit": { kind: "reset", when: "before-headers" },
  "mid-body-after-commit": { kind: "reset", when: "mid-body" },
  // Never answered: the 1 s attempt timeout must fire and its abort must close the socket (checked at the end).
  "hang-after-commit": { kind: "hang" },
};

/** Deterministic pseudo-random numbers (mulberry32) so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let server: FaultServer;
const commits = new Map<string, number>();
const faultsPlayed = new Map<Fault, number>();
const corruptBodies: string[] = [];

beforeAll(async () => {
  server = await startFaultServer();
  const random = seeded(20260331);
  server.fallback((request: RecordedRequest): FaultStep => {
    const id = String(request.headers["x-request-id"]);
    if (request.method === "POST" && request.body.toString("utf8") !== bodyFor(id)) corruptBodies.push(id);
    const fault = random() < FAULT_RATE ? FAULTS[Math.floor(random() * FAULTS.length)]! : undefined;
    if (fault !== undefined) faultsPlayed.set(fault, (faultsPlayed.get(fault) ?? 0) + 1);
    const refused = fault === "503" || fault === "429";
    if (request.method === "POST" && !refused) commits.set(id, (commits.get(id) ?? 0) + 1);
    return fault === undefined
      ? { status: request.method === "POST" ? 201 : 200, body: { data: { id } } }
      : STEP[fault];
  });
});
afterAll(() => server.close());

/**
 * Polls until `count` reaches 0, for at most 20 s; returns the last count. Closes propagate a few ticks late, and
 * much later on a loaded machine; an undrained response never closes at all, however long we wait.
 */
async function settled(count: () => number | Promise<number>): Promise<number> {
  const deadline = Date.now() + 20_000;
  let value = await count();
  while (value > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await count();
  }
  return value;
}

const bodyFor = (id: string) => JSON.stringify({ data: { text: `comment ${id}` } });

describe("retry soak", () => {
  it("settles 10 000 faulty requests: each succeeded or failed typed, none lost, no POST twice, no socket leak", async () => {
    // 2 s: long enough that a healthy loopback attempt never reaches it on a loaded 2-core machine (a spurious
    // timeout would only add a retry), short enough that the ~170 hung attempts keep the run well under a minute.
    const send = retry({ sleep: async () => undefined, timeoutMs: 2_000 });
    const outcomes = new Map<string, { method: string; ok: boolean; attempts: number; error?: unknown }>();
    let next = 0;

    const one = async (index: number) => {
      const id = `r${index}`;
      const method = index % 2 === 0 ? "POST" : "GET";
      const url = `${server.url}/v4/accounts/a/files/f/comments`;
      try {
        const response = await send(url, {
          method,
          headers: { "x-request-id": id, "content-type": "application/json" },
          body: method === "POST" ? bodyFor(id) : undefined,
        });
        if (response.ok) {
          const body = (await response.json()) as { data: { id: string } };
          expect(body.data.id).toBe(id);
          outcomes.set(id, { method, ok: true, attempts: 1 });
        } else {
          const error = await apiErrorFromResponse(response, { method, url });
          outcomes.set(id, { method, ok: false, attempts: error.attempts, error });
        }
      } catch (error) {
        outcomes.set(id, { method, ok: false, attempts: (error as { attempts?: number }).attempts ?? 0, error });
      }
    };
    const worker = async () => {
      while (next < REQUESTS) {
        const index = next++;
        await one(index);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    // None lost: every request settled exactly once, either way typed.
    expect(outcomes.size).toBe(REQUESTS);
    const failures = [...outcomes.values()].filter((o) => !o.ok);
    for (const failure of failures) expect(failure.error).toBeInstanceOf(FrameioError);

    // No duplicated write: no POST committed twice; every successful POST committed exactly once.
    expect([...commits.values()].filter((n) => n > 1)).toEqual([]);
    for (const [id, outcome] of outcomes) {
      if (outcome.method === "POST" && outcome.ok) expect(commits.get(id)).toBe(1);
    }
    expect(corruptBodies).toEqual([]);

    // The run was not vacuous: every fault kind was played, GETs recovered, POSTs failed rather than repeat.
    expect(FAULTS.every((f) => (faultsPlayed.get(f) ?? 0) >= 50)).toBe(true);
    expect(server.requests.length).toBeGreaterThan(REQUESTS + 500);
    expect(failures.some((f) => f.method === "POST")).toBe(true);
    // A GET gives up only after every attempt failed: the server saw it 1 + maxRetries (2) times. Which GETs fail
    // depends on the faults drawn and, on a loaded machine, on attempts that overran the 2 s timeout; that each
    // failed GET used all its attempts does not. (At 10% faults about 5 of the 5 000 GETs fail; a broken retry
    // fails hundreds, so the generous bound below still catches it.)
    const attemptsById = new Map<string, number>();
    for (const request of server.requests) {
      const id = String(request.headers["x-request-id"]);
      attemptsById.set(id, (attemptsById.get(id) ?? 0) + 1);
    }
    const failedGets = [...outcomes].filter(([, o]) => o.method === "GET" && !o.ok);
    for (const [id] of failedGets) expect(attemptsById.get(id), id).toBe(3);
    expect(failedGets.length).toBeLessThan(REQUESTS / 2 / 20);

    // No socket leak: every discarded response was drained or cancelled. An undrained 64 MiB page stays pending on
    // the server and pins its socket for good (measured with draining disabled: ~80 pending, ~160 sockets), so
    // the end state shows it whatever the timing. A live "at most N sockets" sample did not: it once read
    // 133 > 128 on a loaded machine, as closing sockets are counted until the OS reports them closed.
    expect(await settled(() => server.pendingResponses())).toBe(0);
    server.closeIdleSockets();
    expect(await settled(() => server.openSockets())).toBe(0);
  }, 180_000);
});
