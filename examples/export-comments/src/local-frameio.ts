/**
 * The embedded default: Prism answering from the spec's examples, and the Adobe IMS stand-in issuing real
 * client-credentials tokens. `pnpm build` bundles this file into dist/local-frameio.mjs.
 *
 * Every list example in the spec comes as a `first_page` (with a `links.next` cursor) and a `last_page` (with
 * `links.next: null`). Prism serves the first one by default, so `for await` would follow "next" forever; the
 * `Prefer: example=last_page` header makes it serve the last page, and every listing ends after one page. Prism
 * answers 404 to that header on single-item endpoints (they only have a `default` example), which is why the
 * default export, made of listings only, is what runs against the mock.
 */
import { startLocalStack } from "examples-shared/local-stack.ts";

// A credential that exists only inside this process, registered with the local IMS.
const LOCAL_CLIENT = { clientId: "export-comments-local", clientSecret: "export-comments-local-secret" };

export async function startLocalFrameio() {
  const stack = await startLocalStack(LOCAL_CLIENT);
  return { ...stack, ...LOCAL_CLIENT, headers: { prefer: "example=last_page" } };
}
