#!/usr/bin/env node
// Browser tests drive Debian's Chromium (never a downloaded browser). Installs it when missing and we are root.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(path)) {
  console.log(`chromium: ${path}`);
} else if (process.getuid?.() === 0) {
  console.log("chromium: installing Debian's chromium package");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null", {
    stdio: "inherit",
  });
} else {
  console.error(`chromium: not found at ${path}; install Debian's chromium package or set CHROMIUM_PATH.`);
  process.exit(1);
}
