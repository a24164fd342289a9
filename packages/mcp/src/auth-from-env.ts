import type { TokenSource } from "@frameio-sdk/kit";
import { ServerToServerAuth } from "@frameio-sdk/kit";
import { ConfigError } from "./config-error.js";

type Env = Record<string, string | undefined>;

function url(env: Env, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value === "") return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error("not http(s)");
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL`);
  }
  return value;
}

/** Where the client sends requests and how it authenticates, from the environment. */
export interface ClientSettings {
  token: TokenSource;
  baseUrl?: string;
  /** Server-to-server credentials fetch a token at start, so bad ones fail there and not on the first call. */
  auth?: ServerToServerAuth;
}

/**
 * `FRAMEIO_TOKEN` (a bearer token), or `FRAMEIO_CLIENT_ID` + `FRAMEIO_CLIENT_SECRET` (OAuth server-to-server, IMS
 * at `FRAMEIO_IMS_URL` if set); `FRAMEIO_BASE_URL` for another API origin (a mock). Messages never quote values.
 */
export function clientSettingsFromEnv(env: Env): ClientSettings {
  const baseUrl = url(env, "FRAMEIO_BASE_URL");
  const imsBaseUrl = url(env, "FRAMEIO_IMS_URL");
  const token = env.FRAMEIO_TOKEN?.trim();
  const clientId = env.FRAMEIO_CLIENT_ID?.trim();
  const clientSecret = env.FRAMEIO_CLIENT_SECRET?.trim();
  if (token && (clientId || clientSecret)) {
    throw new ConfigError("set either FRAMEIO_TOKEN or FRAMEIO_CLIENT_ID + FRAMEIO_CLIENT_SECRET, not both");
  }
  if (token) {
    if (/\s/.test(token)) throw new ConfigError("FRAMEIO_TOKEN must be a bare token (no spaces, no 'Bearer ' prefix)");
    return { token, baseUrl };
  }
  if (clientId && clientSecret) {
    const auth = new ServerToServerAuth({ clientId, clientSecret, ...(imsBaseUrl ? { imsBaseUrl } : {}) });
    return { token: auth, baseUrl, auth };
  }
  if (clientId || clientSecret) {
    throw new ConfigError(
      `${clientId ? "FRAMEIO_CLIENT_SECRET" : "FRAMEIO_CLIENT_ID"} is missing (server-to-server needs both)`,
    );
  }
  throw new ConfigError("no credentials: set FRAMEIO_TOKEN, or FRAMEIO_CLIENT_ID and FRAMEIO_CLIENT_SECRET");
}
