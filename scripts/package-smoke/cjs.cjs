// Loads the installed tarballs through `require` (the packages' CommonJS builds).
const { runScenario } = require("./scenario.cjs");

runScenario("CJS", {
  client: require("@frameio-sdk/client"),
  operations: require("@frameio-sdk/client/operations"),
  kit: require("@frameio-sdk/kit"),
  platform: require("@frameio-sdk/kit/platform"),
  upload: require("@frameio-sdk/kit/upload"),
}).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
