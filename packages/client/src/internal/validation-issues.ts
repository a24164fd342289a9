// zod issues worded as FrameioValidationError issues; a module of its own so that it loads only when a check fails.
export { toValidationIssues } from "@frameio-sdk/schemas";
