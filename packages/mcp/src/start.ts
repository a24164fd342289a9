import { FrameioClient } from "@frameio-sdk/client";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { clientSettingsFromEnv } from "./auth-from-env.js";
import { ConfigError } from "./config-error.js";
import { startHttpServer } from "./http-transport.js";
import type { CliOptions } from "./options.js";
import { serverForTools } from "./server.js";
import { buildToolSet } from "./tool-set.js";

const MIN_SECRET_LENGTH = 16;

/** Starts the server the CLI options describe; every configuration problem is a ConfigError, before serving. */
export async function startFromOptions(
  options: CliOptions,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
): Promise<void> {
  const settings = clientSettingsFromEnv(env);
  // Over HTTP, callers are remote: they get the local file tools only inside a folder the operator chose.
  const localFiles = options.transport === "stdio" || options.fileRoot !== undefined;
  const tools = await buildToolSet({ ...options, localFiles });
  let secret: string | undefined;
  if (options.transport === "http") {
    secret = env[options.secretEnv];
    if (!secret || secret.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(
        `${options.secretEnv} must hold the HTTP bearer secret (at least ${MIN_SECRET_LENGTH} characters)`,
      );
    }
  }
  if (settings.auth) {
    // Fail now, with one line, rather than on the agent's first call. The kit's message names no secret.
    await settings.auth.authenticate().catch((error: Error) => {
      throw new ConfigError(`server-to-server sign-in failed: ${error.message}`);
    });
  }
  const client = new FrameioClient({
    token: settings.token,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
  });
  const what = `${tools.length} tools (${options.mode}${options.readOnly ? ", read-only" : ""}${localFiles ? "" : ", no local file tools without --file-root"})`;
  if (options.transport === "http" && secret) {
    const http = await startHttpServer({
      tools,
      client,
      secret,
      host: options.host,
      port: options.port,
      jsonText: options.jsonText,
    });
    log(`${what} on ${http.url}`);
    const stop = () => void http.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    return;
  }
  const server = serverForTools(tools, client, options.jsonText);
  await server.connect(new StdioServerTransport());
  log(`${what} on stdio`);
}
