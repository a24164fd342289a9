// @frameio-sdk/types: the openapi-typescript output for the whole document (paths, operations, components and the
// webhook payloads the package's index maps by event type).
import openapiTS, { astToString } from "openapi-typescript";
import { BANNER } from "./write.mjs";

export const TYPES_PATH = "packages/types/src/generated/openapi.ts";

/** @param {{ spec: object }} model */
export async function generateTypes({ spec }) {
  // openapi-typescript annotates the document it is given: hand it a copy so other emitters see the spec as written.
  const ast = await openapiTS(structuredClone(spec), {
    // Keeps optional-with-default properties optional in request types: the server fills the default.
    defaultNonNullable: false,
    alphabetize: false,
  });
  return { [TYPES_PATH]: BANNER + astToString(ast) };
}
