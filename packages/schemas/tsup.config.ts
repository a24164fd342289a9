import { readdirSync } from "node:fs";
import { defineConfig } from "tsup";

// One entry per API group (`@frameio-sdk/schemas/groups/files`), so that a program loading one group's schemas
// does not construct every other group's, even without a bundler.
const groups = readdirSync(new URL("./src/generated/groups/", import.meta.url))
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.slice(0, -3));

export default defineConfig({
  entry: {
    index: "src/index.ts",
    operations: "src/operations.ts",
    webhooks: "src/webhooks.ts",
    ...Object.fromEntries(groups.map((group) => [`groups/${group}`, `src/generated/groups/${group}.ts`])),
  },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
});
