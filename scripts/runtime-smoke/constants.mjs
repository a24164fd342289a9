// Shared by the loopback servers (Node 20) and the checks (any runtime): the bearer token and the account ids
// whose files.show answers the servers vary (answer, never answer, stall the body, 429 once).
export const TOKEN = "smoke-access-token";
export const ACCOUNTS = {
  ok: "00000000-0000-4000-8000-000000000001",
  never: "00000000-0000-4000-8000-000000000002",
  stall: "00000000-0000-4000-8000-000000000003",
  rateOnce: "00000000-0000-4000-8000-000000000004",
};
