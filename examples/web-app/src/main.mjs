/**
 * Frame.io web app: signs a user in with an OAuth Web App credential (authorization-code flow), keeps the session
 * in a token file so a restart keeps the user signed in, lists their accounts and workspaces, and signs out by
 * revoking the tokens at Adobe IMS.
 *
 *   FRAMEIO_CLIENT_ID=... FRAMEIO_CLIENT_SECRET=... pnpm --filter web-app start   # a real OAuth Web App credential
 *   pnpm --filter web-app start                                                     # local IMS stand-in and mock API
 *
 * Optional: PORT (default 3000), APP_URL (the origin browsers use, whose /callback is registered on the credential;
 * default http://127.0.0.1:PORT), TOKEN_FILE (default .frameio-tokens.json in this folder), FRAMEIO_BASE_URL,
 * FRAMEIO_IMS_URL.
 */
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { FrameioClient } from "@frameio-sdk/client";
import { AuthConfigurationError, WebAppAuth } from "@frameio-sdk/kit";
import { closeServer, listenOnLoopback, portFromEnv } from "examples-shared/loopback-server.mjs";
import { runProgram } from "examples-shared/run-program.mjs";
import { chooseTarget } from "examples-shared/target.mjs";
import { createRoutes } from "./routes.mjs";
import { TokenFile } from "./token-file.mjs";

const DEFAULT_TOKEN_FILE = fileURLToPath(new URL("../.frameio-tokens.json", import.meta.url));

await runProgram(
  async ({ onStop }) => {
    const env = process.env;
    const target = await chooseTarget({
      credentials: [["FRAMEIO_CLIENT_ID", "FRAMEIO_CLIENT_SECRET"]],
      localBundle: new URL("../dist/local-frameio.mjs", import.meta.url),
      localDescription: "a local Adobe IMS stand-in (with this app's web credential) and a Frame.io mock (Prism)",
    });
    onStop(() => target.stop());
    const clientId = target.clientId ?? "";
    const tokenFile = new TokenFile(env.TOKEN_FILE || DEFAULT_TOKEN_FILE, clientId);
    const saved = await tokenFile.load();

    const server = createServer();
    const origin = await listenOnLoopback(server, portFromEnv(env, 3000));
    onStop(() => closeServer(server));
    const appUrl = (env.APP_URL || origin).replace(/\/$/, "");
    const auth = new WebAppAuth({
      clientId,
      clientSecret: target.clientSecret ?? "",
      imsBaseUrl: target.imsBaseUrl,
      redirectUri: `${appUrl}/callback`,
      // Awaited by the kit before the new tokens are used: a refresh survives a crash right after it.
      onTokenRefreshed: (tokens) => tokenFile.save(tokens),
    });
    if (saved) restoreSession(auth, saved, tokenFile.path);
    const client = new FrameioClient({ token: auth, baseUrl: target.baseUrl });
    server.on("request", createRoutes({ auth, client, tokenFile, secureCookies: appUrl.startsWith("https:") }));

    console.log(`Listening on ${origin}`);
    console.log(
      auth.exportTokens() ? `Signed in from ${tokenFile.path}; open ${appUrl}/` : `Open ${appUrl}/ to sign in`,
    );
  },
  { keepRunning: true },
);

/**
 * @param {WebAppAuth} auth
 * @param {import("@frameio-sdk/kit").ExportedTokens} saved
 * @param {string} path
 */
function restoreSession(auth, saved, path) {
  try {
    auth.importTokens(saved);
  } catch (error) {
    if (!(error instanceof AuthConfigurationError)) throw error;
    console.error(`Ignoring ${path}: ${error.message}`);
  }
}
