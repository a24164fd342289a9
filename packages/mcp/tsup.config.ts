import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    // Not cleaned: both builds write to dist/ at the same time.
    clean: false,
    sourcemap: true,
    target: "es2022",
    treeshake: true,
  },
  {
    // The bin: ESM only (top-level await); esbuild keeps the source's shebang, which npm needs to run it.
    entry: ["src/cli.ts"],
    format: ["esm"],
    sourcemap: true,
    target: "es2022",
    treeshake: true,
  },
]);
