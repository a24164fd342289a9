#!/usr/bin/env node
/**
 * Auto-pagination of 100 000 projects (1 000 pages of 100) from a local server that waits 2 ms before each answer,
 * against a hand-written raw-fetch cursor loop measured in the same run, round-robin, median of BENCH_ROUNDS.
 *
 * Consumer work (identical in every variant): for each item, a 20 µs busy-wait (a stand-in for synchronous
 * per-item processing such as mapping a row and writing it to a local store), i.e. about 2 ms per page of 100 items.
 * Prefetch can only help while the consumer is busy: it overlaps this 2 ms with the next page's 2 ms round trip.
 *
 * Variants: "raw fetch loop" (baseline: fetch, .json(), follow links.next), "paginate" (paginate() over plain fetch),
 * "paginate + prefetch", and the same two over the full stack a client uses ("openapi-fetch + retry()").
 * Targets: paginate >= 1.0x the raw loop; paginate + prefetch >= 1.5x.
 *
 * The server runs in a child process (this file with `serve`) so its work does not share the consumer's CPU slice.
 * Run after `cd packages/kit && npx tsup`:  node bench/pagination.mjs      (BENCH_ROUNDS=2, BENCH_PAGES=1000)
 * Writes bench/results/pagination.json.
 */
import { fork } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { median, report } from "./lib/report.mjs";

const PAGES = Number(process.env.BENCH_PAGES ?? 1000);
const PAGE_SIZE = 100;
const LATENCY_MS = 2;
const ITEM_WORK_US = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PATH = "/v4/accounts/acc/workspaces/ws/projects";

/** The child: answers page `n` (cursor `c<n>`, encoded as Frame.io's base64 cursors are) after LATENCY_MS. */
function serve() {
  const cursor = (n) => encodeURIComponent(`${Buffer.from(`page:${n}`).toString("base64")}==`);
  const pages = new Map();
  for (let n = 0; n < PAGES; n++) {
    const data = Array.from({ length: PAGE_SIZE }, (_, i) => project(n * PAGE_SIZE + i));
    const next = n + 1 < PAGES ? `${PATH}?after=${cursor(n + 1)}` : null;
    pages.set(n === 0 ? "" : decodeURIComponent(cursor(n)), JSON.stringify({ data, links: { next } }));
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const body = pages.get(url.searchParams.get("after") ?? "");
    setTimeout(() => {
      if (body === undefined) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"errors":[{"detail":"unknown cursor"}]}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
      res.end(body);
    }, LATENCY_MS);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
  process.on("disconnect", () => process.exit(0));
}

function project(i) {
  const id = `5d9bbe47-84fc-4cad-b051-${String(i).padStart(12, "0")}`;
  return {
    id,
    name: `Harbor dailies ${i}`,
    status: "active",
    root_folder_id: `3b7f9c25-62da-4a8b-9e3f-${String(i).padStart(12, "0")}`,
    workspace_id: "ws",
    storage: 1_843_226_112,
    created_at: "2025-03-04T10:11:12.000000Z",
    updated_at: "2025-03-04T10:11:12.000000Z",
    view_url: `https://next.frame.io/project/${id}`,
  };
}

/** The consumer's per-item work: a busy-wait, so it costs the same CPU time in every variant. */
let checksum = 0;
function consume(item) {
  const until = performance.now() + ITEM_WORK_US / 1000;
  checksum += item.name.length;
  while (performance.now() < until);
}

async function main() {
  const kit = await import("@frameio-sdk/kit");
  const { default: createClient } = await import("openapi-fetch");
  const child = fork(fileURLToPath(import.meta.url), ["serve"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const { port } = await new Promise((resolve) => child.once("message", resolve));
  const base = `http://127.0.0.1:${port}`;

  const overFetch = (_cursor, signal, query) =>
    fetch(`${base}${PATH}?${new URLSearchParams(query)}`, { signal }).then((r) => r.json());
  const api = createClient({ baseUrl: base, fetch: kit.retry() });
  const overClient = async (_cursor, signal, query) => {
    const { data, error } = await api.GET(PATH, { params: { query }, signal });
    if (error) throw new Error(`page request failed: ${JSON.stringify(error)}`);
    return data;
  };
  const pager = (fetchPage, prefetch) => async () => {
    let items = 0;
    for await (const item of kit.paginate(fetchPage, { page_size: PAGE_SIZE, prefetch })) {
      consume(item);
      items++;
    }
    return items;
  };

  const variants = {
    "raw fetch loop": async () => {
      let items = 0;
      let url = `${base}${PATH}?page_size=${PAGE_SIZE}`;
      while (url) {
        const page = await (await fetch(url)).json();
        for (const item of page.data) {
          consume(item);
          items++;
        }
        // Frame.io does not repeat page_size in links.next: put it back.
        url = page.links.next ? `${base}${page.links.next}&page_size=${PAGE_SIZE}` : null;
      }
      return items;
    },
    paginate: pager(overFetch, false),
    "paginate + prefetch": pager(overFetch, true),
    "openapi-fetch + retry() + paginate": pager(overClient, false),
    "openapi-fetch + retry() + paginate + prefetch": pager(overClient, true),
  };

  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of Object.entries(variants)) {
        const started = performance.now();
        const items = await run();
        const ms = performance.now() - started;
        if (items !== PAGES * PAGE_SIZE) throw new Error(`${name}: ${items} items, expected ${PAGES * PAGE_SIZE}`);
        samples[name].push(ms);
        console.log(`round ${round + 1}/${ROUNDS}  ${name.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms`);
      }
    }
  } finally {
    child.disconnect();
  }

  const baseline = median(samples["raw fetch loop"]);
  const targets = { paginate: 1.0, "paginate + prefetch": 1.5 };
  const rows = Object.entries(samples).map(([variant, ms]) => ({
    variant,
    medianMs: Math.round(median(ms)),
    itemsPerSecond: Math.round((PAGES * PAGE_SIZE) / (median(ms) / 1000)),
    ratioVsRaw: Number((baseline / median(ms)).toFixed(2)),
    target: targets[variant] ? `>= ${targets[variant].toFixed(1)}x` : "",
    met: targets[variant] ? baseline / median(ms) >= targets[variant] : "",
  }));
  const consumer = `${ITEM_WORK_US} µs busy-wait per item (about ${(ITEM_WORK_US * PAGE_SIZE) / 1000} ms per page of ${PAGE_SIZE})`;
  console.log(`\n${PAGES} pages x ${PAGE_SIZE} items, server latency ${LATENCY_MS} ms, consumer work: ${consumer}`);
  report("pagination", rows, {
    pages: PAGES,
    pageSize: PAGE_SIZE,
    latencyMs: LATENCY_MS,
    consumerWork: consumer,
    rounds: ROUNDS,
    samplesMs: samples,
    // Every variant consumed the same items: the same sum of name lengths per round.
    itemChecksum: checksum,
  });
}

if (process.argv[2] === "serve") serve();
else await main();
