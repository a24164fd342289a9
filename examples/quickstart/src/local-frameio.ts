/**
 * The quickstart's embedded default: a Frame.io stand-in on loopback, so the demo runs with no account.
 * Prism answers from the examples in openapi/openapi.yaml; the IMS stand-in issues real client_credentials
 * tokens, so ServerToServerAuth runs exactly as it would against Adobe IMS.
 *
 * Node 20 cannot import the testing package's TypeScript source, so `pnpm build` bundles this file into
 * dist/local-frameio.mjs, which main.mjs imports only when no credentials are configured.
 */
import { startLocalStack } from "examples-shared/local-stack.ts";

export interface LocalFrameio {
  baseUrl: string;
  imsBaseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Stops both servers; safe to call more than once. */
  stop(): Promise<void>;
}

// A credential that exists only inside this process, registered with the local IMS.
const LOCAL_CLIENT = { clientId: "quickstart-local", clientSecret: "quickstart-local-secret" };

export async function startLocalFrameio(): Promise<LocalFrameio> {
  return { ...(await startLocalStack(LOCAL_CLIENT)), ...LOCAL_CLIENT };
}
