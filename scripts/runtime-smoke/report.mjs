// The one output format of every runtime: a line per check, then the plain closing line, then the results as JSON
// for the orchestrator's matrix.
export function report(runtime, results, print) {
  for (const { check, status, detail } of results)
    print(`${status === "pass" ? "ok  " : status === "skip" ? "skip" : "FAIL"} [${runtime}] ${check}: ${detail}`);
  const count = (status) => results.filter((result) => result.status === status).length;
  print(`${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped`);
  print(`SMOKE-RESULTS ${JSON.stringify(results)}`);
  return count("fail");
}
