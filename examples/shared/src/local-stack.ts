/**
 * The usual embedded default: Prism answering from the examples in openapi/openapi.yaml, and the Adobe IMS
 * stand-in with the example's credential registered, both on loopback. Each example's src/local-frameio.ts calls
 * this and `pnpm build` bundles it (Node 20 cannot import the testing package's TypeScript source).
 */
import { fileURLToPath } from "node:url";
import { type ImsClientRegistration, ImsServer } from "@frameio-sdk/testing/ims-server";
import { startPrism } from "@frameio-sdk/testing/prism";

export interface LocalStack {
  baseUrl: string;
  imsBaseUrl: string;
  /** Stops both servers; safe to call more than once. */
  stop(): Promise<void>;
}

// This file and the bundles made from it (examples/<name>/dist/) both sit three levels below the repository root.
const SPEC_PATH = fileURLToPath(new URL("../../../openapi/openapi.yaml", import.meta.url));

export async function startLocalStack(client: ImsClientRegistration): Promise<LocalStack> {
  const prism = await startPrism({ specPath: SPEC_PATH });
  let ims: ImsServer;
  try {
    ims = await ImsServer.start({ clients: [client] });
  } catch (error) {
    await prism.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    baseUrl: prism.url,
    imsBaseUrl: ims.url,
    stop: () => (stopping ??= Promise.all([ims.close(), prism.stop()]).then(() => undefined)),
  };
}
