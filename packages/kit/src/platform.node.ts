/**
 * `@frameio-sdk/kit/platform` for Node: file paths as upload sources and download destinations, and the part
 * sender that keeps large uploads at a flat memory footprint. Browser bundles resolve platform.browser.ts instead,
 * which exports the same names.
 */
import type { PartSender } from "./upload/part-sender.js";
import { nodePartSender } from "./platform/part-sender.node.js";

export { openPathSource } from "./platform/path-source.node.js";
export { openPathSink } from "./platform/path-sink.node.js";

/** The best part sender for this runtime; `undefined` means "use fetch". */
export const platformPartSender: PartSender | undefined = nodePartSender;
