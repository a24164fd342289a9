import { type FaultServer, type FaultStep, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Pager, paginate } from "../src/index.js";

interface ItemsPage {
  data: Array<{ id: string }>;
  links: { next: string | null };
}

const PATH = "/v4/accounts/acc/projects";
let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

const ok = (ids: string[], next: string | null): FaultStep => ({
  status: 200,
  body: { data: ids.map((id) => ({ id })), links: { next } },
});
const failing: FaultStep = { status: 500, body: { errors: [{ detail: "boom" }] } };

const list = () =>
  paginate(async (cursor: string | undefined, signal: AbortSignal) => {
    const response = await fetch(`${server.url}${PATH}${cursor ? `?after=${cursor}` : ""}`, { signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as ItemsPage;
  });

describe("Pager is a real Promise of the first page", () => {
  it("is an instance of Promise with working then, catch and finally, which return plain Promises", async () => {
    server.script(PATH, [ok(["a"], null), failing]);
    const pager = list();
    expect(pager).toBeInstanceOf(Promise);
    expect(pager).toBeInstanceOf(Pager);
    let finished = false;
    const chained = pager.finally(() => {
      finished = true;
    });
    expect(chained).not.toBeInstanceOf(Pager);
    expect((await chained).data).toEqual([{ id: "a" }]);
    expect(finished).toBe(true);
    expect(await Promise.all([pager, Promise.resolve(pager)])).toHaveLength(2);
    // The first page was fetched once, and shared by every consumer.
    expect(server.requests).toHaveLength(1);

    const handled = await list().catch((error: unknown) => `handled: ${(error as Error).message}`);
    expect(handled).toBe("handled: HTTP 500");
  });

  it("fetches nothing until used, and the first page once when awaited and iterated", async () => {
    server.script(PATH, [ok(["a", "b"], `${PATH}?after=c2`), ok(["c"], null)]);
    const pager = list();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests).toHaveLength(0);
    const ids: string[] = [];
    for await (const item of pager) ids.push(item.id);
    expect((await pager).data).toHaveLength(2);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(server.requests).toHaveLength(2);
  });

  it("raises no unhandled rejection when a pager used only as an iterable fails", async () => {
    server.script(PATH, [failing]);
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const failure = await (async () => {
        for await (const _ of list()) {
          // never reached
        }
      })().catch((error: unknown) => error);
      expect(String(failure)).toMatch(/HTTP 500/);
      // Unhandled rejections are reported after the microtask queue drains; give them a macrotask turn or two.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("unhandledRejection", record);
    }
    expect(unhandled).toEqual([]);
  });
});
