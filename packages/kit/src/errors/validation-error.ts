import { FrameioError } from "./frameio-error.js";

/** One rejected input value. `path` is where it sits in the call's arguments, e.g. `data.name` or `page_size`. */
export interface ValidationIssue {
  path: string;
  expected: string;
  received: string;
  message: string;
}

export interface FrameioValidationErrorInit {
  /** Which call or response was checked, e.g. `files.show` or `files.show response`. */
  operation: string;
  issues: ValidationIssue[];
}

/** Input was refused before any request was sent. */
export class FrameioValidationError extends FrameioError {
  override name = "FrameioValidationError";
  readonly issues: ValidationIssue[];
  /** Which call or response was checked, e.g. `files.show` or `files.show response`. */
  readonly operation: string;

  /** `new FrameioValidationError({ operation, issues })`; the `(operation, issues)` form is kept for existing code. */
  constructor(init: FrameioValidationErrorInit | string, issues: ValidationIssue[] = []) {
    const { operation, issues: list } = typeof init === "string" ? { operation: init, issues } : init;
    const lines = list.map((i) => `  - ${i.path || "(arguments)"}: ${i.message}`);
    super(`Invalid ${operation}:\n${lines.join("\n")}`);
    this.operation = operation;
    this.issues = list;
  }
}
