// A pass-through HTTP proxy in front of an API origin that records every request, so a test can assert that a
// call sent nothing.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  url: string;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const requests: CountingProxy["requests"] = [];
  const server = createServer(async (req, res) => {
    requests.push({ method: req.method ?? "GET", path: req.url ?? "/" });
    const body = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k, v]) => k !== "host" && k !== "connection" && typeof v === "string"),
    ) as Record<string, string>;
    const upstream = await fetch(new URL(req.url ?? "/", target), {
      method: req.method,
      headers,
      body: body.length ? new Uint8Array(body) : undefined,
    });
    const out = Buffer.from(await upstream.arrayBuffer());
    const passHeaders: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (k !== "content-encoding" && k !== "content-length" && k !== "transfer-encoding" && k !== "connection")
        passHeaders[k] = v;
    });
    res.writeHead(upstream.status, passHeaders).end(out);
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
