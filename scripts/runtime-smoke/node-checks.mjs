// Checks only Node can run: HTTP/2 parity with plain fetch over TLS, and a proxy installed with the `undici`
// package's setGlobalDispatcher (that package is installed in the scratch consumer, never in the SDK).
import { createRequire } from "node:module";
import { FrameioClient } from "@frameio-sdk/client";
import { check, skip } from "./checks.mjs";
import { TOKEN } from "./constants.mjs";

const header = (headers, name) => (typeof headers?.get === "function" ? headers.get(name) : headers?.[name]);

async function plainFetch(url) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  await response.arrayBuffer();
  return response;
}

export const nodeChecks = {
  async "HTTP/2 parity with fetch"({ tlsUrl }) {
    const plain = (await plainFetch(`${tlsUrl}/v4/me`)).headers.get("x-smoke-protocol");
    const client = new FrameioClient({ baseUrl: tlsUrl, token: TOKEN });
    const raw = await client.withRawResponse.users.show();
    const sdk = header(raw.headers, "x-smoke-protocol");
    check(sdk === plain, `plain fetch reached the server over HTTP/${plain}, the SDK over HTTP/${sdk}`);
    return `both HTTP/${sdk}`;
  },
};

/**
 * With a ProxyAgent from an `undici` major installed by setGlobalDispatcher, the SDK's default path must take the
 * route plain fetch takes: through the proxy when this Node's fetch honours that major's global dispatcher, and
 * still working when it does not (a Node whose fetch ignores it must not make the SDK fail).
 */
async function proxyParity({ api, proxyUrl }, alias) {
  let undici;
  try {
    undici = await import(alias);
  } catch (error) {
    const { version, engines } = createRequire(import.meta.url)(`${alias}/package.json`);
    throw skip(
      `undici ${version} (engines: node ${engines?.node}) does not load on Node ${process.version}: ${error.message}`,
    );
  }
  const previous = undici.getGlobalDispatcher();
  undici.setGlobalDispatcher(new undici.ProxyAgent(proxyUrl));
  try {
    const plain = (await plainFetch(`${api}/v4/me`)).headers.get("x-smoke-via-proxy");
    const client = new FrameioClient({ baseUrl: api, token: TOKEN, maxRetries: 0 });
    const raw = await client.withRawResponse.users.show();
    const sdk = header(raw.headers, "x-smoke-via-proxy");
    const route = (via) => (via === "yes" ? "through the proxy" : "directly");
    check(sdk === plain, `plain fetch went ${route(plain)}, the SDK ${route(sdk)}`);
    return `plain fetch and the SDK both went ${route(sdk)}`;
  } finally {
    undici.setGlobalDispatcher(previous);
  }
}

for (const alias of ["undici6", "undici7", "undici8"]) {
  nodeChecks[`${alias.replace("undici", "undici ")} ProxyAgent via setGlobalDispatcher`] = (context) =>
    proxyParity(context, alias);
}
