export const BANNER: string;

export interface GeneratedDiff {
  stale: string[];
  missing: string[];
  extra: string[];
}

export const MAX_FORMAT_PASSES: number;
export function settle(
  pass: (outputs: Record<string, string>) => Record<string, string>,
  outputs: Record<string, string>,
  maxPasses?: number,
): Record<string, string>;
export function formatOutputs(
  rootDir: string,
  outputs: Record<string, string>,
  maxPasses?: number,
): Record<string, string>;
export function generatedRoot(path: string): string;
export function diffGenerated(rootDir: string, outputs: Record<string, string>, roots?: Set<string>): GeneratedDiff;
export function applyGenerated(rootDir: string, outputs: Record<string, string>, roots?: Set<string>): GeneratedDiff;
export function outputRoots(outputs: Record<string, string>): Set<string>;
export function generatedRoots(rootDir: string, outputs: Record<string, string>): Set<string>;
