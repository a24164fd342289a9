export { JsonValue, jsonProblem } from "./json-value.js";
export { maxProperties, minProperties } from "./property-count.js";
export { uniqueItems } from "./unique-items.js";
export { withDescription } from "./with-description.js";
