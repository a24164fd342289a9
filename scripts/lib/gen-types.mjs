// @frameio-sdk/types: openapi-typescript output plus the webhook payload map.
import openapiTS, { astToString } from "openapi-typescript";
import { pathToFileURL } from "node:url";
import { BANNER } from "./write.mjs";

export async function generateTypes(specPath) {
  const ast = await openapiTS(pathToFileURL(specPath), {
    // Keeps optional-with-default properties optional in request types: the server fills the default.
    defaultNonNullable: false,
    alphabetize: false,
  });
  return BANNER + astToString(ast);
}
