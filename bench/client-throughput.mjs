#!/usr/bin/env node
/**
 * Requests per second of `client.files.show` (request validation, retries and timeouts on, as by default) against
 * bare openapi-fetch and raw fetch, at concurrency 1 and 32. The client is openapi-fetch plus the kit's transport,
 * so bare openapi-fetch is the baseline: target >= 0.9x of it at both concurrencies. "raw fetch + deadline" is raw
 * fetch with a per-attempt AbortController and timer, the usual way to honour a timeout: what that alone costs.
 *
 * The server runs in a child process (this same file, started with `serve`), so its work does not share the
 * client's event loop or its CPU time slices inside one thread. It answers every GET of a file with the same
 * JSON body, shaped like a real `files.show` response.
 *
 * Run after `pnpm --filter @frameio-sdk/types --filter @frameio-sdk/kit --filter @frameio-sdk/client build`:
 *   node bench/client-throughput.mjs [--round-ms 500] [--rounds 15]
 * Writes bench/results/client-throughput.json.
 */
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ACCOUNT_ID = "1f0c3a52-7d3e-4c4b-9b61-0a8f6b2c1d01";
const FILE_ID = "2a6e8b14-51c9-4f7a-8d2e-3b9c0e4f5a02";
const FILE_PATH = `/v4/accounts/${ACCOUNT_ID}/files/${FILE_ID}`;

if (process.argv[2] === "serve") serve();
else await main();

/** The child: one keep-alive HTTP server, its port reported over IPC; exits when the parent disconnects. */
function serve() {
  const body = JSON.stringify(fileResponse());
  const headers = {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    "x-ratelimit-limit": "10",
    "x-ratelimit-remaining": "9",
    "x-ratelimit-window": "1000",
  };
  const pattern = /^\/v4\/accounts\/[^/]+\/files\/[^/?]+(\?|$)/;
  const server = createServer((req, res) => {
    if (req.method === "GET" && pattern.test(req.url ?? "")) {
      res.writeHead(200, headers);
      res.end(body);
    } else {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"errors":[{"detail":"not found"}]}');
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
  process.on("disconnect", () => process.exit(0));
}

function fileResponse() {
  const now = "2025-03-04T10:11:12.000000Z";
  return {
    data: {
      id: FILE_ID,
      type: "file",
      name: "harbor-dailies-day12-cam-a-001.mov",
      media_type: "video/quicktime",
      file_size: 1_843_226_112,
      status: "transcoded",
      parent_id: "3b7f9c25-62da-4a8b-9e3f-4cad1f5a6b03",
      project_id: "5d9bbe47-84fc-4cad-b051-6ecf317c8d05",
      created_at: now,
      updated_at: now,
      view_url: `https://next.frame.io/project/5d9bbe47/view/${FILE_ID}`,
      creator: {
        id: "6eaccf58-95ad-4dbe-8162-7fd0428d9e06",
        name: "Dana Whitfield",
        email: "dana@harborpictures.example",
        avatar_url: null,
        active: true,
        created_at: now,
        updated_at: now,
      },
      metadata: Array.from({ length: 8 }, (_, i) => ({
        field_definition_id: `7fbdd069-a6be-4ecf-9273-80e15${String(i).padStart(7, "0")}`,
        field_definition_name: `Field ${i}`,
        field_type: "text",
        mutable: true,
        value: `value ${i}`,
      })),
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: { "round-ms": { type: "string", default: "500" }, rounds: { type: "string", default: "15" } },
  });
  const roundMs = Number(values["round-ms"]);
  const rounds = Number(values.rounds);

  const { FrameioClient } = await import("@frameio-sdk/client");
  const { default: createClient } = await import("openapi-fetch");
  const { createTransport, readJsonBody, resolveRetryPolicy } = await import("@frameio-sdk/kit/internal");

  const child = fork(fileURLToPath(import.meta.url), ["serve"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`server exited early (${code})`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}${FILE_PATH}`;

  const http = createClient({ baseUrl, headers: { authorization: "Bearer bench-token" } });
  const client = new FrameioClient({ baseUrl, token: "bench-token" });
  // The kit's transport alone under openapi-fetch, used as the client uses it (defaults; the body read once, by
  // readJsonBody, from the bytes the transport read inside the attempt): what the client layer adds on top.
  const transport = createTransport({
    baseUrl,
    token: "bench-token",
    timeoutMs: 60_000,
    retry: resolveRetryPolicy({}),
  });
  const viaTransport = createClient({ baseUrl });
  const args = { account_id: ACCOUNT_ID, file_id: FILE_ID };

  /** Each call resolves to the parsed body; a wrong answer stops the run rather than inflating the numbers. */
  const subjects = {
    "raw fetch": async () => {
      const res = await fetch(url, { headers: { accept: "application/json", authorization: "Bearer bench-token" } });
      if (!res.ok) throw new Error(`status ${res.status}`);
      return res.json();
    },
    // Reference, not a target: what a per-attempt AbortController + timer alone costs raw fetch.
    "raw fetch + deadline": async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        const res = await fetch(url, {
          headers: { accept: "application/json", authorization: "Bearer bench-token" },
          signal: controller.signal,
        });
        if (!res.ok) throw new Error(`status ${res.status}`);
        return await res.json();
      } finally {
        clearTimeout(timer);
      }
    },
    "openapi-fetch": async () => {
      const { data, error } = await http.GET("/v4/accounts/{account_id}/files/{file_id}", { params: { path: args } });
      if (error) throw new Error("openapi-fetch call failed");
      return data;
    },
    // Reference, not a target: openapi-fetch over the kit's transport, without the client's checks and typing.
    "openapi-fetch + transport": async () => {
      const handOver = {};
      const { error, response } = await viaTransport.GET("/v4/accounts/{account_id}/files/{file_id}", {
        params: { path: args },
        parseAs: "stream",
        fetch: (request) => transport(request, { handOver, requestSignalUnused: true }),
      });
      if (error) throw new Error("openapi-fetch call failed");
      return readJsonBody(response, { method: "GET", url }, handOver);
    },
    "client.files.show": () => client.files.show(args),
  };

  for (const [name, call] of Object.entries(subjects)) {
    const body = await call();
    if (body?.data?.id !== FILE_ID) throw new Error(`${name} returned an unexpected body`);
  }

  try {
    const concurrencies = [1, 32];
    const samples = {};
    for (const name of Object.keys(subjects)) for (const c of concurrencies) samples[`${name}@${c}`] = [];

    // Warm-up: JIT, lazily loaded validators, keep-alive pools at full width.
    for (const call of Object.values(subjects)) for (const c of concurrencies) await measure(call, c, 500);

    // Rounds rotate the order of subjects so that drift (thermal, GC, other load) spreads over all of them.
    const names = Object.keys(subjects);
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + round) % names.length];
        for (const c of concurrencies) samples[`${name}@${c}`].push(await measure(subjects[name], c, roundMs));
      }
    }

    // Ratios are paired: each round's subject against the same round's baseline, then the median over rounds.
    // Back-to-back measurements share the machine's state of the moment, so drift cancels out of the ratio.
    const pairedRatio = (name, baseline, c, figure) =>
      median(samples[`${name}@${c}`].map((s, round) => figure(s, samples[`${baseline}@${c}`][round])));
    const byRps = (subject, base) => subject.rps / base.rps;
    const byCpu = (subject, base) => base.cpuUsPerRequest / subject.cpuUsPerRequest;
    const rows = [];
    for (const c of concurrencies) {
      for (const name of names) {
        const runs = samples[`${name}@${c}`];
        rows.push({
          subject: name,
          concurrency: c,
          medianRps: Math.round(median(runs.map((s) => s.rps))),
          ratioVsOpenapiFetch: round3(pairedRatio(name, "openapi-fetch", c, byRps)),
          ratioVsRawFetch: round3(pairedRatio(name, "raw fetch", c, byRps)),
          cpuUsPerRequest: Math.round(median(runs.map((s) => s.cpuUsPerRequest))),
          cpuRatioVsOpenapiFetch: round3(pairedRatio(name, "openapi-fetch", c, byCpu)),
          cpuRatioVsRawFetch: round3(pairedRatio(name, "raw fetch", c, byCpu)),
          rpsSamples: runs.map((s) => Math.round(s.rps)),
        });
      }
    }
    const clientRows = rows.filter((r) => r.subject === "client.files.show");
    const result = {
      benchmark: "client-throughput",
      date: new Date().toISOString(),
      node: process.version,
      cpus: (await import("node:os")).cpus().length,
      server: "node:http in a child process (fork), keep-alive, same JSON body for every GET",
      payloadBytes: Buffer.byteLength(JSON.stringify(fileResponse())),
      roundMs,
      rounds,
      target: {
        subject: "client.files.show",
        concurrency: [1, 32],
        minRatioVsOpenapiFetch: 0.9,
        met: clientRows.every((r) => r.ratioVsOpenapiFetch >= 0.9),
      },
      notes:
        "ratioVs* are medians over rounds of each round's requests/second against the same round's baseline; cpuRatioVs* the same for CPU time per request in this process (baseline / subject), steadier when other processes share the machine",
      rows,
    };

    console.log(
      `client throughput: ${rounds} rounds x ${roundMs} ms, server in a child process, Node ${process.version}`,
    );
    console.table(rows.map(({ rpsSamples: _s, ...row }) => row));
    const shown = clientRows.map(
      (r) => `@${r.concurrency}: ${r.ratioVsOpenapiFetch}x by requests/s, ${r.cpuRatioVsOpenapiFetch}x by CPU`,
    );
    console.log(
      `target (client >= 0.9x bare openapi-fetch): ${result.target.met ? "met" : "MISSED"} (${shown.join("; ")})`,
    );

    const dir = fileURLToPath(new URL("./results/", import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}client-throughput.json`, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    child.disconnect();
  }
}

/**
 * Requests per second with `concurrency` loops calling `call` back to back for `ms` milliseconds, and the CPU
 * time this process spent per request. On a shared machine the second is the steadier number: other processes
 * take wall-clock time from every subject, but not CPU time.
 */
async function measure(call, concurrency, ms) {
  let done = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + ms;
  const loop = async () => {
    while (performance.now() < deadline) {
      await call();
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { rps: done / seconds, cpuUsPerRequest: (cpu.user + cpu.system) / done };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round3(n) {
  return Math.round(n * 1000) / 1000;
}
