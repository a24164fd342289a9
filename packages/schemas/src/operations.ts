export { type OperationKey, operationSchemas } from "./generated/operation-schemas.js";
export { toValidationIssues, type ValidationIssue } from "./validation-issues.js";
