import type { SpecModel } from "./spec.mjs";

export const TYPES_PATH: string;
export function generateTypes(model: Pick<SpecModel, "spec">): Promise<Record<string, string>>;
