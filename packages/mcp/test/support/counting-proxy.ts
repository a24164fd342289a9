// A pass-through HTTP proxy in front of an API origin that records every request, so a test can assert that a
// call sent nothing.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  url: string;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["host", "connection", "content-encoding", "content-length", "transfer-encoding"]);

async function forward(req: IncomingMessage, target: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && typeof v === "string") headers[k] = v;
  const upstream = await fetch(new URL(req.url ?? "/", target), {
    method: req.method,
    headers,
    body: body.length ? new Uint8Array(body) : undefined,
  });
  const out = Buffer.from(await upstream.arrayBuffer());
  const back: Record<string, string> = {};
  upstream.headers.forEach((v, k) => {
    if (!HOP_BY_HOP.has(k)) back[k] = v;
  });
  return { status: upstream.status, headers: back, body: out };
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const requests: CountingProxy["requests"] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", path: req.url ?? "/" });
    forward(req, target).then(
      ({ status, headers, body }) => res.writeHead(status, headers).end(body),
      // An unreachable upstream is a gateway error, which the client may retry like any other.
      (error: Error) => res.writeHead(502, { "content-type": "text/plain" }).end(`proxy: ${error.message}`),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
