import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * A checker for `Authorization: Bearer <secret>`. Both sides are hashed first, so the comparison takes the same
 * time whatever the header holds, its length included.
 */
export function bearerCheck(secret: string): (authorization: string | undefined) => boolean {
  const expected = digest(secret);
  return (authorization) => {
    const match = /^Bearer (.+)$/i.exec(authorization ?? "");
    return timingSafeEqual(digest(match?.[1] ?? ""), expected) && match !== null;
  };
}
