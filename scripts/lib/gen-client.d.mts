import type { SpecModel } from "./spec.mjs";

/** Every file of packages/client/src/generated, by repository-relative path. */
export function generateClient(model: SpecModel): Record<string, string>;
