import * as z from "zod/mini";

/**
 * The IMS token endpoint's JSON answer. `expires_in` is seconds (IMS has sent it as a string at times, so it is
 * coerced); empty or null optional tokens count as absent. Unknown members are ignored.
 */
const TokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.coerce.number().check(z.positive()),
  refresh_token: z.optional(z.nullable(z.string())),
  id_token: z.optional(z.nullable(z.string())),
});

/** The token endpoint's JSON answer, after shape checks. */
export interface ImsTokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  id_token?: string;
}

/**
 * The checked token response, or the list of fields that failed. Only field names are reported: values (tokens)
 * never reach a message.
 */
export function parseTokenResponse(body: unknown): ImsTokenResponse | { invalid: string[] } {
  const result = TokenResponseSchema.safeParse(body);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => issue.path.join(".") || "(body)");
    return { invalid: [...new Set(fields)] };
  }
  const { access_token, expires_in, refresh_token, id_token } = result.data;
  return {
    access_token,
    expires_in,
    refresh_token: refresh_token || undefined,
    id_token: id_token || undefined,
  };
}
