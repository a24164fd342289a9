export * from "./generated/components.js";
export * from "./generated/operations.js";
export * from "./generated/webhooks.js";
export { JsonValue } from "./refinements/index.js";
export { toValidationIssues, type ValidationIssue } from "./validation-issues.js";
