/** Shared set-up for the auth tests: registered IMS clients, a fake clock, a recording sleep, sign-in helpers. */
import { ImsServer, type ImsServerOptions } from "@frameio-sdk/testing/ims-server";
import type { PublicClientAuth, WebAppAuth } from "../src/index.js";

export const S2S = { clientId: "s2s-client", clientSecret: "s2s-secret-DO-NOT-LEAK" };
export const WEB = {
  clientId: "web-client",
  clientSecret: "web-secret-DO-NOT-LEAK",
  redirectUri: "http://localhost:3000/callback",
};
export const SPA = { clientId: "spa-client", redirectUri: "http://127.0.0.1:5173/callback" };
export const NATIVE = { clientId: "native-client", redirectUri: "adobe+0a1b2c3d://callback" };

export function startIms(options: Partial<ImsServerOptions> = {}): Promise<ImsServer> {
  return ImsServer.start({
    clients: [
      S2S,
      { clientId: WEB.clientId, clientSecret: WEB.clientSecret },
      { clientId: SPA.clientId },
      { clientId: NATIVE.clientId },
    ],
    ...options,
  });
}

/** A clock the test moves by hand, so expiry is deterministic. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A sleep that returns at once and remembers what it was asked to wait. */
export function recordingSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { waits, sleep };
}

/** Runs the web-app sign-in against the stand-in, the way a browser would follow the redirect. */
export async function signInWebApp(auth: WebAppAuth, ims: ImsServer, state = "state-123"): Promise<URL> {
  const callback = await ims.followAuthorize(auth.getAuthorizationUrl(state));
  await auth.exchangeCode(callback.searchParams.get("code") ?? "");
  return callback;
}

/** Runs the PKCE sign-in (SPA or native) against the stand-in. */
export async function signInPublic(auth: PublicClientAuth, ims: ImsServer, state = "state-456"): Promise<URL> {
  const request = await auth.getAuthorizationUrl(state);
  const callback = await ims.followAuthorize(request.url);
  await auth.exchangeCode(callback.searchParams.get("code") ?? "", request.codeVerifier);
  return callback;
}

export const HOUR = 3_600_000;
