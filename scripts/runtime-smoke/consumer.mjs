// The scratch consumer the runtimes run in: the public packages packed as they would be published, installed with
// npm outside the workspace (plus the `undici` package for the proxy check), and the check files beside them.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const REQUIRED = ["types", "kit", "client"];
// New packages join the suite as soon as they build; until then they are reported as left out.
const OPTIONAL = ["schemas", "mcp"];
/**
 * The proxy check installs a global dispatcher from the `undici` package, as an application would, once per major
 * the Nodes bundle (20/22: 6, 24: 7, 26: 8): installed side by side under npm aliases undici6, undici7, undici8.
 */
export const UNDICI_VERSIONS = { undici6: "6.29.1", undici7: "7.30.2", undici8: "8.13.1" };
// mcp is a Node (stdio) server: the bundles for edge-runtime and workerd do not import it.
const NODE_ONLY = new Set(["mcp"]);

const quiet = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });

function pack(name, dir) {
  const tarball = join(dir, `${name}.tgz`);
  quiet("pnpm", ["pack", "--out", tarball], join(root, "packages", name));
  return tarball;
}

const importsModule = (names) =>
  `export const imports = {\n${names.map((name) => `  "@frameio-sdk/${name}": () => import("@frameio-sdk/${name}"),`).join("\n")}\n};\n`;

/** Returns { dir, packages, leftOut } with everything installed; `leftOut` maps a package to why. */
export function makeConsumer(scratch) {
  const dir = join(scratch, "consumer");
  mkdirSync(dir);
  const tarballs = REQUIRED.map((name) => pack(name, scratch));
  const packages = [...REQUIRED];
  const leftOut = {};
  for (const name of OPTIONAL) {
    if (!existsSync(join(root, "packages", name, "dist"))) {
      leftOut[name] = "no dist/ (not built)";
      continue;
    }
    try {
      tarballs.push(pack(name, scratch));
      packages.push(name);
    } catch (error) {
      leftOut[name] = `pnpm pack failed: ${
        String(error.stderr ?? error.message)
          .trim()
          .split("\n")[0]
      }`;
    }
  }
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "frameio-sdk-runtime-smoke", private: true, type: "module" }, null, 2),
  );
  quiet(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--prefer-offline",
      ...tarballs,
      ...Object.entries(UNDICI_VERSIONS).map(([alias, version]) => `${alias}@npm:undici@${version}`),
    ],
    dir,
  );
  for (const file of readdirSync(here)) {
    if (file.endsWith(".mjs")) copyFileSync(join(here, file), join(dir, file));
  }
  // `types` has no runtime code worth importing; the rest must load on every runtime that can host them.
  const runtimeModules = packages.filter((name) => name !== "types");
  writeFileSync(join(dir, "imports-all.mjs"), importsModule(runtimeModules));
  writeFileSync(
    join(dir, "imports-portable.mjs"),
    importsModule(runtimeModules.filter((name) => !NODE_ONLY.has(name))),
  );
  return { dir, packages, leftOut };
}
