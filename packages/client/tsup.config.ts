import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  // Validators are imported lazily; splitting keeps them out of the entry chunk of ESM consumers.
  splitting: true,
});
