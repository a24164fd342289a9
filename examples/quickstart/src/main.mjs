/**
 * Frame.io quickstart: authenticate with an OAuth Server-to-Server credential and print the accounts,
 * workspaces, projects and top folders it can see.
 *
 *   FRAMEIO_CLIENT_ID=... FRAMEIO_CLIENT_SECRET=... pnpm --filter quickstart start   # the real service
 *   pnpm demo                                                                         # a local mock, no account
 *
 * Optional: FRAMEIO_BASE_URL (default https://api.frame.io), FRAMEIO_IMS_URL (default https://ims-na1.adobelogin.com).
 */
import { FrameioClient } from "@frameio-sdk/client";
import { FrameioError, ServerToServerAuth } from "@frameio-sdk/kit";
import { printAccountTree } from "./account-tree.mjs";

/**
 * Where to connect and with which credential; `stop` releases whatever was started for it.
 * @typedef {{ clientId: string, clientSecret: string, baseUrl?: string, imsBaseUrl?: string, stop(): Promise<void> }} Target
 */

const LOCAL_BUNDLE = new URL("../dist/local-frameio.mjs", import.meta.url).href;

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<Target>}
 */
async function chooseTarget(env) {
  const clientId = env.FRAMEIO_CLIENT_ID || undefined;
  const clientSecret = env.FRAMEIO_CLIENT_SECRET || undefined;
  if (clientId && clientSecret) {
    return {
      clientId,
      clientSecret,
      baseUrl: env.FRAMEIO_BASE_URL || undefined,
      imsBaseUrl: env.FRAMEIO_IMS_URL || undefined,
      stop: async () => {},
    };
  }
  if (clientId || clientSecret) {
    throw new Error("Set both FRAMEIO_CLIENT_ID and FRAMEIO_CLIENT_SECRET, or neither to use the local mock.");
  }
  console.error(
    "No FRAMEIO_CLIENT_ID / FRAMEIO_CLIENT_SECRET set: starting a local Frame.io mock (Prism, spec examples) and IMS stand-in.",
  );
  /** @type {typeof import("./local-frameio.ts")} */
  let local;
  try {
    local = await import(LOCAL_BUNDLE);
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new Error(
      "The local mock is not built yet: run `pnpm demo` from the repository root, or `pnpm build` here first.",
    );
  }
  return local.startLocalFrameio();
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof FrameioError) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** @type {Target | undefined} */
let target;
// Ctrl-C must not leave the local servers behind.
for (const [signal, code] of /** @type {const} */ ([
  ["SIGINT", 130],
  ["SIGTERM", 143],
])) {
  process.once(signal, () => {
    void (target?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
  });
}

try {
  target = await chooseTarget(process.env);
  const auth = new ServerToServerAuth({
    clientId: target.clientId,
    clientSecret: target.clientSecret,
    imsBaseUrl: target.imsBaseUrl,
  });
  const client = new FrameioClient({ token: auth, baseUrl: target.baseUrl });
  await printAccountTree(client);
} catch (error) {
  console.error(describe(error));
  process.exitCode = 1;
} finally {
  await target?.stop();
}
