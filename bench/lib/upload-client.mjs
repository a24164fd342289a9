// One upload run in a child process of its own, so its peak RSS is its own (bench/upload.mjs starts it).
// Modes: "baseline" (fs read of each part into memory + fetch PUT, Promise.all with a concurrency limit),
// "engine" (uploadParts + the Node platform sender), "engine-fetch" (uploadParts + the default fetch sender).
import { open } from "node:fs/promises";
import { openPathSource, platformPartSender } from "@frameio-sdk/kit/platform";
import { uploadParts } from "@frameio-sdk/kit/upload";

const { mode, path, parts, contentType, concurrency } = JSON.parse(process.argv[2]);

async function baseline() {
  const handle = await open(path, "r");
  const starts = parts.map((_, i) => parts.slice(0, i).reduce((sum, p) => sum + p.size, 0));
  let next = 0;
  const worker = async () => {
    while (next < parts.length) {
      const i = next++;
      const body = new Uint8Array(parts[i].size);
      await handle.read(body, 0, body.length, starts[i]);
      const response = await fetch(parts[i].url, {
        method: "PUT",
        body,
        headers: { "content-type": contentType, "x-amz-acl": "private" },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`part ${i}: ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await handle.close();
}

async function engine(sendPart) {
  const source = await openPathSource(path);
  await uploadParts({ source, parts, contentType, concurrency, sendPart });
}

const started = performance.now();
if (mode === "baseline") await baseline();
else await engine(mode === "engine" ? platformPartSender : undefined);
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
