/**
 * The single-page app's embedded default: the Adobe IMS stand-in with a public SPA credential registered (no
 * secret; PKCE required), and Prism answering from the spec's examples. Both send CORS headers, so the page calls
 * them directly, as it would call IMS and api.frame.io. `pnpm build` bundles this file into dist/local-frameio.mjs.
 */
import { startLocalStack } from "examples-shared/local-stack.ts";

// A credential that exists only inside this process, registered with the local IMS.
const LOCAL_CLIENT = { clientId: "browser-spa-local" };

export async function startLocalFrameio() {
  return { ...(await startLocalStack(LOCAL_CLIENT)), ...LOCAL_CLIENT };
}
