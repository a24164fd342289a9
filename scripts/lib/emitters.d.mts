import type { SpecModel } from "./spec.mjs";

export type Emitter = readonly [
  name: string,
  emit: (module: Record<string, unknown>, model: SpecModel) => Record<string, string> | Promise<Record<string, string>>,
];

export function runEmitters(
  model: SpecModel,
  emitters?: readonly Emitter[],
): Promise<{
  outputs: Record<string, string> /** Each emitter that ran, with its time ("gen-types 2.1 s"). */;
  ran: string[];
}>;
