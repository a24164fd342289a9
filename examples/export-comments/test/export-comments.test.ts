// Runs the exporter as a user would (`node src/main.mjs`): against its embedded Prism default, and against a small
// Frame.io stand-in owned by this test whose comments need every kind of CSV quoting and span two pages.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand } from "examples-shared/child-program.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLUMNS } from "../src/comment-rows.mjs";
import { csvField, csvRecord } from "../src/csv.mjs";

const MAIN = fileURLToPath(new URL("../src/main.mjs", import.meta.url));
const ACCOUNT = "5c0e7a1b-2d3f-4a5b-8c6d-7e8f9a0b1c2d";
const FILE_A = "aaaaaaaa-1111-4222-8333-444444444444";
const FILE_B = "bbbbbbbb-1111-4222-8333-444444444444";

/** A strict RFC 4180 reader: fails on anything the writer should never produce. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"' && text[i + 1] === '"') field += text[i++];
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") field += text[i++];
      if (/["\n]/.test(field)) throw new Error(`unquoted field with a quote or newline: ${JSON.stringify(field)}`);
    }
    record.push(field);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  return records;
}

const comment = (id: string, text: string, name: string | null) => ({
  id,
  file_id: FILE_A,
  text,
  annotation: null,
  timestamp: "00:00:01:00",
  created_at: "2026-01-02T03:04:05.000Z",
  completed_at: null,
  owner: { id: null, name, email: "editor@example.com", avatar_url: null, active: true },
});
const TRICKY = [
  comment("c0000000-0000-4000-8000-000000000001", "Warmer, please", "Ana, colourist"),
  comment("c0000000-0000-4000-8000-000000000002", 'The "hero" shot', null),
  comment("c0000000-0000-4000-8000-000000000003", "Line one\nline two\r\nline three", 'Bo "the editor"'),
];

let api: Server;
let apiUrl: string;
let dir: string;
const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "export-comments-test-"));
  api = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://api.invalid");
    seen.push({ path: url.pathname + url.search, headers: request.headers });
    const send = (body: unknown) =>
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    const file = /^\/v4\/accounts\/[^/]+\/files\/([^/]+)$/.exec(url.pathname);
    if (file)
      return send({ data: { id: file[1], name: file[1] === FILE_A ? "A001, take 2.mov" : "B.mov", type: "file" } });
    const comments = /^\/v4\/accounts\/[^/]+\/files\/([^/]+)\/comments$/.exec(url.pathname);
    if (comments?.[1] === FILE_B) return send({ data: [], links: { next: null } });
    if (comments && !url.searchParams.has("after")) {
      return send({ data: TRICKY.slice(0, 2), links: { next: `${url.pathname}?after=page-2-cursor` } });
    }
    if (comments) return send({ data: TRICKY.slice(2), links: { next: null } });
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => api?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("export-comments", () => {
  it("exports the first project's comments from the embedded Prism default as parseable CSV", async () => {
    const run = await runCommand(MAIN);
    expect(run.stderr).toContain("No Frame.io credentials set: starting a local Frame.io mock");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Exporting the comments of project \S.* \([0-9a-f-]{36}\)$/m);
    expect(run.stderr).toContain("Exported 4 comments on 2 files.");
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header).toEqual(COLUMNS);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row).toHaveLength(COLUMNS.length);
      expect(row[COLUMNS.indexOf("comment_id")]).toMatch(/^[0-9a-f-]{36}$/);
      expect(row[COLUMNS.indexOf("annotation")]).toBe('[{"tool":"arrow","x":0.42,"y":0.31}]');
    }
  }, 45_000);

  it("exports given files to a file, following every page, with commas, quotes and newlines quoted", async () => {
    const output = join(dir, "comments.csv");
    const env = { FRAMEIO_TOKEN: "test-token", FRAMEIO_BASE_URL: apiUrl, FRAMEIO_ACCOUNT_ID: ACCOUNT };
    const run = await runCommand(MAIN, ["--", "--file", FILE_A, "--file", FILE_B, "--output", output], env);
    expect(run.stderr).toBe(`Exported 3 comments on 2 files to ${output}.\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");

    const text = await readFile(output, "utf8");
    expect(text.startsWith(`${COLUMNS.join(",")}\r\n`)).toBe(true);
    const [, ...rows] = parseCsv(text);
    const column = (name: string) => rows.map((row) => row[COLUMNS.indexOf(name)]);
    expect(column("file_path")).toEqual(["A001, take 2.mov", "A001, take 2.mov", "A001, take 2.mov"]);
    expect(column("text")).toEqual(TRICKY.map((c) => c.text));
    expect(column("author")).toEqual(["Ana, colourist", "editor@example.com", 'Bo "the editor"']);
    expect(column("completed_at")).toEqual(["", "", ""]);

    const commentCalls = seen.filter((call) => call.path.includes(`/files/${FILE_A}/comments`));
    expect(commentCalls.map((call) => new URL(call.path, apiUrl).searchParams.get("after"))).toEqual([
      null,
      "page-2-cursor",
    ]);
    expect(seen.every((call) => call.headers.authorization === "Bearer test-token")).toBe(true);
  }, 45_000);

  it("refuses --project together with --file", async () => {
    const run = await runCommand(MAIN, ["--project", FILE_A, "--file", FILE_B]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Give --project or --file, not both.");
    expect(run.stdout).toBe("");
  });
});

describe("csv", () => {
  it("quotes exactly the fields that need it and doubles their quotes", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("one\ntwo")).toBe('"one\ntwo"');
    expect(csvField("cr\ronly")).toBe('"cr\ronly"');
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(42)).toBe("42");
    expect(csvRecord(["a", 'b"', "c,d"])).toBe('a,"b""","c,d"\r\n');
  });
});
