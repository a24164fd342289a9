#!/usr/bin/env node
// Checks the five public packages as they would be published, not as the workspace sees them:
//  1. `pnpm pack` each one (this is where `workspace:^` becomes a real version range), then run publint --strict
//     and @arethetypeswrong/cli on the tarball. attw runs its default "strict" profile, node10 included: kit's
//     `./platform` subpath carries `typesVersions` so that TypeScript projects still on `moduleResolution: node`
//     (the default with `module: commonjs`) find its types too.
//  2. `npm install` the tarballs into a scratch project under the OS temp dir, outside the workspace, so nothing
//     resolves through workspace links; openapi-fetch comes from the registry like for any user. There, the
//     scripts in scripts/package-smoke/ run from Node ESM and CJS against a loopback stand-in API, and tsc checks
//     a consumer under moduleResolution node16 (.mts and .cts), bundler and node10. schemas and mcp get the same
//     (new-packages.*, *-consumer.ts), and mcp's `frameio-mcp` bin must answer MCP's initialize and tools/list over stdio.
// Needs `pnpm build` first. Takes about half a minute, most of it npm install.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = fileURLToPath(new URL("./package-smoke/", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const PACKAGES = ["types", "kit", "client", "schemas", "mcp"];

const run = (command, args, cwd = root, { quiet = false } = {}) => {
  console.log(`$ ${command} ${args.join(" ")}`);
  // pnpm and npm are .cmd shims on Windows, which only a shell runs.
  execFileSync(command, args, {
    cwd,
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
    shell: process.platform === "win32",
  });
};

for (const name of PACKAGES) {
  if (!existsSync(join(root, "packages", name, "dist"))) {
    throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`);
  }
}

const scratch = mkdtempSync(join(tmpdir(), "frameio-sdk-packages-"));
let passed = false;
try {
  const tarballs = PACKAGES.map((name) => {
    const tarball = join(scratch, `${name}.tgz`);
    run("pnpm", ["pack", "--out", tarball], join(root, "packages", name), { quiet: true });
    run("pnpm", ["exec", "publint", "run", tarball, "--strict"]);
    run("pnpm", ["exec", "attw", tarball, "--format", "table-flipped", "--no-emoji", "--no-color"]);
    return tarball;
  });

  const project = join(scratch, "project");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "frameio-sdk-package-smoke", private: true }, null, 2),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", ...tarballs], project);

  for (const name of PACKAGES) {
    const manifest = readFileSync(join(project, "node_modules", "@frameio-sdk", name, "package.json"), "utf8");
    if (manifest.includes("workspace:"))
      throw new Error(`the packed @frameio-sdk/${name} still has a workspace: range`);
  }

  const scripts = [
    "fake-api.cjs",
    "scenario.cjs",
    "esm.mjs",
    "cjs.cjs",
    "new-packages.mjs",
    "new-packages.cjs",
    "mcp-bin.mjs",
  ];
  for (const file of scripts) copyFileSync(join(fixtures, file), join(project, file));
  for (const file of ["esm.mjs", "cjs.cjs", "new-packages.mjs", "new-packages.cjs", "mcp-bin.mjs"])
    run(process.execPath, [file], project);

  const consumers = ["consumer", "schemas-consumer", "mcp-consumer"];
  for (const name of consumers) {
    for (const extension of ["mts", "cts", "ts"])
      copyFileSync(join(fixtures, `${name}.ts`), join(project, `${name}.${extension}`));
  }
  const resolutions = {
    node16: { module: "node16", moduleResolution: "node16", extensions: ["mts", "cts"] },
    bundler: { module: "preserve", moduleResolution: "bundler", extensions: ["ts"] },
    // esModuleInterop as `tsc --init` sets it: zod's own locale declarations need it under node10.
    node10: { module: "commonjs", moduleResolution: "node10", esModuleInterop: true, extensions: ["ts"] },
  };
  const typeChecks = {};
  for (const [label, { extensions, ...resolution }] of Object.entries(resolutions)) {
    const files = (names) => names.flatMap((name) => extensions.map((extension) => `${name}.${extension}`));
    // skipLibCheck off: our .d.ts files are checked too. The mcp consumer alone skips library checks: the MCP SDK's
    // own CJS declarations (1.32.2) fail TS1541 under node16, which is not ours to fix; its use is still checked.
    typeChecks[label] = { ...resolution, skipLibCheck: false, files: files(["consumer", "schemas-consumer"]) };
    typeChecks[`${label}-mcp`] = { ...resolution, skipLibCheck: true, files: files(["mcp-consumer"]) };
  }
  for (const [label, { files, ...resolution }] of Object.entries(typeChecks)) {
    // No @types/node, since the main entries must not need it.
    const compilerOptions = {
      ...resolution,
      target: "es2022",
      lib: ["es2022", "dom"],
      strict: true,
      noEmit: true,
      types: [],
    };
    const config = `tsconfig.${label}.json`;
    writeFileSync(join(project, config), JSON.stringify({ compilerOptions, files }, null, 2));
    run(process.execPath, [tsc, "-p", config], project);
    console.log(`TypeScript (${label}): the consumer type-checks`);
  }
  passed = true;
} finally {
  if (passed) rmSync(scratch, { recursive: true, force: true });
  else console.error(`check-packages failed; the scratch project is kept at ${scratch}`);
}
console.log("\npackages: publint, attw, ESM, CJS, TypeScript (node16, bundler, node10) and the mcp bin all pass");
