/**
 * One row of the generated operation table. Short keys on purpose: the table ships in every bundle.
 * m: HTTP method; p: path template; q/h: query and header parameter names;
 * b: body style (absent = none, 1 = wrapped in `{ data }`, 2 = sent as given in `body`);
 * pg: cursor-paginated; rl: [calls, per seconds] of the published rate limit.
 */
export interface OperationSpec {
  m: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  p: string;
  q?: readonly string[];
  h?: readonly string[];
  b?: 1 | 2;
  pg?: 1;
  rl?: readonly [calls: number, perSeconds: number];
}
