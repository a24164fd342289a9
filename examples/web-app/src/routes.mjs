/**
 * The HTTP side of the authorization-code flow:
 *   GET  /          the accounts page when signed in, else a sign-in link
 *   GET  /login     a fresh random `state` in a short-lived cookie, then a redirect to Adobe IMS
 *   GET  /callback  IMS comes back here: the state must match the cookie, then the code is exchanged for tokens
 *   POST /logout    revokes the tokens at IMS and forgets them here
 */
import { randomBytes } from "node:crypto";
import { FrameioAuthError, UnauthorizedError } from "@frameio-sdk/kit";
import { describeError } from "examples-shared/run-program.mjs";
import { listAccounts } from "./accounts.mjs";
import { accountsPage, errorPage, signInPage } from "./html.mjs";

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */

const STATE_COOKIE = "frameio_oauth_state";
/** Long enough to sign in at IMS, short enough that a stale state soon stops counting. */
const STATE_MAX_AGE_SECONDS = 600;

/**
 * @param {object} app
 * @param {import("@frameio-sdk/kit").WebAppAuth} app.auth
 * @param {import("@frameio-sdk/client").FrameioClient} app.client
 * @param {import("./token-file.mjs").TokenFile} app.tokenFile
 * @param {boolean} app.secureCookies Whether the app is served over https (then cookies get `Secure`).
 * @returns {(request: IncomingMessage, response: ServerResponse) => void}
 */
export function createRoutes({ auth, client, tokenFile, secureCookies }) {
  const stateCookie = (/** @type {string} */ value, /** @type {number} */ maxAge) =>
    `${STATE_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secureCookies ? "; Secure" : ""}`;

  /** @type {Record<string, (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>>} */
  const routes = {
    async "GET /"(_request, response) {
      if (!auth.exportTokens()) return sendHtml(response, 200, signInPage());
      try {
        sendHtml(response, 200, accountsPage(await listAccounts(client)));
      } catch (error) {
        // A refresh token that expired or was revoked elsewhere ends the session; anything else is a real failure.
        if (!(error instanceof FrameioAuthError || error instanceof UnauthorizedError)) throw error;
        await forgetSession();
        sendHtml(response, 200, signInPage(`Your session has ended (${describeError(error)}). Please sign in again.`));
      }
    },

    async "GET /login"(_request, response) {
      const state = randomBytes(32).toString("base64url");
      response.writeHead(302, {
        location: auth.getAuthorizationUrl(state),
        "set-cookie": stateCookie(state, STATE_MAX_AGE_SECONDS),
      });
      response.end();
    },

    async "GET /callback"(request, response, url) {
      // The state is single-use: cleared whatever the outcome.
      response.setHeader("set-cookie", stateCookie("", 0));
      const params = url.searchParams;
      if (params.has("error")) {
        return sendHtml(response, 400, errorPage(`Adobe IMS refused the sign-in: ${params.get("error")}.`));
      }
      const expected = readCookie(request, STATE_COOKIE);
      if (!expected || params.get("state") !== expected) {
        return sendHtml(response, 400, errorPage("The sign-in state does not match this browser's; start again."));
      }
      try {
        await auth.exchangeCode(params.get("code") ?? "");
      } catch (error) {
        if (!(error instanceof FrameioAuthError)) throw error;
        return sendHtml(response, 502, errorPage(describeError(error)));
      }
      response.writeHead(303, { location: "/" }).end();
    },

    async "POST /logout"(_request, response) {
      try {
        await auth.revoke();
      } catch (error) {
        // revoke() has already forgotten the tokens here; IMS will expire them on its own.
        console.error(`Sign-out: IMS did not confirm the revocation (${describeError(error)}).`);
      }
      await tokenFile.delete();
      response.writeHead(303, { location: "/" }).end();
    },
  };

  async function forgetSession() {
    await auth.revoke().catch(() => undefined);
    await tokenFile.delete();
  }

  return (request, response) => {
    const url = new URL(request.url ?? "/", "http://app.invalid");
    const route = routes[`${request.method} ${url.pathname}`];
    if (!route) {
      const known = Object.keys(routes).some((key) => key.endsWith(` ${url.pathname}`));
      return void response
        .writeHead(known ? 405 : 404, { "content-type": "text/plain" })
        .end(known ? "Method not allowed\n" : "Not found\n");
    }
    route(request, response, url).catch((error) => {
      console.error(describeError(error));
      if (!response.headersSent) sendHtml(response, 500, errorPage("Something went wrong; see the server log."));
      else response.destroy();
    });
  };
}

/**
 * @param {ServerResponse} response
 * @param {number} status
 * @param {string} html
 */
function sendHtml(response, status, html) {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
}

/**
 * @param {IncomingMessage} request
 * @param {string} name
 */
function readCookie(request, name) {
  for (const pair of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = pair.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
