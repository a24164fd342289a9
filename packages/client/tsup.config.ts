import { rmSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const common: Options = {
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
};

// The two builds below run at once, so neither may clean: tsup's type-declaration step removes every .d.ts in
// dist, the other build's included, whatever `clean` patterns say. dist is emptied once, here, before both.
rmSync("dist", { recursive: true, force: true });

export default defineConfig([
  {
    ...common,
    entry: { index: "src/index.ts" },
    // Operation rows and validators are imported lazily, per API group; splitting keeps them out of the entry chunk
    // of ESM consumers.
    splitting: true,
    // Chunks named without a hash: an application's bundler adds its own, and the entry chunk names every group's
    // chunk in its loaders, where a second hash per name cost 0.28 kB min+gz (bench/bundle-size.mjs). Two chunks
    // with one name would make esbuild fail the build rather than overwrite one.
    esbuildOptions(options) {
      options.chunkNames = "[name]";
    },
  },
  {
    ...common,
    // The whole operation table, on a subpath of its own (see src/operations.ts). A separate build, so that it
    // shares no chunk with the main entry: a group's rows would otherwise sit in a chunk of their own, apart from the
    // group's request checks, and cost the client one more chunk per group.
    entry: { operations: "src/operations.ts" },
    splitting: false,
  },
]);
