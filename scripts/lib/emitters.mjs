// The emitters `pnpm generate` runs, in order. Each is `generateX(model) -> { repoRelativePath: content }` (or a
// promise of it); a module that does not exist yet is skipped, so the generator works while emitters come and go.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const load = async (name) => {
  const url = new URL(`./${name}.mjs`, import.meta.url);
  return existsSync(fileURLToPath(url)) ? import(url.href) : undefined;
};

const EMITTERS = [
  ["gen-types", (m, model) => m.generateTypes(model)],
  ["gen-kit-facts", (m, model) => m.generateKitFacts(model)],
  ["gen-client", (m, model) => m.generateClient(model)],
  ["gen-schemas", (m, model) => m.generateSchemas(model)],
  ["gen-mcp", (m, model) => m.generateMcp(model)],
];

/**
 * Runs every emitter that exists over `model`; fails when two emitters claim the same file. `ran` names each
 * emitter that ran, with its time.
 */
export async function runEmitters(model, emitters = EMITTERS) {
  const outputs = {};
  const owner = {};
  const ran = [];
  for (const [name, emit] of emitters) {
    const module = await load(name);
    if (!module) continue;
    const started = performance.now();
    const files = await emit(module, model);
    for (const [path, content] of Object.entries(files)) {
      if (path in outputs) throw new Error(`${path} is produced by both ${owner[path]} and ${name}`);
      if (typeof content !== "string") throw new Error(`${name} produced no text for ${path}`);
      outputs[path] = content;
      owner[path] = name;
    }
    ran.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { outputs, ran };
}
