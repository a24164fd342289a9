import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * One scripted reaction of the fault server:
 * - `respond` (the default kind): a status, headers and body (objects are sent as JSON), optionally after
 *   `delayHeadersMs`, to play slow servers. `bodyBytes` instead streams that many filler bytes with backpressure,
 *   to play a large page a client must read or cancel.
 * - `reset`: the connection is destroyed `before-headers` (right after the request was read), `mid-headers`
 *   (after half a status line) or `mid-body` (after the headers and part of a longer declared body).
 * - `hang`: never answers (`before-headers`, the default), or sends the headers and the first bytes of a longer
 *   declared body and then stalls (`mid-body`, with `status`, default 200); the client has to give up. No timer is involved, so a test can
 *   count the timers its client leaves behind.
 */
export type FaultStep =
  | {
      kind?: "respond";
      status?: number;
      headers?: Record<string, string>;
      body?: unknown;
      bodyBytes?: number;
      delayHeadersMs?: number;
    }
  | { kind: "reset"; when: "before-headers" | "mid-headers" | "mid-body" }
  | { kind: "hang"; when?: "before-headers" | "mid-body"; status?: number; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. `/v4/items?after=abc`. */
  url: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The request body exactly as received. */
  body: Buffer;
  /** Whether the connection that carried this request is still open (a cancelled call must close it). */
  connectionOpen(): boolean;
}

export type FaultHandler = (request: RecordedRequest) => FaultStep | Promise<FaultStep>;

export interface FaultServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Every request received, in arrival order, body included. */
  readonly requests: RecordedRequest[];
  /** Queues steps for `"/path"` (any method) or `"POST /path"`; each request to it consumes one step. */
  script(route: string, steps: FaultStep[]): void;
  /** Answers requests with no scripted step left; default: 404 with a Frame.io-shaped error body. */
  fallback(handler: FaultHandler): void;
  /** Requests received for `"/path"` or `"METHOD /path"`. */
  requestsTo(route: string): RecordedRequest[];
  /** Sockets currently open on the server side. */
  openSockets(): Promise<number>;
  /**
   * Responses begun but neither fully handed to the OS nor closed: a client that neither reads nor cancels a large
   * body keeps one of these (and its socket) alive indefinitely.
   */
  pendingResponses(): number;
  /** Closes keep-alive sockets that have no request in progress, so a test can see which ones are still busy. */
  closeIdleSockets(): void;
  close(): Promise<void>;
}

const NOT_SCRIPTED: FaultHandler = (request) => ({
  status: 404,
  body: {
    errors: [{ title: "Not scripted", detail: `No scripted response for ${request.method} ${request.pathname}` }],
  },
});

/** A loopback HTTP server that plays scripted faults, for sequences Prism cannot produce. Closed by `close()`. */
export async function startFaultServer(): Promise<FaultServer> {
  const queues = new Map<string, FaultStep[]>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const pending = new Set<ServerResponse>();
  let fallback = NOT_SCRIPTED;

  const nextStep = (request: RecordedRequest): FaultStep | Promise<FaultStep> => {
    for (const key of [`${request.method} ${request.pathname}`, request.pathname]) {
      const step = queues.get(key)?.shift();
      if (step !== undefined) return step;
    }
    return fallback(request);
  };

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    pending.add(res);
    const settle = () => pending.delete(res);
    res.on("finish", settle).on("close", settle);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const target = new URL(req.url ?? "/", "http://127.0.0.1");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        url: req.url ?? "/",
        pathname: target.pathname,
        query: target.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
        connectionOpen: () => !req.socket.destroyed,
      };
      requests.push(recorded);
      Promise.resolve(nextStep(recorded)).then(
        (step) => play(step, res, later),
        () => res.socket?.destroy(),
      );
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const routeOf = (route: string) => route.trim();

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(route, steps) {
      const key = routeOf(route);
      queues.set(key, [...(queues.get(key) ?? []), ...steps]);
    },
    fallback(handler) {
      fallback = handler;
    },
    requestsTo(route) {
      const [first, second] = routeOf(route).split(" ");
      return second === undefined
        ? requests.filter((r) => r.pathname === first)
        : requests.filter((r) => r.method === first && r.pathname === second);
    },
    openSockets: () =>
      new Promise((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
    pendingResponses: () => pending.size,
    closeIdleSockets: () => server.closeIdleConnections(),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function play(step: FaultStep, res: ServerResponse, later: (ms: number, run: () => void) => void): void {
  const socket = res.socket;
  if (step.kind === "hang") {
    if (step.when === "mid-body") {
      res.writeHead(step.status ?? 200, {
        "content-type": "application/json",
        "content-length": "1000",
        ...step.headers,
      });
      res.write('{"data":');
    }
    return;
  }
  if (step.kind === "reset") {
    if (step.when === "before-headers") socket?.destroy();
    else if (step.when === "mid-headers") socket?.end("HTTP/1.1 200 OK\r\nContent-Ty", () => socket.destroy());
    else {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"data":[', () => socket?.destroy());
    }
    return;
  }
  const send = () => {
    if (res.destroyed || res.writableEnded) return;
    if (step.bodyBytes !== undefined) return stream(step.status ?? 200, step.headers, step.bodyBytes, res);
    const isText = typeof step.body === "string" || step.body === undefined;
    const payload = step.body === undefined ? "" : isText ? (step.body as string) : JSON.stringify(step.body);
    res.writeHead(step.status ?? 200, {
      ...(isText ? {} : { "content-type": "application/json" }),
      "content-length": String(Buffer.byteLength(payload)),
      ...step.headers,
    });
    res.end(payload);
  };
  if (step.delayHeadersMs) later(step.delayHeadersMs, send);
  else send();
}

const FILLER = Buffer.alloc(64 * 1024, "x");

/** Writes `size` bytes chunk by chunk, waiting for the client to take each one. */
function stream(status: number, headers: Record<string, string> | undefined, size: number, res: ServerResponse): void {
  res.writeHead(status, { "content-length": String(size), ...headers });
  let left = size;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const chunk = left >= FILLER.length ? FILLER : FILLER.subarray(0, left);
      left -= chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}
