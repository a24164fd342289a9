// Loads the installed tarballs through `import` (the packages' ESM builds).
import * as client from "@frameio-sdk/client";
import * as operations from "@frameio-sdk/client/operations";
import * as kit from "@frameio-sdk/kit";
import * as platform from "@frameio-sdk/kit/platform";
import * as upload from "@frameio-sdk/kit/upload";
import scenario from "./scenario.cjs";

await scenario.runScenario("ESM", { client, operations, kit, platform, upload });
