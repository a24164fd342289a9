// Browser apps must be able to bundle the client and kit: the built entries are bundled the way a browser app's
// bundler would see them (esbuild, platform "browser": the `browser`, `import` and `default` export conditions)
// and every import of a Node built-in is recorded. The same bundle for Node must find them, which proves the
// recorder sees imports at all and that `@frameio-sdk/kit/platform` switches files with the condition.
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

const clientDir = fileURLToPath(new URL("..", import.meta.url));
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith("node:") || NODE_BUILTINS.has(specifier);

/** Keeps Node built-ins out of the bundle (external) and lists them with the file that imported them. */
function recordNodeBuiltins(found: string[]): Plugin {
  return {
    name: "record-node-builtins",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (!isNodeBuiltin(args.path)) return undefined;
        found.push(`${args.path} (from ${args.importer})`);
        return { path: args.path, external: true };
      });
    },
  };
}

/** Bundles an entry that re-exports `specifiers` (resolved from the client package, so through its exports maps). */
async function bundle(specifiers: string[], platform: "browser" | "node") {
  const nodeImports: string[] = [];
  const result = await build({
    stdin: { contents: specifiers.map((s) => `export * from ${JSON.stringify(s)};`).join("\n"), resolveDir: clientDir },
    bundle: true,
    format: "esm",
    platform,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [recordNodeBuiltins(nodeImports)],
  });
  return { nodeImports, inputs: Object.keys(result.metafile.inputs), metafile: result.metafile };
}

const fromKitDist = (inputs: string[], file: string) => inputs.filter((input) => input.endsWith(`kit/dist/${file}`));
const bundledBytes = (metafile: Metafile) => Object.values(metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);

describe("browser bundles contain no Node built-ins", () => {
  it.each([
    ["@frameio-sdk/client", ["@frameio-sdk/client"]],
    ["@frameio-sdk/kit", ["@frameio-sdk/kit"]],
    ["@frameio-sdk/kit/platform", ["@frameio-sdk/kit/platform"]],
  ])("%s", async (_, specifiers) => {
    const { nodeImports, metafile } = await bundle(specifiers, "browser");
    expect(nodeImports).toEqual([]);
    expect(bundledBytes(metafile)).toBeGreaterThan(1000);
  });

  it("resolves @frameio-sdk/kit/platform to the browser file, directly and through the client", async () => {
    const { inputs } = await bundle(["@frameio-sdk/client", "@frameio-sdk/kit/platform"], "browser");
    expect(inputs).toContain("dist/index.js");
    expect(fromKitDist(inputs, "platform.browser.js")).toHaveLength(1);
    expect(fromKitDist(inputs, "platform.node.js")).toEqual([]);
  });

  it("finds the Node built-ins of the node entry when bundling for Node (the recorder is not blind)", async () => {
    const { nodeImports, inputs } = await bundle(["@frameio-sdk/client"], "node");
    expect(fromKitDist(inputs, "platform.node.js")).toHaveLength(1);
    expect(fromKitDist(inputs, "platform.browser.js")).toEqual([]);
    expect(nodeImports.some((entry) => entry.startsWith("node:fs"))).toBe(true);
  });
});
