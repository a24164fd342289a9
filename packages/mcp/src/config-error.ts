/** A start-up problem the operator must fix; the CLI prints its message as one line and exits non-zero. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
