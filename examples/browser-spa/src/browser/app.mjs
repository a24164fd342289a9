/**
 * The single-page app, bundled for the browser by `pnpm build` (dist/app.js). "Sign in" sends the user to Adobe
 * IMS with a PKCE challenge; IMS comes back to /callback with a code, which SPAAuth trades for tokens with the
 * verifier kept in sessionStorage. The page then lists the user's projects through FrameioClient.
 */
import { FrameioClient } from "@frameio-sdk/client";
import { FrameioError, SPAAuth } from "@frameio-sdk/kit";
import { listProjects } from "./projects.mjs";
import { forgetTokens, rememberPendingSignIn, savedTokens, saveTokens, takePendingSignIn } from "./session.mjs";

/** @type {{ clientId: string, imsBaseUrl: string, apiBaseUrl: string }} */
const config = await (await fetch("/config.json")).json();
const auth = new SPAAuth({
  clientId: config.clientId,
  imsBaseUrl: config.imsBaseUrl,
  redirectUri: `${location.origin}/callback`,
  onTokenRefreshed: saveTokens,
});
const client = new FrameioClient({ token: auth, baseUrl: config.apiBaseUrl });

const element = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const status = element("status");
const signInButton = element("sign-in");
const signOutButton = element("sign-out");
const projectList = element("projects");

/** @param {string} text */
function showSignIn(text) {
  status.textContent = text;
  projectList.hidden = true;
  signOutButton.hidden = true;
  signInButton.hidden = false;
}

/** @param {import("./projects.mjs").ProjectEntry[]} projects */
function showProjects(projects) {
  projectList.replaceChildren(
    ...projects.map(({ name, workspace, account }) => {
      const item = document.createElement("li");
      item.textContent = `${name} (${workspace}, ${account})`; // textContent: names are data, never markup
      return item;
    }),
  );
  status.textContent = projects.length === 0 ? "You can see no projects." : `${projects.length} projects`;
  projectList.hidden = false;
  signOutButton.hidden = false;
  signInButton.hidden = true;
}

signInButton.addEventListener("click", async () => {
  const state = crypto.randomUUID();
  const request = await auth.getAuthorizationUrl(state);
  rememberPendingSignIn({ state, codeVerifier: request.codeVerifier });
  location.assign(request.url);
});

signOutButton.addEventListener("click", async () => {
  forgetTokens();
  await auth.revoke().catch(() => undefined); // signed out here either way; IMS expires what it did not revoke
  showSignIn("Signed out.");
});

/** Back from IMS: check the state, trade the code, and take the code out of the address bar and history. */
async function finishSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = takePendingSignIn();
  history.replaceState(null, "", "/");
  if (params.has("error")) throw new Error(`Adobe IMS refused the sign-in: ${params.get("error")}`);
  if (!pending || params.get("state") !== pending.state)
    throw new Error("The sign-in state does not match; sign in again.");
  await auth.exchangeCode(params.get("code") ?? "", pending.codeVerifier);
}

try {
  if (location.pathname === "/callback") await finishSignIn();
  const tokens = savedTokens();
  if (tokens && !auth.exportTokens()) auth.importTokens(tokens);
  if (auth.exportTokens()) {
    status.textContent = "Loading projects…";
    showProjects(await listProjects(client));
  } else {
    showSignIn("Not signed in.");
  }
} catch (error) {
  if (error instanceof FrameioError) forgetTokens(); // a refused or expired session must not be retried on reload
  showSignIn(`${error instanceof Error ? error.message : String(error)}`);
}
