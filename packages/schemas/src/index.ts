/** zod's JSON Schema export (draft 2020-12), from the zod these schemas are built with. */
export { toJSONSchema } from "zod/mini";
export * from "./generated/components.js";
export * from "./generated/operations.js";
export * from "./generated/webhooks.js";
export { JsonValue } from "./refinements/index.js";
export { toValidationIssues, type ValidationIssue } from "./validation-issues.js";
