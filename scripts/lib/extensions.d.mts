import type { SpecNode } from "./spec.mjs";

/** Every `x-` extension the document uses, with the JSON pointers of where it appears. */
export function listExtensions(spec: SpecNode): Map<string, string[]>;
