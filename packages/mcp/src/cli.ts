#!/usr/bin/env node
// `frameio-mcp` / `npx @frameio-sdk/mcp`: stdout belongs to the MCP protocol on stdio, so everything else goes to
// stderr, and a configuration problem is one line there plus exit code 1.
import { ConfigError } from "./config-error.js";
import { parseCliOptions, USAGE } from "./options.js";
import { startFromOptions } from "./start.js";

const log = (line: string) => process.stderr.write(`frameio-mcp: ${line}\n`);

try {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.help) {
    process.stderr.write(`${USAGE}\n`);
  } else {
    await startFromOptions(options, process.env, log);
  }
} catch (error) {
  log(error instanceof ConfigError ? error.message : `cannot start: ${(error as Error).message}`);
  process.exit(1);
}
