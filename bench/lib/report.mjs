// Shared by the benchmarks: a median, a table on stdout, and a JSON record in bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function report(name, rows, extra = {}) {
  console.table(rows);
  const dir = fileURLToPath(new URL("../results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.json`;
  writeFileSync(
    file,
    JSON.stringify({ name, date: new Date().toISOString(), node: process.version, rows, ...extra }, null, 2),
  );
  console.log(`wrote ${file}`);
}
