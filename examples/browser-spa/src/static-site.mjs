/**
 * Serves the single-page app: the same index.html at / and /callback (where IMS sends the user back), the bundled
 * script, and /config.json telling the page which credential and origins to use. Nothing else.
 */
import { readFile } from "node:fs/promises";

/** @typedef {{ clientId: string, imsBaseUrl: string, apiBaseUrl: string }} AppConfig */

const INDEX_HTML = new URL("../public/index.html", import.meta.url);
const APP_SCRIPT = new URL("../dist/app.js", import.meta.url);

/**
 * @param {AppConfig} config
 * @returns {Promise<(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void>}
 */
export async function createStaticSite(config) {
  const [html, script] = await Promise.all([readFile(INDEX_HTML), readBundle()]);
  // The page may talk only to this server, IMS and the API; an injected script could not send tokens elsewhere.
  const policy = `default-src 'self'; connect-src 'self' ${config.imsBaseUrl} ${config.apiBaseUrl}; base-uri 'none'; form-action 'none'`;
  /** @type {Record<string, { type: string, body: Buffer | string }>} */
  const files = {
    "/": { type: "text/html; charset=utf-8", body: html },
    "/callback": { type: "text/html; charset=utf-8", body: html },
    "/app.js": { type: "text/javascript; charset=utf-8", body: script },
    "/config.json": { type: "application/json", body: JSON.stringify(config) },
  };
  return (request, response) => {
    const path = new URL(request.url ?? "/", "http://app.invalid").pathname;
    const file = files[path];
    if (request.method !== "GET" && request.method !== "HEAD") return void response.writeHead(405).end();
    // Browsers ask for an icon on every page; "no content" keeps a 404 out of their consoles.
    if (path === "/favicon.ico") return void response.writeHead(204).end();
    if (!file) return void response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    response.writeHead(200, {
      "content-type": file.type,
      "cache-control": "no-store",
      "content-security-policy": policy,
      // The callback URL carries the one-time code: never send it along as a Referer.
      "referrer-policy": "no-referrer",
    });
    response.end(request.method === "HEAD" ? undefined : file.body);
  };
}

async function readBundle() {
  try {
    return await readFile(APP_SCRIPT);
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== "ENOENT") throw error;
    throw new Error("The page script is not built yet: run `pnpm build` in this example's folder first.");
  }
}
