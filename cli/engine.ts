// `polis run POLICY --engine duckdb|postgres`: decide a whole table in a
// database with the query of compiler/sql. DuckDB runs embedded
// (@duckdb/node-api) on a .parquet, .csv or .jsonl file; PostgreSQL (pg) on a
// table of a server. Results go to a .parquet or .csv file (DuckDB COPY,
// streamed) or as JSONL, row by row, to a file or stdout: for a .jsonl input
// line for line the text of the JavaScript path.
// A .jsonl input is read exactly as `polis run` reads it (runtime/case.ts):
// bad lines get the same P07xx error; good ones are loaded with every scalar
// as text, so no number passes through a binary float.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { Policy } from "../compiler/ir/ir.js";
import { decodeCase, encodeValue, parseCaseText } from "../runtime/case.js";
import { PolisError } from "../runtime/diagnostic.js";
import { typeDescOf, type Type } from "../compiler/ir/ir.js";
import { EXIT_OK, EXIT_POLICY, EXIT_USAGE, UsageError, displayPath } from "./io.js";
import { sqlOf } from "./sql.js";
import { columnType } from "../compiler/sql/columns.js";
import { columnShapeProblem } from "./engine-columns.js";
import { wording } from "../runtime/messages.js";
import { RowErrors } from "./row-errors.js";
import { errorJson } from "./batch-lines.js";

export interface EngineOptions {
  engine: string;
  input?: string;
  output?: string;
  database?: string;
  table?: string;
  /** Where the rows decided with an error are told (stderr when not given; tests pass their own). */
  tell?: (text: string) => void;
}

const LINE = "__polis_lijn";
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A result row as the JSON line `polis run` prints (outputs in declaration order, or {"fout": …}). */
export function jsonLine(policy: Policy, row: Record<string, unknown>, line?: number): { text: string; exit: number } {
  const fout = row.fout;
  if (fout !== null && fout !== undefined) {
    const text = String(fout);
    const withLine = line === undefined ? text : `${text.slice(0, -1)},"lijn":${line}}`;
    const code = /"code":"(P\d+)"/.exec(text)?.[1] ?? "";
    return { text: `{"fout":${withLine}}`, exit: code.startsWith("P07") ? EXIT_USAGE : EXIT_POLICY };
  }
  const parts = policy.outputs.map((o) => `${JSON.stringify(o.name)}:${jsonValue(row[o.name], o.type)}`);
  return { text: `{${parts.join(",")}}`, exit: EXIT_OK };
}

function jsonValue(v: unknown, t: Type): string {
  if (v === null || v === undefined) return "null";
  switch (t.k) {
    case "aantal": {
      // As the JavaScript path (runtime/case-encode.ts): a JSON number up to
      // 2^53 − 1, beyond that a string, so a reader's float never loses a digit.
      const text = String(v);
      const big = BigInt(text);
      return big > MAX_SAFE || big < -MAX_SAFE ? JSON.stringify(text) : text;
    }
    case "janee":
      return v === true || v === "true" || v === "t" ? "true" : "false";
    case "duur": case "periode": case "lijst": case "record":
      return String(v);
    default:
      return JSON.stringify(String(v));
  }
}

/** Canonical case JSON for loading: every scalar as its case-file text. */
function canonical(v: unknown, t: Type): unknown {
  if (v === undefined) return null;
  const enc = encodeValue(v, typeDescOf(t));
  return stringify(enc);
}
function stringify(x: unknown): unknown {
  if (x === null) return null;
  if (Array.isArray(x)) return x.map(stringify);
  if (typeof x === "object") return Object.fromEntries(Object.entries(x as object).map(([k, v]) => [k, stringify(v)]));
  return String(x);
}

const duckType = (t: Type) => columnType(t, "duckdb");

const sqlStr = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function runEngine(policy: Policy, file: string, options: EngineOptions): Promise<number> {
  const engine = options.engine;
  if (engine !== "duckdb" && engine !== "postgres") throw new UsageError(`onbekende engine \`${engine}\`: kies duckdb of postgres`);
  if (engine === "postgres") return (await import("./engine-postgres.js")).runPostgres(policy, file, options);
  if (!options.input) throw new UsageError("--engine duckdb heeft --input nodig (.parquet, .csv of .jsonl)");
  const input = options.input;
  if (!fs.existsSync(input)) throw new UsageError(`invoerbestand \`${displayPath(input)}\` bestaat niet`);
  const ext = path.extname(input).toLowerCase();
  if (![".parquet", ".csv", ".jsonl"].includes(ext)) throw new UsageError(`--engine duckdb leest .parquet, .csv of .jsonl, niet \`${ext}\``);
  if (options.output) checkOutput(options.output);
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-duckdb-"));
  try {
    // Tables larger than memory: DuckDB spills to this folder.
    await con.run(`SET temp_directory = ${sqlStr(path.join(tmp, "spill"))}`);
    const errors = new Map<number, string>();
    let source: string;
    if (ext === ".jsonl") source = await loadJsonl(policy, input, tmp, errors);
    else if (ext === ".parquet") source = `read_parquet(${sqlStr(input)})`;
    else source = `read_csv(${sqlStr(input)}, header = true, all_varchar = true)`;
    try {
      await con.run(`CREATE VIEW cases AS SELECT * FROM ${source}`);
    } catch (e) {
      throw new UsageError(`invoerbestand \`${displayPath(input)}\` is geen leesbaar ${ext.slice(1)}-bestand: ${firstLine(e)}`);
    }
    const describe = async () => new Map((await (await con.runAndReadAll("SELECT column_name, column_type FROM (DESCRIBE cases)")).getRowObjectsJS()).map((r) => [String(r.column_name), String(r.column_type)] as const));
    let columnTypes = await describe();
    // An input without a column is a typed NULL column (P0704 on every row): an
    // untyped NULL would not bind where a list or record is taken apart.
    const absent = policy.inputs.filter((i) => !columnTypes.has(i.name));
    if (absent.length > 0) {
      await con.run(`CREATE OR REPLACE VIEW cases AS SELECT *, ${absent.map((i) => `CAST(NULL AS ${duckType(i.type)}) AS "${i.name.replace(/"/g, '""')}"`).join(", ")} FROM ${source}`);
      columnTypes = await describe();
    }
    const shape = columnShapeProblem(policy.inputs, columnTypes);
    if (shape) throw new UsageError(`invoerbestand \`${displayPath(input)}\`: ${shape}${ext === ".csv" ? " (een .csv-kolom is tekst: gebruik .parquet of .jsonl voor een periode, een lijst of gegevens)" : ""}`);
    const missing = new Set<string>();
    const q = sqlOf(policy, file, { dialect: "duckdb", table: "cases", missing, columnTypes, passThrough: ext === ".jsonl" ? [LINE] : [] });
    if (typeof q !== "string") {
      process.stderr.write(q.error + "\n");
      return EXIT_POLICY;
    }
    return await decide(con, policy, q, ext, options.output, errors, tmp, options.tell).catch((e: unknown) => {
      // A value past the engine's exact integers (HUGEINT, 38 digits) stops the
      // query: say so in Dutch (exit 1), never a stack trace or a wrong number.
      if (!/Out of Range Error|Overflow/i.test(firstLine(e))) throw e;
      process.stderr.write(`${file}: fout: een tussenwaarde past niet in de exacte gehele getallen van DuckDB (HUGEINT, 38 cijfers); beslis deze tabel met \`polis run\` zonder --engine of met --engine postgres (${firstLine(e)})\n`);
      return EXIT_POLICY;
    });
  } finally {
    con.closeSync?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0]!;

/** As `polis run --output` (cli/run.ts): the output's folder must exist, and it is no folder itself. */
function checkOutput(output: string): void {
  const dir = path.dirname(path.resolve(output));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`de map van uitvoerbestand \`${displayPath(output)}\` bestaat niet`);
  if (fs.existsSync(output) && fs.statSync(output).isDirectory()) throw new UsageError(`\`${displayPath(output)}\` is een map, geen uitvoerbestand`);
}

type Connection = Awaited<ReturnType<Awaited<ReturnType<typeof import("@duckdb/node-api").DuckDBInstance.create>>["connect"]>>;

/** Run the query once: COPY to a .parquet/.csv output, or stream JSONL lines (bad .jsonl lines in their place). */
async function decide(con: Connection, policy: Policy, q: string, ext: string, out: string | undefined, errors: Map<number, string>, tmp: string, tell?: (text: string) => void): Promise<number> {
    const outExt = out ? path.extname(out).toLowerCase() : ".jsonl";
    if (out && (outExt === ".parquet" || outExt === ".csv")) {
      const rows = ext === ".jsonl" ? `SELECT * EXCLUDE (${LINE}) FROM (${withBadLines(q, errors, tmp)}) ORDER BY ${LINE}` : q;
      // Parquet has no 128-bit integer: DuckDB would write a HUGEINT aantal as a
      // DOUBLE. DECIMAL(38, 0) holds every HUGEINT exactly.
      const counts = policy.outputs.filter((o) => o.type.k === "aantal").map((o) => `CAST("${o.name.replace(/"/g, '""')}" AS DECIMAL(38, 0)) AS "${o.name.replace(/"/g, '""')}"`);
      const query = outExt === ".parquet" && counts.length > 0 ? `SELECT * REPLACE (${counts.join(", ")}) FROM (${rows})` : rows;
      await con.run(`COPY (${query}) TO ${sqlStr(out)} (FORMAT ${outExt === ".parquet" ? "PARQUET" : "CSV"}${outExt === ".csv" ? ", HEADER" : ""})`);
      // The exit code from the written file's error column: the query runs once.
      const written = outExt === ".parquet" ? `read_parquet(${sqlStr(out)})` : `read_csv(${sqlStr(out)}, header = true, all_varchar = true)`;
      const worst = await con.runAndReadAll(`SELECT max(CASE WHEN fout LIKE '{"code":"P07%' THEN 2 WHEN fout IS NOT NULL THEN 1 ELSE 0 END) AS w FROM ${written}`);
      await tellWritten(con, outExt, out, tell);
      return Math.max(Number(worst.getRowObjectsJS()[0]?.w ?? 0), badLinesExit(errors));
    }
    if (out && outExt !== ".jsonl") throw new UsageError(`--output schrijft .parquet, .csv of .jsonl, niet \`${outExt}\``);
    const sink = out ? fs.createWriteStream(out) : process.stdout;
    const query = ext === ".jsonl" ? `${q.trimEnd()}\nORDER BY ${LINE}` : q;
    const result = await con.stream(query);
    const names = result.columnNames();
    let worst = EXIT_OK;
    let pending = [...errors.keys()].sort((a, b) => a - b);
    let p = 0;
    const told = new RowErrors(tell);
    let rowNumber = 0;
    const write = (s: string) => {
      if (!sink.write(s + "\n")) return new Promise<void>((r) => sink.once("drain", () => r()));
      return undefined;
    };
    const badLine = (n: number) => {
      told.add(`regel ${n}`, JSON.stringify((JSON.parse(errors.get(n)!) as { fout: unknown }).fout));
      return write(errors.get(n)!);
    };
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const rows = chunk.getRowObjects(names) as Record<string, unknown>[];
      for (const row of rows) {
        const line = ext === ".jsonl" ? Number(row[LINE]) : undefined;
        while (line !== undefined && p < pending.length && pending[p]! < line) {
          const w = badLine(pending[p++]!);
          if (w) await w;
        }
        rowNumber++;
        if (row.fout !== null && row.fout !== undefined) told.add(line !== undefined ? `regel ${line}` : `rij ${rowNumber}`, String(row.fout));
        const { text, exit } = jsonLine(policy, row, line);
        worst = Math.max(worst, exit);
        const w = write(text);
        if (w) await w;
      }
    }
    while (p < pending.length) {
      const w = badLine(pending[p++]!);
      if (w) await w;
    }
    told.finish();
    worst = Math.max(worst, badLinesExit(errors));
    pending = [];
    if (out) await new Promise<void>((r) => (sink as fs.WriteStream).end(() => r()));
    return worst;
}

/** The exit code of the lines the reader rejected: 2 for a bad case (P07xx), 1 for a case SQL cannot hold (P09xx). */
function badLinesExit(errors: ReadonlyMap<number, string>): number {
  let worst = EXIT_OK;
  for (const text of errors.values()) worst = Math.max(worst, text.includes('"code":"P07') ? EXIT_USAGE : EXIT_POLICY);
  return worst;
}

/** The rows of a written .parquet or .csv output that have an error, told on stderr (rij N of the output). */
async function tellWritten(con: Connection, outExt: string, out: string, tell?: (text: string) => void): Promise<void> {
  // One thread keeps a CSV's rows in file order for row_number(); Parquet has its own row numbers.
  await con.run("SET threads = 1");
  const numbered =
    outExt === ".parquet"
      ? `SELECT file_row_number + 1 AS r, fout FROM read_parquet(${sqlStr(out)}, file_row_number = true)`
      : `SELECT row_number() OVER () AS r, fout FROM read_csv(${sqlStr(out)}, header = true, all_varchar = true)`;
  const bad = `SELECT r, fout FROM (${numbered}) WHERE fout IS NOT NULL`;
  const count = Number((await con.runAndReadAll(`SELECT count(*) AS n FROM (${bad})`)).getRowObjectsJS()[0]?.n ?? 0);
  if (count === 0) return;
  const told = new RowErrors(tell);
  const first = (await con.runAndReadAll(`${bad} ORDER BY r LIMIT 20`)).getRowObjectsJS();
  for (const row of first) told.add(`rij ${String(row.r)}`, String(row.fout));
  told.addUnshown(count - first.length);
  told.finish();
}

/**
 * The query with a row per bad .jsonl line (the reader's P07xx error in `fout`,
 * every output NULL), so a .parquet or .csv output keeps a row per input line,
 * in line order, as the JSONL output does.
 */
function withBadLines(q: string, errors: Map<number, string>, tmp: string): string {
  if (errors.size === 0) return q;
  const file = path.join(tmp, "bad-lines.jsonl");
  const rows = [...errors].map(([n, text]) => {
    const { lijn: _, ...fout } = (JSON.parse(text) as { fout: Record<string, unknown> }).fout;
    return JSON.stringify({ [LINE]: n, fout: JSON.stringify(fout) });
  });
  fs.writeFileSync(file, rows.join("\n") + "\n");
  return `(${q}) UNION ALL BY NAME (SELECT * FROM read_json(${sqlStr(file)}, format = 'newline_delimited', columns = {${LINE}: 'BIGINT', fout: 'VARCHAR'}))`;
}

/** Read a .jsonl exactly as the JavaScript path; write the good cases as canonical JSON; remember the bad lines. */
async function loadJsonl(policy: Policy, input: string, tmp: string, errors: Map<number, string>): Promise<string> {
  const fields = policy.inputs.map((i) => ({ name: i.name, type: typeDescOf(i.type), ...(i.desc.restriction ? { restriction: i.desc.restriction } : {}), ...(i.optional ? { optional: true } : {}) }));
  const file = path.join(tmp, "cases.jsonl");
  const out = fs.createWriteStream(file);
  const rl = readline.createInterface({ input: fs.createReadStream(input, "utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === "") continue;
    try {
      const values = decodeCase(parseCaseText(line, n), fields, n);
      const row: Record<string, unknown> = { [LINE]: String(n) };
      for (const i of policy.inputs) row[i.name] = canonical(values[i.name], i.type);
      const lone = loneSurrogate(row);
      if (lone) {
        errors.set(n, JSON.stringify({ fout: { code: "P0904", bericht: wording("P0904", lone).message, veld: lone.field, lijn: n } }));
        continue;
      }
      if (!out.write(JSON.stringify(row) + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
    } catch (e) {
      if (!(e instanceof PolisError)) throw e;
      errors.set(n, errorJson({ ...e.diagnostic, line: e.diagnostic.line ?? n }));
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  const columns = [`${LINE}: 'BIGINT'`, ...policy.inputs.map((i) => `${sqlStr(i.name)}: ${sqlStr(duckType(i.type))}`)];
  return `read_json(${sqlStr(file)}, format = 'newline_delimited', columns = {${columns.join(", ")}})`;
}

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first text holding a lone UTF-16 surrogate (JSON allows `"\ud800"`; UTF-8, so DuckDB's VARCHAR, does not), with its place. */
function loneSurrogate(x: unknown, field = ""): { field: string; char: string } | null {
  if (typeof x === "string") {
    const m = LONE.exec(x);
    return m ? { field, char: `\\u${m[0].charCodeAt(0).toString(16)}` } : null;
  }
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const found = loneSurrogate(x[i], `${field}[${i}]`);
      if (found) return found;
    }
  } else if (x !== null && typeof x === "object") {
    for (const [k, v] of Object.entries(x)) {
      if (k === LINE) continue;
      const found = loneSurrogate(v, field === "" ? k : `${field}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Decide case lines (JSON texts) in an embedded DuckDB and return the JSONL
 * lines `polis run` would print for them: the entry point for differential
 * tests (test/sql, and any generator of policies that wants a second engine).
 */
export async function decideLinesInDuckDb(policy: Policy, file: string, lines: readonly string[]): Promise<string[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-sql-lines-"));
  const input = path.join(tmp, "in.jsonl");
  const output = path.join(tmp, "out.jsonl");
  fs.writeFileSync(input, lines.join("\n") + "\n");
  try {
    // The lines carry each row's error; nothing is told on stderr.
    await runEngine(policy, file, { engine: "duckdb", input, output, tell: () => {} });
    return fs.readFileSync(output, "utf8").split("\n").filter((l) => l !== "");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
