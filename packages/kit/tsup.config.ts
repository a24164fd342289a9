import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    // A subpath of its own: bundlers assign whole files to chunks, so an upload engine re-exported from index.ts
    // would land in the entry chunk of every program, even one that only loads it behind a dynamic import.
    upload: "src/upload/index.ts",
    // For @frameio-sdk/client only (no semver promise): the transport pipeline and its helpers.
    internal: "src/internal.ts",
    // Its own subpath so programs that never share a budget through Redis do not load the store.
    redis: "src/redis/index.ts",
    "platform.node": "src/platform.node.ts",
    "platform.browser": "src/platform.browser.ts",
  },
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
