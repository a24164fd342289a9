// @frameio-sdk/schemas and @frameio-sdk/mcp as installed from their tarballs, loaded from Node CommonJS.
const assert = require("node:assert/strict");
const schemas = require("@frameio-sdk/schemas");
const mcp = require("@frameio-sdk/mcp");

assert.ok(Object.keys(schemas).length > 0, "@frameio-sdk/schemas has no exports");
assert.equal(typeof mcp.createFrameioMcpServer, "function", "@frameio-sdk/mcp lacks createFrameioMcpServer");
console.log("cjs: @frameio-sdk/schemas and @frameio-sdk/mcp load from the installed tarballs");
