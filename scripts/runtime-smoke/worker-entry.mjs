// Bundled (ES module) into a Cloudflare workerd worker: each POST carries the config and gets the results as JSON.
import { portableChecks, runChecks } from "./checks.mjs";
import { imports } from "./imports-portable.mjs";

export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response(null, { status: 204 }); // the launcher's readiness probe
    const config = await request.json();
    return Response.json(await runChecks(portableChecks, { ...config, imports }));
  },
};
