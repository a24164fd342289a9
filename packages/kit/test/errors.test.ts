import { describe, expect, it } from "vitest";
import {
  AuthConfigurationError,
  AuthNetworkError,
  FrameioConnectionError,
  FrameioError,
  FrameioRedirectError,
  FrameioResponseError,
  FrameioValidationError,
  WebhookVerificationError,
} from "../src/index.js";

const issue = { path: "page_size", expected: "an integer", received: '"x"', message: "expected an integer" };

describe("error constructors", () => {
  it("take one init object, and still accept the positional forms existing code uses", () => {
    const cause = new Error("root");
    expect(new FrameioError({ message: "m", cause }).cause).toBe(cause);
    expect(new FrameioError("m", { cause }).cause).toBe(cause);

    const byInit = new FrameioValidationError({ operation: "files.list", issues: [issue] });
    const positional = new FrameioValidationError("files.list", [issue]);
    expect([byInit.message, byInit.operation, byInit.issues]).toEqual([positional.message, "files.list", [issue]]);

    expect(new AuthConfigurationError({ option: "scopes", expected: "a list" }).message).toBe(
      new AuthConfigurationError("scopes", "a list").message,
    );
    const webhook = new WebhookVerificationError({ reason: "signature_mismatch", cause });
    expect([webhook.reason, webhook.cause]).toEqual(["signature_mismatch", cause]);
    expect(new WebhookVerificationError("signature_mismatch").message).toBe(webhook.message);
  });

  it("say whether a connection failed before the response or while its body was read", () => {
    const url = "https://api.frame.io/v4/me";
    const before = new FrameioConnectionError({ method: "GET", url, cause: new TypeError("fetch failed") });
    expect(before.phase).toBe("before-response");
    expect(before.message).toBe(`GET ${url} failed before a response arrived: fetch failed`);
    const midBody = new FrameioConnectionError({ method: "GET", url, phase: "reading-body" });
    expect(midBody.message).toBe(`GET ${url} failed while reading the response body`);
    const auth = new AuthNetworkError({ url, timedOut: false, attempts: 2, cause: midBody });
    expect(auth.message).toBe(`POST ${url} failed while reading the response body (2 attempts)`);
  });

  it("carry attempts from construction", () => {
    const error = new FrameioConnectionError({ method: "GET", url: "https://api.frame.io/v4/me", attempts: 3 });
    expect(error.attempts).toBe(3);
    expect(
      new FrameioRedirectError({ method: "POST", url: "http://api.frame.io/v4/x", status: 301, attempts: 1 }).attempts,
    ).toBe(1);
  });

  it("redact credentials in URLs they show", () => {
    const redirect = new FrameioRedirectError({
      method: "POST",
      url: "https://user:pw@api.frame.io/v4/x",
      status: 302,
      location: "https://evil.example/cb?code=SECRETCODE",
    });
    expect(redirect.message).not.toContain("SECRETCODE");
    expect(redirect.message).not.toContain("pw@");
    const response = new FrameioResponseError({
      status: 200,
      method: "GET",
      url: "https://api.frame.io/v4/x?access_token=TKN",
    });
    expect(response.message).not.toContain("TKN");
  });
});
