export * from "./errors/index.js";
export * from "./auth/index.js";
export * from "./retry/index.js";
export * from "./throttle/index.js";
export * from "./pagination/index.js";
export * from "./webhooks/index.js";
// Uploads and downloads are the `@frameio-sdk/kit/upload` subpath (src/upload/index.ts), not re-exported here.
