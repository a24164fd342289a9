#!/usr/bin/env node
// Redis tests run Debian's redis-server (never a downloaded build). Installs it when missing and we are root.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";
if (existsSync(path)) {
  console.log(`redis-server: ${path}`);
} else if (process.getuid?.() === 0) {
  console.log("redis-server: installing Debian's redis-server package");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null", {
    stdio: "inherit",
  });
} else {
  console.error(`redis-server: not found at ${path}; install Debian's redis-server package or set REDIS_SERVER_PATH.`);
  process.exit(1);
}
