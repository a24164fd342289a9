/**
 * Frame.io single-page app: serves a static page that signs the user in with an OAuth Single Page App credential
 * (authorization code with PKCE, all in the browser) and lists their projects.
 *
 *   FRAMEIO_CLIENT_ID=... pnpm --filter browser-spa start   # a real OAuth Single Page App credential (no secret)
 *   pnpm --filter browser-spa start                         # local IMS stand-in and mock API
 *
 * Optional: PORT (default 5173), FRAMEIO_BASE_URL, FRAMEIO_IMS_URL.
 */
import { createServer } from "node:http";
import { closeServer, listenOnLoopback, portFromEnv } from "examples-shared/loopback-server.mjs";
import { runProgram } from "examples-shared/run-program.mjs";
import { chooseTarget } from "examples-shared/target.mjs";
import { createStaticSite } from "./static-site.mjs";

// The page needs explicit origins for its Content-Security-Policy, so the SDK's defaults are spelled out here.
const FRAMEIO_API = "https://api.frame.io";
const ADOBE_IMS = "https://ims-na1.adobelogin.com";

await runProgram(
  async ({ onStop }) => {
    const target = await chooseTarget({
      credentials: [["FRAMEIO_CLIENT_ID"]],
      localBundle: new URL("../dist/local-frameio.mjs", import.meta.url),
      localDescription: "a local Adobe IMS stand-in (with this app's SPA credential) and a Frame.io mock (Prism)",
    });
    onStop(() => target.stop());
    const site = await createStaticSite({
      clientId: target.clientId ?? "",
      imsBaseUrl: target.imsBaseUrl ?? ADOBE_IMS,
      apiBaseUrl: target.baseUrl ?? FRAMEIO_API,
    });
    const server = createServer(site);
    const origin = await listenOnLoopback(server, portFromEnv(process.env, 5173));
    onStop(() => closeServer(server));
    console.log(`Listening on ${origin}`);
    console.log(`Open ${origin}/ and click "Sign in"`);
  },
  { keepRunning: true },
);
