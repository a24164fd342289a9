// The generator's last step: Biome formats what the emitters produced, and the drift check finds every stale,
// missing or extra file of a generated folder (the same comparison `pnpm generate` applies).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runEmitters } from "../../../../scripts/lib/emitters.mjs";
import { buildModel } from "../../../../scripts/lib/spec.mjs";
import {
  applyGenerated,
  diffGenerated,
  formatOutputs,
  generatedRoot,
  generatedRoots,
  settle,
} from "../../../../scripts/lib/write.mjs";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

describe("formatOutputs", () => {
  it("formats TypeScript with the repository's Biome settings", () => {
    const given = { "packages/x/src/generated/a.ts": "import {b} from './b.js'\nexport const a={ 'k':[1,2,3] }\n" };
    expect(formatOutputs(repoRoot, given)).toEqual({
      "packages/x/src/generated/a.ts": 'import { b } from "./b.js";\nexport const a = { k: [1, 2, 3] };\n',
    });
  });

  it("returns a fixed point: formatting its output again changes nothing", () => {
    const given = {
      "packages/x/src/generated/chain.ts":
        "export const s = z.optional(z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^[a-z]+$/)).describe('a long description that does not fit on the line'))\n",
    };
    const once = formatOutputs(repoRoot, given);
    expect(formatOutputs(repoRoot, once)).toEqual(once);
  });

  it("fails with Biome's report when an emitter wrote invalid code", () => {
    expect(() => formatOutputs(repoRoot, { "packages/x/src/generated/bad.ts": "export const = ;\n" })).toThrow(
      /Biome could not format the generated files[\s\S]*bad\.ts/,
    );
  });
});

describe("settle", () => {
  // A stand-in formatter that needs `steps` passes per file: each pass moves the file one step closer.
  const stepper = (steps: number, seen: string[][]) => (files: Record<string, string>) => {
    seen.push(Object.keys(files));
    return Object.fromEntries(
      Object.entries(files).map(([path, text]) => [path, text.length < steps ? `${text}+` : text]),
    );
  };

  it("formats again until nothing changes, re-formatting only what the pass before changed", () => {
    const seen: string[][] = [];
    const given = { "a.ts": "", "b.ts": "++" };
    expect(settle(stepper(2, seen), given)).toEqual({ "a.ts": "++", "b.ts": "++" });
    expect(seen).toEqual([["a.ts", "b.ts"], ["a.ts", "b.ts"], ["a.ts"]]);
  });

  it("fails naming the files still changing after the last pass", () => {
    expect(() => settle(stepper(5, []), { "a.ts": "", "b.ts": "+++++" }, 3)).toThrow(
      "Biome's formatting of a.ts still changes after 3 passes",
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
    const every = generatedRoots(root, outputs);
    expect(diffGenerated(root, outputs, every)).toEqual({
      stale: ["packages/a/src/generated/sub/changed.ts"],
      missing: ["packages/b/src/generated/new.ts"],
      extra: ["packages/a/src/generated/sub/dropped.ts", "packages/orphan/src/generated/left-over.ts"],
    });
    applyGenerated(root, outputs, every);
    expect(diffGenerated(root, outputs, generatedRoots(root, outputs))).toEqual({ stale: [], missing: [], extra: [] });
    expect(readFileSync(join(root, "packages/a/src/generated/sub/changed.ts"), "utf8")).toBe("new\n");
    expect(readFileSync(join(root, "packages/a/src/hand-written.ts"), "utf8")).toBe("kept\n");
  });

  it("by default touches only the folders of the outputs it is given", () => {
    put("packages/a/src/generated/dropped.ts", "gone\n");
    put("packages/b/src/generated/other-package.ts", "kept\n");
    const onlyA = { "packages/a/src/generated/same.ts": "same\n" };
    expect(applyGenerated(root, onlyA)).toEqual({
      stale: [],
      missing: ["packages/a/src/generated/same.ts"],
      extra: ["packages/a/src/generated/dropped.ts"],
    });
    expect(readFileSync(join(root, "packages/b/src/generated/other-package.ts"), "utf8")).toBe("kept\n");
    expect(diffGenerated(root, onlyA)).toEqual({ stale: [], missing: [], extra: [] });
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
