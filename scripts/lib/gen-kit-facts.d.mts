import type { SpecModel } from "./spec.mjs";

export const KIT_FACTS_PATH: string;
export function generateKitFacts(model: SpecModel): Record<string, string>;
