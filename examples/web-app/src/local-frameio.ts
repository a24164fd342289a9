/**
 * The web app's embedded default: the Adobe IMS stand-in with a web (confidential) credential registered, and
 * Prism answering from the spec's examples. The stand-in runs the authorize redirect without a login screen, so
 * /login comes straight back to /callback with a code. `pnpm build` bundles this file into dist/local-frameio.mjs.
 */
import { startLocalStack } from "examples-shared/local-stack.ts";

// A credential that exists only inside this process, registered with the local IMS.
const LOCAL_CLIENT = { clientId: "web-app-local", clientSecret: "web-app-local-secret" };

export async function startLocalFrameio() {
  return { ...(await startLocalStack(LOCAL_CLIENT)), ...LOCAL_CLIENT };
}
