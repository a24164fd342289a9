import { FrameioValidationError } from "@frameio-sdk/kit";
import { inputValidators } from "../generated/input-validators.js";
import type { Check, Problem, Report } from "./validation-issues.js";

type GroupChecks = (group: string) => Promise<{ checks: Record<string, Check> } | undefined>;

/**
 * One direction's generated checks, loaded a group at a time on the first call of one of its operations, so an
 * application pays only for the groups it calls; response checks come through an index of their own, which code
 * that leaves `validateResponses` off never loads.
 */
interface Validators {
  loadChecks: GroupChecks;
  /** By operation key; `null` when the spec gives that operation nothing to check. */
  checks: Map<string, Check | null>;
  groups: Map<string, Promise<void>>;
}

const lazyValidators = (loadChecks: GroupChecks): Validators => ({ loadChecks, checks: new Map(), groups: new Map() });
const inputs = lazyValidators(async (group) => inputValidators[group]?.());
const responses = lazyValidators((group) =>
  import("../generated/response-validators.js").then((m) => m.responseValidators[group]?.()),
);

async function loadGroup(validators: Validators, group: string): Promise<void> {
  const module = await validators.loadChecks(group);
  for (const [key, check] of Object.entries(module?.checks ?? {})) validators.checks.set(key, check);
}

// Checks run synchronously, so one list serves every call and a passing call allocates nothing.
let problems: Problem[] = [];
const collect: Report = (path, keyword, value, param) => void problems.push({ path, keyword, value, param });

function findProblems(validator: Check, value: unknown): Problem[] | undefined {
  if (problems.length) problems = []; // left over only if a check threw (a throwing getter in the arguments)
  validator(value, "", collect);
  if (!problems.length) return undefined;
  const found = problems;
  problems = [];
  return found;
}

/**
 * Rejects with FrameioValidationError when `value` does not match. Synchronous once the operation's group is
 * loaded, so a passing call costs no promise; returns a promise for the first call of each group, and on failure:
 * the wording of the issues is loaded only then, so programs whose calls pass never fetch it.
 */
function check(validators: Validators, key: string, value: unknown, label: string): Promise<void> | undefined {
  const validator = validators.checks.get(key);
  if (validator === undefined) {
    const group = key.slice(0, key.indexOf("."));
    let loading = validators.groups.get(group);
    if (!loading) {
      loading = loadGroup(validators, group);
      validators.groups.set(group, loading);
    }
    return loading.then(() => {
      if (!validators.checks.has(key)) validators.checks.set(key, null);
      return check(validators, key, value, label);
    });
  }
  const found = validator && findProblems(validator, value);
  if (!found) return undefined;
  return import("./validation-issues.js").then(({ describeProblems }) => {
    throw new FrameioValidationError(label, describeProblems(found));
  });
}

/** Refuses bad arguments before any request is sent (see `check` for when it returns a promise). */
export function validateInput(key: string, args: unknown): Promise<void> | undefined {
  return check(inputs, key, args, key);
}

/** Checks a success body against the spec (opt-in: `validateResponses`). */
export function validateResponse(key: string, body: unknown): Promise<void> | undefined {
  return check(responses, key, body, `${key} response`);
}
