// `pnpm run docs`: the API reference of the three public packages, from their TSDoc, into docs/api (gitignored).
// (`pnpm docs` without `run` is pnpm's own command that opens a package's homepage.)
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "Frame.io V4 TypeScript SDK",
  entryPointStrategy: "packages",
  entryPoints: ["packages/types", "packages/kit", "packages/client"],
  packageOptions: {
    excludePrivate: true,
    excludeInternal: true,
    // openapi-typescript writes JSDoc's @description and @constant into the generated types.
    blockTags: [...OptionDefaults.blockTags, "@description", "@constant"],
    // No git remote needed: each package's typedoc.json names its entry points and its source link template.
    disableGit: true,
  },
  out: "docs/api",
  readme: "README.md",
};
