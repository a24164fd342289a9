// @frameio-sdk/schemas and @frameio-sdk/mcp as installed from their tarballs, loaded from Node ESM.
import assert from "node:assert/strict";
import * as mcp from "@frameio-sdk/mcp";
import * as schemas from "@frameio-sdk/schemas";

assert.ok(Object.keys(schemas).length > 0, "@frameio-sdk/schemas has no exports");
assert.equal(typeof mcp.createFrameioMcpServer, "function", "@frameio-sdk/mcp lacks createFrameioMcpServer");
console.log("esm: @frameio-sdk/schemas and @frameio-sdk/mcp load from the installed tarballs");
