/** Headers that carry credentials: redacted in errors, and never sent past a redirect out of the token's scope. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
]);
const SECRET_QUERY =
  /^(access_token|refresh_token|id_token|token|client_secret|code|code_verifier|signature|x-amz-signature|x-amz-credential|x-amz-security-token)$/i;

/** A URL safe to show: no user-info, and secret-bearing query values replaced. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@]*@/, "//");
  }
  parsed.username = "";
  parsed.password = "";
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY.test(key)) parsed.searchParams.set(key, "[REDACTED]");
  }
  return parsed.toString();
}

/** A plain-object copy of headers with credentials replaced. */
export function redactHeaders(headers: Headers | Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [key, value] of entries) {
    out[key.toLowerCase()] = SECRET_HEADERS.has(key.toLowerCase()) ? "[REDACTED]" : value;
  }
  return out;
}

/** `text` with every http(s) URL in it passed through {@link redactUrl}. */
export function redactText(text: string): string {
  return text.replace(/https?:\/\/[^\s()<>"']+/g, (url) => redactUrl(url));
}
