#!/usr/bin/env node
// Uploads 1 GiB over loopback to the local upload target (packages/testing/src/upload-target.ts) with the kit's
// engine, against a raw parallel-PUT baseline of the same parts (fs read + fetch PUT, same concurrency) in the same
// run. Each run is a fresh child process, so its peak RSS is its own. Targets: engine throughput >= 0.9x the
// baseline; engine peak RSS < 200 MB. Needs `pnpm --filter @frameio-sdk/kit build` first.
//   BENCH_UPLOAD_MB (default 1024), BENCH_PART_MB (largest part, default 25), BENCH_ROUNDS (default 2)
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { median, report } from "./lib/report.mjs";

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_UPLOAD_MB ?? 1024) * MiB;
const PART_SIZE = Number(process.env.BENCH_PART_MB ?? 25) * MiB;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = 5;
const MODES = ["baseline", "engine", "engine-fetch"];

const dir = await mkdtemp(join(tmpdir(), "bench-upload-"));
try {
  // The target is TypeScript test harness code: bundle it for plain Node.
  const harness = join(dir, "harness.mjs");
  await build({
    stdin: {
      contents: `export * from "./upload-target.ts"; export * from "./sample-file.ts";`,
      resolveDir: fileURLToPath(new URL("../packages/testing/src/", import.meta.url)),
      loader: "ts",
    },
    outfile: harness,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "silent",
  });
  const { startUploadTarget, writeSampleFile, sha256File } = await import(harness);

  const path = join(dir, "upload.bin");
  console.log(`writing a ${SIZE / MiB} MiB sample file...`);
  await writeSampleFile(path, SIZE);
  const target = await startUploadTarget({ partSize: PART_SIZE, assemble: false });
  const sizes = target.createUpload("plan.bin", SIZE).upload_urls.map((part) => part.size);
  const runs = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of MODES) {
        const file = target.createUpload("upload.bin", SIZE);
        const config = { mode, path, parts: file.upload_urls, contentType: file.media_type, concurrency: CONCURRENCY };
        const result = await runChild(config);
        const upload = target.uploads.get(file.id);
        if (!upload.stored.every(Boolean)) throw new Error(`${mode}: not every part was stored`);
        runs.push({ mode, round, ...result, stored: upload.stored });
        console.log(
          `${mode.padEnd(12)} round ${round + 1}: ${(SIZE / MiB / (result.ms / 1000)).toFixed(0)} MiB/s, peak RSS ${(result.maxRss / MiB).toFixed(0)} MiB`,
        );
      }
    }
    if (target.problems.length > 0) throw new Error(`protocol problems: ${target.problems.slice(0, 3).join("; ")}`);
  } finally {
    await target.close();
  }

  // Every run must have delivered the same bytes as the file on disk, part by part.
  let offset = 0;
  const expected = [];
  for (const size of sizes) {
    expected.push(await sha256File(path, offset, offset + size));
    offset += size;
  }
  for (const run of runs) {
    if (run.stored.some((sha, i) => sha !== expected[i]))
      throw new Error(`${run.mode} round ${run.round + 1}: bytes differ`);
  }

  const rows = MODES.map((mode) => {
    const mine = runs.filter((r) => r.mode === mode);
    const mibPerSecond = median(mine.map((r) => SIZE / MiB / (r.ms / 1000)));
    return {
      mode,
      "MiB/s": Math.round(mibPerSecond),
      "peak RSS MiB": Math.round(Math.max(...mine.map((r) => r.maxRss)) / MiB),
    };
  });
  const baseline = rows[0]["MiB/s"];
  for (const row of rows) row["vs baseline"] = Number((row["MiB/s"] / baseline).toFixed(2));
  const engine = rows[1];
  const verdict = {
    throughputRatio: engine["vs baseline"],
    throughputTarget: 0.9,
    peakRssMiB: engine["peak RSS MiB"],
    peakRssTargetMB: 200,
    pass: engine["vs baseline"] >= 0.9 && engine["peak RSS MiB"] * MiB < 200e6,
  };
  report("upload", rows, {
    config: {
      sizeMiB: SIZE / MiB,
      parts: sizes.length,
      largestPartMiB: Number((Math.max(...sizes) / MiB).toFixed(1)),
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
    },
    verdict,
    runs: runs.map(({ stored: _stored, ...run }) => run),
  });
  console.log(
    `engine: ${verdict.throughputRatio}x baseline throughput (target >= 0.9), peak RSS ${verdict.peakRssMiB} MiB (target < 200 MB): ${verdict.pass ? "PASS" : "FAIL"}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

function runChild(config) {
  const script = fileURLToPath(new URL("./lib/upload-client.mjs", import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, JSON.stringify(config)], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${config.mode} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}
