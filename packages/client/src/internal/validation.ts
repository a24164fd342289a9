import { FrameioValidationError } from "@frameio-sdk/kit";
import type { Check } from "./validation-issues.js";

type Loaders = Record<string, () => Promise<{ checks: Record<string, Check> }>>;
type FindIssues = typeof import("./validation-issues.js").findIssues;

/**
 * One direction's generated checks, loaded on first use: the index of API groups first (with the issue wording),
 * then each group's module on the first call of one of its operations, so an application pays only for the groups
 * it calls and code that turns validation off loads nothing.
 */
interface Validators {
  loadIndex: () => Promise<Loaders>;
  /** By operation key; `null` when the spec gives that operation nothing to check. */
  checks: Map<string, Check | null>;
  groups: Map<string, Promise<void>>;
}

const lazyValidators = (loadIndex: () => Promise<Loaders>): Validators => ({ loadIndex, checks: new Map(), groups: new Map() });
const inputs = lazyValidators(() => import("../generated/input-validators.js").then((m) => m.inputValidators));
const responses = lazyValidators(() => import("../generated/response-validators.js").then((m) => m.responseValidators));

let findIssues: FindIssues | undefined;

async function loadGroup(validators: Validators, group: string): Promise<void> {
  const [index, issues] = await Promise.all([validators.loadIndex(), import("./validation-issues.js")]);
  findIssues = issues.findIssues;
  const module = await index[group]?.();
  for (const [key, check] of Object.entries(module?.checks ?? {})) validators.checks.set(key, check);
}

/**
 * Throws FrameioValidationError when `value` does not match. Synchronous once the operation's group is loaded,
 * so a validated call costs no promise; returns a promise only for the first call of each group.
 */
function check(validators: Validators, key: string, value: unknown, label: string): Promise<void> | undefined {
  const validator = validators.checks.get(key);
  if (validator === undefined) {
    const group = key.slice(0, key.indexOf("."));
    let loading = validators.groups.get(group);
    if (!loading) validators.groups.set(group, (loading = loadGroup(validators, group)));
    return loading.then(() => {
      if (!validators.checks.has(key)) validators.checks.set(key, null);
      return check(validators, key, value, label);
    });
  }
  const issues = validator && findIssues!(validator, value);
  if (issues) throw new FrameioValidationError(label, issues);
  return undefined;
}

/** Refuses bad arguments before any request is sent (see `check` for when it returns a promise). */
export function validateInput(key: string, args: unknown): Promise<void> | undefined {
  return check(inputs, key, args, key);
}

/** Checks a success body against the spec (opt-in: `validateResponses`). */
export function validateResponse(key: string, body: unknown): Promise<void> | undefined {
  return check(responses, key, body, `${key} response`);
}
