/**
 * The quickstart's embedded default: a Frame.io stand-in on loopback, so the demo runs with no account.
 * Prism answers from the examples in openapi/openapi.yaml; the IMS stand-in issues real client_credentials
 * tokens, so ServerToServerAuth runs exactly as it would against Adobe IMS.
 *
 * Node 20 cannot import the testing package's TypeScript source, so `pnpm build` bundles this file into
 * dist/local-frameio.mjs, which main.mjs imports only when no credentials are configured.
 */
import { fileURLToPath } from "node:url";
import { ImsServer } from "@frameio-sdk/testing/ims-server";
import { startPrism, type PrismServer } from "@frameio-sdk/testing/prism";

export interface LocalFrameio {
  baseUrl: string;
  imsBaseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Stops both servers; safe to call more than once. */
  stop(): Promise<void>;
}

// Both src/ and dist/ sit three levels below the repository root.
const SPEC_PATH = fileURLToPath(new URL("../../../openapi/openapi.yaml", import.meta.url));

// A credential that exists only inside this process, registered with the local IMS.
const LOCAL_CLIENT = { clientId: "quickstart-local", clientSecret: "quickstart-local-secret" };

export async function startLocalFrameio(): Promise<LocalFrameio> {
  const prism: PrismServer = await startPrism({ specPath: SPEC_PATH });
  let ims: ImsServer;
  try {
    ims = await ImsServer.start({ clients: [LOCAL_CLIENT] });
  } catch (error) {
    await prism.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    baseUrl: prism.url,
    imsBaseUrl: ims.url,
    ...LOCAL_CLIENT,
    stop: () => (stopping ??= Promise.all([ims.close(), prism.stop()]).then(() => undefined)),
  };
}
