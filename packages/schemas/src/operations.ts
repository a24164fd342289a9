export { type OperationKey, operationSchemas } from "./generated/operation-schemas.js";
