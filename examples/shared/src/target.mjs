/**
 * Where an example connects: the real service when credentials are in the environment, otherwise the example's
 * embedded default (local stand-ins for Frame.io and Adobe IMS, bundled into its dist/local-frameio.mjs).
 *
 * Variables read: FRAMEIO_CLIENT_ID, FRAMEIO_CLIENT_SECRET, FRAMEIO_TOKEN, FRAMEIO_ACCOUNT_ID, and the optional
 * origins FRAMEIO_BASE_URL (default https://api.frame.io) and FRAMEIO_IMS_URL (default https://ims-na1.adobelogin.com).
 */

/**
 * @typedef {object} Target
 * @property {string} [baseUrl] API origin; unset means the real service.
 * @property {string} [imsBaseUrl] Adobe IMS origin; unset means the real one.
 * @property {string} [clientId]
 * @property {string} [clientSecret]
 * @property {string} [token] An IMS access token to send as it is.
 * @property {string} [accountId]
 * @property {Record<string, string>} [headers] Extra headers for every API call.
 * @property {string} [folderId] The folder a local stand-in knows.
 * @property {() => Promise<void>} stop Releases whatever was started for this target.
 */

/** @typedef {"FRAMEIO_CLIENT_ID" | "FRAMEIO_CLIENT_SECRET" | "FRAMEIO_TOKEN"} CredentialVariable */

/** @type {CredentialVariable[]} */
const CREDENTIAL_VARIABLES = ["FRAMEIO_CLIENT_ID", "FRAMEIO_CLIENT_SECRET", "FRAMEIO_TOKEN"];

/**
 * @param {object} options
 * @param {CredentialVariable[][]} options.credentials The accepted sets of credential variables, e.g. client id and secret.
 * @param {URL} options.localBundle The example's bundled embedded default, exporting `startLocalFrameio()`.
 * @param {string} options.localDescription What the embedded default starts, for the note on stderr.
 * @param {object} [options.localOptions] Passed to `startLocalFrameio`.
 * @param {NodeJS.ProcessEnv} [options.env]
 * @returns {Promise<Target>}
 */
export async function chooseTarget({ credentials, localBundle, localDescription, localOptions, env = process.env }) {
  const given = CREDENTIAL_VARIABLES.filter((name) => env[name]);
  if (given.length === 0) {
    console.error(`No Frame.io credentials set: starting ${localDescription}.`);
    return (await loadLocalBundle(localBundle)).startLocalFrameio(localOptions);
  }
  // A partial or mixed set is refused rather than read as "no credentials": a typo must not fall back to a mock.
  const accepted = credentials.find(
    (set) => set.every((name) => env[name]) && given.every((name) => set.includes(name)),
  );
  if (!accepted) {
    const options = credentials.map((set) => set.join(" and ")).join(", or ");
    throw new Error(`Set ${options} (or none of them, to use the local mock).`);
  }
  const value = (/** @type {string} */ name) => env[name] || undefined;
  return {
    baseUrl: value("FRAMEIO_BASE_URL"),
    imsBaseUrl: value("FRAMEIO_IMS_URL"),
    clientId: value("FRAMEIO_CLIENT_ID"),
    clientSecret: value("FRAMEIO_CLIENT_SECRET"),
    token: value("FRAMEIO_TOKEN"),
    accountId: value("FRAMEIO_ACCOUNT_ID"),
    stop: async () => {},
  };
}

/**
 * @param {URL} bundle
 * @returns {Promise<{ startLocalFrameio(options?: object): Promise<Target> }>}
 */
async function loadLocalBundle(bundle) {
  try {
    return await import(bundle.href);
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new Error("The local mock is not built yet: run `pnpm build` in this example's folder first.");
  }
}
