#!/usr/bin/env node
// How long `tsc --noEmit` takes on a consumer file making 20 typed calls through @frameio-sdk/client, against a
// baseline file making the same 20 calls with untyped fetch, in the same run. Target: under 5 s, and no
// "Type instantiation is excessively deep" anywhere.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, report } from "./lib/report.mjs";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
const ids = `const account_id = "6f1c2a52-3d0e-4c1b-9a51-0c7e5f4a9b10"; const workspace_id = account_id; const project_id = account_id;
const folder_id = account_id; const file_id = account_id; const comment_id = account_id; const share_id = account_id;`;
const calls = [
  `client.users.show()`,
  `client.accounts.index()`,
  `client.workspaces.index({ account_id })`,
  `client.workspaces.show({ account_id, workspace_id })`,
  `client.projects.index({ account_id, workspace_id, page_size: 50 })`,
  `client.projects.show({ account_id, project_id })`,
  `client.projects.create({ account_id, workspace_id, data: { name: "Feature" } })`,
  `client.folders.index({ account_id, folder_id, page_size: 100 })`,
  `client.folders.show({ account_id, folder_id })`,
  `client.folders.create({ account_id, folder_id, data: { name: "Selects" } })`,
  `client.files.show({ account_id, file_id, include: "media_links.original" })`,
  `client.files.list({ account_id, folder_id })`,
  `client.files.createLocalUpload({ account_id, folder_id, data: { name: "a.mov", file_size: 1024 } })`,
  `client.files.showFileUploadStatus({ account_id, file_id })`,
  `client.versionStacks.copy({ account_id, version_stack_id: file_id, copy_metadata: true, data: { parent_id: folder_id } })`,
  `client.comments.create({ account_id, file_id, data: { text: "Nice" } })`,
  `client.comments.index({ account_id, file_id })`,
  `client.shares.show({ account_id, share_id })`,
  `client.metadataFields.metadataFieldDefinitionsIndex({ account_id })`,
  `client.metadata.show({ account_id, file_id })`,
];
const typed = `import { FrameioClient } from "@frameio-sdk/client";
const client = new FrameioClient({ token: "t" });
${ids}
export async function run() {
${calls.map((c, i) => `  const r${i} = await ${c};`).join("\n")}
  return [${calls.map((_, i) => `r${i}`).join(", ")}] as const;
}
`;
const untyped = `${ids}
const base = "https://api.frame.io";
export async function run() {
${calls.map((c, i) => `  const r${i}: unknown = await (await fetch(base + "/v4/" + ${JSON.stringify(c)} + account_id)).json();`).join("\n")}
  return [${calls.map((_, i) => `r${i}`).join(", ")}] as const;
}
`;

const dir = mkdtempSync(join(tmpdir(), "frameio-tsc-bench-"));
mkdirSync(join(dir, "node_modules", "@frameio-sdk"), { recursive: true });
for (const pkg of ["client", "kit", "types"]) {
  symlinkSync(
    fileURLToPath(new URL(`../packages/${pkg}`, import.meta.url)),
    join(dir, "node_modules", "@frameio-sdk", pkg),
  );
}
symlinkSync(
  fileURLToPath(new URL("../packages/client/node_modules/openapi-fetch", import.meta.url)),
  join(dir, "node_modules", "openapi-fetch"),
);
const tsconfig = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    skipLibCheck: true,
    lib: ["ES2022", "DOM"],
    types: [],
  },
};

function time(source, label) {
  writeFileSync(join(dir, "index.ts"), source);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ ...tsconfig, files: ["index.ts"] }));
  const runs = [];
  let output = "";
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    try {
      output = execFileSync(process.execPath, [tsc, "-p", dir, "--extendedDiagnostics"], { encoding: "utf8" });
    } catch (error) {
      throw new Error(`${label}: tsc failed\n${error.stdout}${error.stderr}`);
    }
    runs.push(performance.now() - start);
  }
  if (/excessively deep/i.test(output)) throw new Error(`${label}: type instantiation is excessively deep`);
  const instantiations = Number(/Instantiations:\s+(\d+)/.exec(output)?.[1] ?? NaN);
  return { label, medianMs: Math.round(median(runs)), instantiations };
}

try {
  time(untyped, "warm-up"); // first tsc run pays for a cold disk cache and JIT
  const baseline = time(untyped, "20 calls, untyped fetch (baseline)");
  const sdk = time(typed, "20 calls, @frameio-sdk/client");
  const rows = [baseline, { ...sdk, ratioToBaseline: +(sdk.medianMs / baseline.medianMs).toFixed(2) }];
  report("typecheck", rows, { targetMs: 5000, pass: sdk.medianMs < 5000 });
  console.log(sdk.medianMs < 5000 ? `PASS: ${sdk.medianMs} ms < 5000 ms` : `MISS: ${sdk.medianMs} ms >= 5000 ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
