// The generator's last step: Biome formats what the emitters produced, and the drift check finds every stale,
// missing or extra file of a generated folder (the same comparison `pnpm generate` applies).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runEmitters } from "../../../../scripts/lib/emitters.mjs";
import { buildModel } from "../../../../scripts/lib/spec.mjs";
import { applyGenerated, diffGenerated, formatOutputs, generatedRoot } from "../../../../scripts/lib/write.mjs";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

describe("formatOutputs", () => {
  it("formats TypeScript with the repository's Biome settings", () => {
    const given = { "packages/x/src/generated/a.ts": "import {b} from './b.js'\nexport const a={ 'k':[1,2,3] }\n" };
    expect(formatOutputs(repoRoot, given)).toEqual({
      "packages/x/src/generated/a.ts": 'import { b } from "./b.js";\nexport const a = { k: [1, 2, 3] };\n',
    });
  });

  it("fails with Biome's report when an emitter wrote invalid code", () => {
    expect(() => formatOutputs(repoRoot, { "packages/x/src/generated/bad.ts": "export const = ;\n" })).toThrow(
      /Biome could not format the generated files[\s\S]*bad\.ts/,
    );
  });
});

describe("diffGenerated / applyGenerated", () => {
  let root: string;
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "generated-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const outputs = {
    "packages/a/src/generated/same.ts": "same\n",
    "packages/a/src/generated/sub/changed.ts": "new\n",
    "packages/b/src/generated/new.ts": "created\n",
  };

  it("reports stale, missing and extra files, and applying them leaves nothing to report", () => {
    put("packages/a/src/generated/same.ts", "same\n");
    put("packages/a/src/generated/sub/changed.ts", "old\n");
    put("packages/a/src/generated/sub/dropped.ts", "gone\n");
    put("packages/a/src/hand-written.ts", "kept\n");
    put("packages/orphan/src/generated/left-over.ts", "no emitter writes here\n");
    expect(diffGenerated(root, outputs)).toEqual({
      stale: ["packages/a/src/generated/sub/changed.ts"],
      missing: ["packages/b/src/generated/new.ts"],
      extra: ["packages/a/src/generated/sub/dropped.ts", "packages/orphan/src/generated/left-over.ts"],
    });
    applyGenerated(root, outputs);
    expect(diffGenerated(root, outputs)).toEqual({ stale: [], missing: [], extra: [] });
    expect(readFileSync(join(root, "packages/a/src/generated/sub/changed.ts"), "utf8")).toBe("new\n");
    expect(readFileSync(join(root, "packages/a/src/hand-written.ts"), "utf8")).toBe("kept\n");
  });

  it("refuses an output outside a package's generated folder", () => {
    expect(() => generatedRoot("packages/a/src/index.ts")).toThrow("packages/<pkg>/src/generated/");
  });
});

describe("runEmitters", () => {
  it("refuses two emitters writing the same file", async () => {
    const twice = [
      [
        "gen-kit-facts",
        (m: Record<string, (model: unknown) => Record<string, string>>, model: unknown) => m.generateKitFacts!(model),
      ],
      [
        "gen-kit-facts",
        (m: Record<string, (model: unknown) => Record<string, string>>, model: unknown) => m.generateKitFacts!(model),
      ],
    ] as const;
    await expect(runEmitters(buildModel(), twice as never)).rejects.toThrow(
      "packages/kit/src/generated/spec-facts.ts is produced by both gen-kit-facts and gen-kit-facts",
    );
  });
});
