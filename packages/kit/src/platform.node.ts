/**
 * `@frameio-sdk/kit/platform` for Node: file paths as upload sources and download destinations, and the part
 * sender that keeps large uploads at a flat memory footprint. Browser bundles resolve platform.browser.ts instead,
 * which exports the same names.
 */

import { nodePartSender } from "./platform/part-sender.node.js";
import type { PartSender } from "./upload/part-sender.js";

export { openPathSink } from "./platform/path-sink.node.js";
export { openPathSource } from "./platform/path-source.node.js";

/** The best part sender for this runtime; `undefined` means "use fetch". */
export const platformPartSender: PartSender | undefined = nodePartSender;
