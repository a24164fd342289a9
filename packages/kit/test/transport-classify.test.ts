import { describe, expect, it } from "vitest";
import { FrameioConnectionError } from "../src/index.js";
import { requestMayHaveBeenSent, resolveRetryPolicy } from "../src/internal.js";
import { mayRepeat } from "../src/retry/classify.js";
import { BROWSER_FETCH_ERRORS, errorFrom, type Failure, RUNTIME_FETCH_ERRORS } from "./transport-runtime-errors.js";

const connectionError = (cause: Error) =>
  new FrameioConnectionError({ method: "POST", url: "https://api.frame.io/v4/x", cause });

/** The default policy's verdict on repeating a POST that failed this way. */
const postRepeated = (cause: Error) => {
  const error = connectionError(cause);
  return mayRepeat(resolveRetryPolicy(), {
    method: "POST",
    url: "https://api.frame.io/v4/x",
    attempt: 1,
    error,
    requestMayHaveBeenSent: requestMayHaveBeenSent(error),
  });
};

const NEVER_SENT: Failure[] = ["refused", "dns"];
const MAYBE_SENT: Failure[] = ["resetBeforeHeaders", "resetMidBody"];

describe("'was the request sent?' on each runtime's real fetch errors", () => {
  for (const [runtime, failures] of Object.entries(RUNTIME_FETCH_ERRORS)) {
    for (const failure of NEVER_SENT) {
      it(`${runtime}: ${failure} proves the request never left, so a POST is retried`, () => {
        expect(requestMayHaveBeenSent(connectionError(errorFrom(failures[failure])))).toBe(false);
        expect(postRepeated(errorFrom(failures[failure]))).toBe(true);
      });
    }
    for (const failure of MAYBE_SENT) {
      it(`${runtime}: ${failure} may have delivered the request, so a POST is not retried`, () => {
        expect(requestMayHaveBeenSent(connectionError(errorFrom(failures[failure])))).toBe(true);
        expect(postRepeated(errorFrom(failures[failure]))).toBe(false);
      });
    }
  }

  it("browsers say nothing about the stage, so their failures count as possibly sent", () => {
    for (const shape of BROWSER_FETCH_ERRORS)
      expect(requestMayHaveBeenSent(connectionError(errorFrom(shape)))).toBe(true);
  });
});

describe("connection error messages", () => {
  it("redact signed query values a runtime quotes in its own message (Deno quotes the URL)", () => {
    const signed = "https://uploads.example.com/part?X-Amz-Signature=abcdef0123&X-Amz-Credential=AKIAxyz";
    const cause = new TypeError("fetch failed", {
      cause: new Error(`error sending request for url (${signed}): connection closed`),
    });
    const error = new FrameioConnectionError({
      method: "PUT",
      url: signed,
      cause: new TypeError(`error sending request for url (${signed})`),
    });
    expect(error.message).not.toContain("abcdef0123");
    expect(error.message).not.toContain("AKIAxyz");
    expect(new FrameioConnectionError({ method: "PUT", url: signed, cause }).message).not.toContain("abcdef0123");
  });
});
