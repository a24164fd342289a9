/**
 * What `fetch` really throws on each runtime, recorded with the same script on this machine (2026-11-30): a port
 * nobody listens on (`refused`), an unresolvable `.invalid` host (`dns`), a server that closes the socket right after
 * reading the request (`resetBeforeHeaders`), and one that closes it after the headers and part of the body
 * (`resetMidBody`, thrown by `arrayBuffer()`). Only name, message, code, errno, syscall and the cause chain were
 * kept. Runtimes: Node 20.20.2 (`node`), Bun 1.4.5 (binary from `npm pack @oven/bun-linux-x64@1.4.5`),
 * Deno 2.9.6 (npm package `deno`), each running the capture script with its own global fetch.
 *
 * Browsers were not captured here (no browser on this machine); their messages are the documented ones and carry
 * no detail at all: Chromium "Failed to fetch", Firefox "NetworkError when attempting to fetch resource.",
 * Safari "Load failed".
 */
export interface ErrorShape {
  name: string;
  message: string;
  code?: string | number;
  errno?: number;
  syscall?: string;
  cause?: ErrorShape;
}

export type Failure = "refused" | "dns" | "resetBeforeHeaders" | "resetMidBody";

export const RUNTIME_FETCH_ERRORS: Record<"node" | "bun" | "deno", Record<Failure, ErrorShape>> = {
  node: {
    refused: {
      name: "TypeError",
      message: "fetch failed",
      cause: {
        name: "Error",
        message: "connect ECONNREFUSED 127.0.0.1:38193",
        code: "ECONNREFUSED",
        errno: -111,
        syscall: "connect",
      },
    },
    dns: {
      name: "TypeError",
      message: "fetch failed",
      cause: {
        name: "Error",
        message: "getaddrinfo ENOTFOUND no-such-host.invalid",
        code: "ENOTFOUND",
        errno: -3008,
        syscall: "getaddrinfo",
      },
    },
    resetBeforeHeaders: {
      name: "TypeError",
      message: "fetch failed",
      cause: {
        name: "SocketError",
        message: "other side closed",
        code: "UND_ERR_SOCKET",
      },
    },
    resetMidBody: {
      name: "TypeError",
      message: "terminated",
      cause: {
        name: "SocketError",
        message: "other side closed",
        code: "UND_ERR_SOCKET",
      },
    },
  },
  bun: {
    refused: {
      name: "TypeError",
      message: "ECONNREFUSED: Unable to connect. Is the computer able to access the url?",
      code: "ECONNREFUSED",
      errno: 0,
    },
    dns: {
      name: "TypeError",
      message: "getaddrinfo ENOTFOUND no-such-host.invalid",
      code: "ENOTFOUND",
      errno: 4,
      syscall: "getaddrinfo",
    },
    resetBeforeHeaders: {
      name: "TypeError",
      message:
        "ECONNRESET: The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()",
      code: "ECONNRESET",
      errno: 0,
    },
    resetMidBody: {
      name: "TypeError",
      message:
        "ECONNRESET: The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()",
      code: "ECONNRESET",
      errno: 0,
    },
  },
  deno: {
    refused: {
      name: "TypeError",
      message: "fetch failed",
      cause: {
        name: "Error",
        message:
          "error sending request for url (http://127.0.0.1:43909/): client error (Connect): tcp connect error: Connection refused (os error 111)",
      },
    },
    dns: {
      name: "TypeError",
      message: "fetch failed",
      cause: {
        name: "Error",
        message:
          "error sending request for url (http://no-such-host.invalid/): client error (Connect): dns error: failed to lookup address information: Name or service not known",
      },
    },
    resetBeforeHeaders: {
      name: "TypeError",
      message: "fetch failed",
      cause: {
        name: "Error",
        message:
          "error sending request from 127.0.0.1:50582 for http://127.0.0.1:35313/reset (127.0.0.1:35313): client error (SendRequest): connection closed before message completed",
      },
    },
    resetMidBody: {
      name: "TypeError",
      message: "error reading a body from connection",
    },
  },
};

export const BROWSER_FETCH_ERRORS: ErrorShape[] = [
  { name: "TypeError", message: "Failed to fetch" },
  { name: "TypeError", message: "NetworkError when attempting to fetch resource." },
  { name: "TypeError", message: "Load failed" },
];

/** Rebuilds a real error object (with prototype, `code` and `cause`) from a recorded shape. */
export function errorFrom(shape: ErrorShape): Error {
  const error = shape.name === "TypeError" ? new TypeError(shape.message) : new Error(shape.message);
  if (shape.name !== "TypeError" && shape.name !== "Error") error.name = shape.name;
  for (const key of ["code", "errno", "syscall"] as const) {
    if (shape[key] !== undefined) Object.assign(error, { [key]: shape[key] });
  }
  if (shape.cause) Object.assign(error, { cause: errorFrom(shape.cause) });
  return error;
}
