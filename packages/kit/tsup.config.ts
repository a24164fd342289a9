import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/platform.node.ts", "src/platform.browser.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  splitting: true,
  // Keep `node:` specifiers as written: Deno, Bun and edge runtimes with Node compatibility only accept the prefixed form.
  removeNodeProtocol: false,
});
