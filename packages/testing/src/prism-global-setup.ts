// Vitest globalSetup: one Prism for the whole run, its URL given to tests as inject("prismUrl").
import type { TestProject } from "vitest/node";
import { type PrismServer, startPrism } from "./prism.js";
import type {} from "./provided-context.js";

let prism: PrismServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  prism = await startPrism();
  project.provide("prismUrl", prism.url);
  process.env.FRAMEIO_PRISM_URL = prism.url;
}

export async function teardown(): Promise<void> {
  await prism?.stop();
}
