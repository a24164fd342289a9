import type { Check, Report } from "./validation-issues.js";

// Problems that do not make a union branch a mismatch of shape: the value has the branch's shape but breaks a
// constraint, so those problems tell the caller more than "matches none of the shapes".
const CONSTRAINTS = new Set([
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "pattern",
  "format",
  "additionalProperties",
]);

type Problem = Parameters<Report>;

/**
 * A value must match one of `branches` (a generated union). When none does and exactly one fails only on
 * constraints, its problems are reported; otherwise one problem for the union as a whole.
 */
export function anyOf(value: unknown, path: string, report: Report, branches: readonly Check[]): void {
  let closest: Problem[] | undefined;
  let closeCount = 0;
  for (const branch of branches) {
    const problems: Problem[] = [];
    branch(value, path, (...problem) => void problems.push(problem));
    if (!problems.length) return;
    if (problems.every(([, keyword]) => CONSTRAINTS.has(keyword))) {
      closest = problems;
      closeCount += 1;
    }
  }
  if (closest && closeCount === 1) for (const problem of closest) report(...problem);
  else report(path, "anyOf", value);
}
