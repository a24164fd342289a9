// The runtime x check matrix the smoke suite ends with: one row per check, one column per runtime
// (pass / FAIL / skip / "-" when the runtime does not run that check), then every failure and skip with its reason.
export function printMatrix(outcomes) {
  const runtimes = Object.keys(outcomes);
  const checks = [...new Set(runtimes.flatMap((runtime) => outcomes[runtime].map((result) => result.check)))];
  const cell = (runtime, check) => {
    const found = outcomes[runtime].find((result) => result.check === check);
    return found ? { pass: "pass", fail: "FAIL", skip: "skip" }[found.status] : "-";
  };
  const rows = [
    ["check", ...runtimes],
    ...checks.map((check) => [check, ...runtimes.map((runtime) => cell(runtime, check))]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log("\nruntime smoke matrix:");
  for (const row of rows) console.log(`| ${row.map((text, column) => text.padEnd(widths[column])).join(" | ")} |`);
  const all = runtimes.flatMap((runtime) => outcomes[runtime].map((result) => ({ runtime, ...result })));
  for (const { runtime, check, status, detail } of all) {
    if (status !== "pass") console.log(`${status === "fail" ? "FAIL" : "skip"} [${runtime}] ${check}: ${detail}`);
  }
  const count = (status) => all.filter((result) => result.status === status).length;
  console.log(`runtime smoke: ${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped`);
  return count("fail");
}
