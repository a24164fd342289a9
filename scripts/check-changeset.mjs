#!/usr/bin/env node
// Release hygiene, as CI runs it:
//  1. Every public package whose published files (src/, package.json, tsup.config.ts) changed since the base comes
//     with a changeset naming it, added or edited since that same base. An empty changeset (`pnpm changeset
//     --empty`) says "no release needed" and satisfies the check for everything.
//  2. `changeset version` succeeds on the pending changesets. It runs on a copy of the manifests in a temp dir,
//     never on the real tree.
//
// The base, first match wins:
//  - $CHANGESET_SINCE (any git ref), for CI systems that know the target branch under another name;
//  - the merge base with origin/main, when HEAD has commits of its own (a branch or pull request);
//  - the latest release tag (`@frameio-sdk/<name>@<version>`, as `changeset publish` creates), so on main the
//    range is "everything since the last release", whose changesets are exactly the pending ones; without
//    tags, the last commit that wrote a packages/*/CHANGELOG.md, which is what `changeset version` does;
//  - the empty tree, when nothing was released yet or history is shallow: every file counts as changed and every
//    pending changeset counts as new. On a fresh clone of main this is the case, and .changeset/first-release.md
//    names all three packages.
// Uncommitted and untracked files count as changed, so the check also works before committing.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const PUBLISHED = /^(src\/|package\.json$|tsup\.config\.ts$)/;

const git = (...args) =>
  execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
const tryGit = (...args) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};
const lines = (text) => (text ? text.split("\n").filter(Boolean) : []);

function findBase() {
  if (process.env.CHANGESET_SINCE)
    return { ref: git("rev-parse", process.env.CHANGESET_SINCE), why: "$CHANGESET_SINCE" };
  const head = git("rev-parse", "HEAD");
  const mergeBase = tryGit("rev-parse", "--verify", "-q", "origin/main") && tryGit("merge-base", "HEAD", "origin/main");
  if (mergeBase && mergeBase !== head) return { ref: mergeBase, why: "merge base with origin/main" };
  const tag = tryGit("describe", "--tags", "--abbrev=0", "--match", "@frameio-sdk/*@*");
  if (tag) return { ref: git("rev-parse", `${tag}^{commit}`), why: `last release tag ${tag}` };
  // Tags may not travel with a copy of the repository; the commit that applied `changeset version` does.
  const versioned = tryGit("log", "-1", "--format=%H", "--", "packages/*/CHANGELOG.md");
  if (versioned) return { ref: versioned, why: "last commit that wrote a CHANGELOG.md (changeset version)" };
  return { ref: EMPTY_TREE, why: "no release yet: the whole tree" };
}

/** Workspace package directories, from pnpm-workspace.yaml (`dir` and `dir/*` patterns). */
function workspaceDirs() {
  const { packages = [] } = parse(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8"));
  return packages.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, parent, entry.name, "package.json")))
      .map((entry) => `${parent}/${entry.name}`);
  });
}

/** Package names a changeset file bumps (its YAML front matter); `[]` for an empty changeset. */
function changesetPackages(file) {
  const match = /^---\r?\n([\s\S]*?)^---/m.exec(readFileSync(join(root, file), "utf8"));
  if (!match) throw new Error(`${file} has no front matter; create changesets with \`pnpm changeset\``);
  return Object.keys(parse(match[1]) ?? {});
}

function checkCoverage() {
  const base = findBase();
  const changed = new Set([
    ...lines(git("diff", "--name-only", base.ref)),
    ...lines(git("ls-files", "--others", "--exclude-standard")),
  ]);
  const publicPackages = workspaceDirs()
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private);
  const changesets = [...changed].filter(
    (f) => /^\.changeset\/[^/]+\.md$/.test(f) && !f.endsWith("README.md") && existsSync(join(root, f)),
  );
  const named = changesets.map(changesetPackages);
  const covered = new Set(named.flat());
  const emptyChangeset = named.some((names) => names.length === 0);

  console.log(
    `changes since ${base.ref.slice(0, 12)} (${base.why}); changesets in that range: ${changesets.join(", ") || "none"}`,
  );
  const missing = [];
  for (const { dir, manifest } of publicPackages) {
    const files = [...changed].filter((f) => f.startsWith(`${dir}/`) && PUBLISHED.test(f.slice(dir.length + 1)));
    if (files.length === 0) continue;
    const ok = covered.has(manifest.name) || emptyChangeset;
    console.log(
      `  ${manifest.name}: ${files.length} published file(s) changed, ${ok ? "covered by a changeset" : "NO changeset"}`,
    );
    if (!ok) missing.push(manifest.name);
  }
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(", ")} changed without a changeset: run \`pnpm changeset\` (or \`pnpm changeset --empty\` when no release is needed)`,
    );
  }
}

/** Runs `changeset version` on a copy of the manifests, changelogs and changesets; prints the versions it would set. */
function dryRunVersion() {
  const copy = mkdtempSync(join(tmpdir(), "frameio-sdk-changeset-"));
  try {
    const dirs = workspaceDirs();
    const files = [
      "package.json",
      "pnpm-workspace.yaml",
      ...readdirSync(join(root, ".changeset")).map((f) => `.changeset/${f}`),
    ];
    for (const dir of dirs) files.push(`${dir}/package.json`, `${dir}/CHANGELOG.md`);
    for (const file of files.filter((f) => existsSync(join(root, f)))) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      copyFileSync(join(root, file), join(copy, file));
    }
    const changeset = createRequire(import.meta.url).resolve("@changesets/cli/bin.js");
    execFileSync(process.execPath, [changeset, "version"], { cwd: copy, stdio: ["ignore", "pipe", "inherit"] });
    for (const dir of dirs) {
      const before = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
      const after = JSON.parse(readFileSync(join(copy, dir, "package.json"), "utf8"));
      if (before.version !== after.version)
        console.log(`  changeset version: ${after.name} ${before.version} -> ${after.version}`);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

try {
  checkCoverage();
  dryRunVersion();
  console.log("changesets: every changed public package has one, and `changeset version` succeeds");
} catch (error) {
  console.error(`check-changeset: ${error.message}`);
  process.exitCode = 1;
}
