// Bad input read from a table (issue 17: "the same P07xx error and field as
// the JavaScript path, per row"): a .csv cell and a PostgreSQL TEXT column are
// texts, so the SQL path must say exactly what `polis run` says for the same
// text given as a JSON string (code, bericht, veld): quoted and shortened as
// runtime/case-describe.ts shows it, `de tekst "ja"` for a janee. A `periode`
// from a Parquet struct or a PostgreSQL jsonb column is checked key by key as
// runtime/case-decode.ts readPeriod checks it. The expected lines come from
// the JavaScript evaluator on the same values, never from fixed texts.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import type { LoweredPolicy as Policy } from "../../compiler/ir/ir.js";
import { jsonLine, runEngine } from "../../cli/engine.js";
import { sqlOf } from "../../cli/sql.js";
import { usePostgres } from "./pg-server.js";
import { jsLine } from "./js-line.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-text-input-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SCALARS = compile(
  'polis t "x"\nsoort kleur: rood, groen\ninvoer\n  b: bedrag\n  g: getal\n  a: aantal\n  p: percentage\n  d: datum\n  j: janee\n  t: tekst\n  s: kleur\nuitvoer\n  y: aantal\nregel r (artikel 1):\n  y a\n',
  "t.polis",
).policy!;
const GOOD: Record<string, string> = { b: "1.50", g: "2", a: "3", p: "4", d: "2012-01-01", j: "true", t: "x", s: "rood" };
/**
 * Texts a table may hold where a number, date, janee or soort is expected.
 * Control characters are escaped as JSON.stringify escapes them; one known
 * difference stays out of this list: DuckDB writes the hex digits of U+000B,
 * U+000E, U+000F and U+001A–U+001F in upper case (`\u001F`, polis run `\u001f`).
 */
const TEXTS = [
  "abc", "ja", "nee", "True", "false", "1", "-1", "1.5", "1.555", "007", "-0", "00", "1e3", "+5", ".5", "5.", "NaN", "Infinity",
  " 12", "12 ", "1,5", "1.000,50", "-0.5", "x".repeat(50), "é".repeat(45), "2012-02-30", "2012-2-3", "2012-02-03", "0000-01-01",
  'a"b', "a\\b", "\t1", "a\u0001b\u0002c\u0010", "x\ry", "groen", "Rood", "12.50", " ",
];
const COLUMNS = SCALARS.inputs.map((i) => i.name);
/** A row per (column, text): that column holds the text, the others a good value. */
const ROWS: Record<string, string>[] = COLUMNS.flatMap((c) => TEXTS.map((t) => ({ ...GOOD, [c]: t })));
/** The same row as polis run reads it: every value a JSON string, a janee's true and false as JSON booleans. */
const caseOf = (row: Record<string, string>) =>
  JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === "j" && (v === "true" || v === "false") ? v === "true" : v])));

function jsLines(policy: Policy, cases: string[]): string[] {
  const module = load(policy);
  return cases.map((text) => jsLine(module, text));
}

function differences(texts: string[], expected: string[], actual: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    if (expected[i] !== actual[i]) out.push(`${texts[i]}\n  js:  ${expected[i]}\n  sql: ${actual[i]}`);
  }
  return out.join("\n");
}

async function duckdbLines(policy: Policy, input: string): Promise<string[]> {
  const out = path.join(dir, `out-${path.basename(input)}.jsonl`);
  await runEngine(policy, "t.polis", { engine: "duckdb", input, output: out, tell: () => {} });
  return fs.readFileSync(out, "utf8").split("\n").filter((l) => l !== "");
}

const csvCell = (s: string) => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** PERIODS: [Parquet STRUCT(van VARCHAR, tot_en_met VARCHAR) or NULL, the same value as JSON]. */
const PERIODS: [string, string][] = [
  ["{'van': '2012-03-01', 'tot_en_met': '2012-02-01'}", '{"van": "2012-03-01", "tot_en_met": "2012-02-01"}'],
  ["{'van': '2012-01-01', 'tot_en_met': '2012-01-31'}", '{"van": "2012-01-01", "tot_en_met": "2012-01-31"}'],
  ["{'van': '2012-02-30', 'tot_en_met': '2012-03-01'}", '{"van": "2012-02-30", "tot_en_met": "2012-03-01"}'],
  ["{'van': '2012-01-01', 'tot_en_met': 'morgen'}", '{"van": "2012-01-01", "tot_en_met": "morgen"}'],
  ["{'van': NULL, 'tot_en_met': '2012-03-01'}", '{"van": null, "tot_en_met": "2012-03-01"}'],
  ["{'van': '2012-01-01', 'tot_en_met': NULL}", '{"van": "2012-01-01", "tot_en_met": null}'],
  ["NULL", "null"],
];
/** Only as jsonb (a struct always has both keys): missing and unknown keys, a text, a number. */
const JSONB_PERIODS = ['{"van": "2012-01-01"}', '{"tot_en_met": "2012-01-01"}', '{"van": "2012-01-01", "tot_en_met": "2012-01-02", "extra": 1}', '"2012-01-01"', "5", '{"van": 20120101, "tot_en_met": "2012-01-02"}', "[]"];
/** A duur in a jsonb column: one known unit with a whole count, or P0705/P0706/P0712 as readDuration. */
const DURATIONS = ['{"dagen": 1, "maanden": 1}', '{"dagen": 1.5}', "{}", '{"dagen": "x"}', '{"weken": 2}', '{"jaren": "1"}', '{"dag": 1}', '"5"', "5", '{"dagen": true}', '{"maanden": -3}', '{"dagen": 99999999999999999999}', "[]"];
const DURATION = compile('polis d "x"\ninvoer\n  start: datum\n  wachttijd: duur\nuitvoer\n  eind: datum\nregel r (artikel 1):\n  eind start + wachttijd\n', "d.polis").policy!;
/**
 * A list of records in a jsonb column, one field of the second element of
 * another JSON kind (or null). Not here: a janee as the JSON text "true", which
 * the SQL path takes as a text column's true (docs/sql.md: the columns hold
 * every scalar as its case-file text) and polis run refuses.
 */
const ITEMS = compile(
  'polis r "x"\nsoort kleur: rood, groen\ngegevens Item:\n  b: bedrag\n  a: aantal\n  d: datum\n  j: janee\n  t: tekst\n  s: kleur\ninvoer\n  items: lijst van Item\nuitvoer\n  n: aantal\nregel r (artikel 1):\n  n aantal i in items\n',
  "r.polis",
).policy!;
const ITEM = '{"b": "1.50", "a": "3", "d": "2012-01-01", "j": true, "t": "x", "s": "rood"}';
const KINDS: [string, string][] = [
  ["b", "true"], ["b", "{}"], ["b", "[]"], ["b", "null"], ["b", "12.505"], ["a", "false"], ["a", "1.5"], ["a", '"1e3"'], ["d", "5"], ["d", "true"], ["d", '"x"'],
  ["j", '"ja"'], ["j", "1"], ["j", "{}"], ["t", "5"], ["t", "true"], ["t", "[]"], ["s", "1"], ["s", '"blauw"'], ["t", '"ok"'],
];
const itemsOf = ([k, v]: [string, string]) => `{"items": [${ITEM}, ${ITEM.replace(new RegExp(`"${k}": [^,}]+`), `"${k}": ${v}`)}]}`;
const PERIOD = compile('polis pe "x"\ninvoer\n  p: periode\nuitvoer\n  n: aantal\nregel r (artikel 1):\n  n aantal_dagen(p)\n', "pe.polis").policy!;

describe("bad input from a table gets polis run's message for the same text", () => {
  it("a .csv cell (DuckDB)", async () => {
    const csv = path.join(dir, "t.csv");
    fs.writeFileSync(csv, [COLUMNS.join(","), ...ROWS.map((r) => COLUMNS.map((c) => csvCell(r[c]!)).join(","))].join("\n") + "\n");
    const expected = jsLines(SCALARS, ROWS.map(caseOf));
    expect(differences(ROWS.map(caseOf), expected, await duckdbLines(SCALARS, csv))).toBe("");
    // The check can fail: the texts give errors of every kind.
    for (const code of ["P0705", "P0706", "P0707", "P0709", "P0710", "P0711"]) expect(expected.join("\n")).toContain(`"code":"${code}"`);
  });

  it("a periode in a list of structs (DuckDB, element paths)", async () => {
    const policy = compile('polis v "x"\ngegevens V:\n  p: periode\ninvoer\n  vs: lijst van V\nuitvoer\n  n: aantal\nregel r (artikel 1):\n  n aantal v in vs\n', "v.polis").policy!;
    const parquet = path.join(dir, "vs.parquet");
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const type = "STRUCT(p STRUCT(van VARCHAR, tot_en_met VARCHAR))[]";
    const rows = PERIODS.map(([v], i) => `SELECT ${i} AS i, CAST([{'p': NULL}, {'p': ${v}}] AS ${type}) AS vs`);
    await con.run(`COPY (SELECT vs FROM (${rows.join(" UNION ALL ")}) ORDER BY i) TO '${parquet}' (FORMAT PARQUET)`);
    const cases = PERIODS.map(([, j]) => `{"vs": [{"p": null}, {"p": ${j}}]}`);
    const expected = jsLines(policy, cases);
    expect(differences(cases, expected, await duckdbLines(policy, parquet))).toBe("");
    expect(expected.join("\n")).toContain("vs[1].p.van");
  });

  it("a periode from a Parquet struct (DuckDB)", async () => {
    const parquet = path.join(dir, "pe.parquet");
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const rows = PERIODS.map(([v], i) => `SELECT ${i} AS i, CAST(${v} AS STRUCT(van VARCHAR, tot_en_met VARCHAR)) AS p`);
    await con.run(`COPY (SELECT p FROM (${rows.join(" UNION ALL ")}) ORDER BY i) TO '${parquet}' (FORMAT PARQUET)`);
    const cases = PERIODS.map(([, j]) => `{"p": ${j}}`);
    expect(differences(cases, jsLines(PERIOD, cases), await duckdbLines(PERIOD, parquet))).toBe("");
  });
});

/** [input type, a DuckDB value of another kind, the same value as JSON]. */
const WRONG_KIND: [string, string, string][] = [
  ["bedrag", "true", "true"], ["bedrag", "{'a': 1}", '{"a": 1}'], ["bedrag", "[1]", "[1]"], ["aantal", "false", "false"],
  ["datum", "5", "5"], ["datum", "CAST(1.5 AS DECIMAL(4, 1))", "1.5"], ["datum", "true", "true"], ["janee", "1", "1"], ["janee", "[true]", "[true]"],
  ["tekst", "5", "5"], ["tekst", "true", "true"], ["kleur", "1", "1"], ["kleur", "{'a': 'rood'}", '{"a": "rood"}'],
];

describe("a typed column of another kind gets polis run's P0705 for the same JSON value", () => {
  for (const [type, sql, json] of WRONG_KIND) {
    it(`${type} from ${sql}`, async () => {
      const policy = compile(`polis k "x"\nsoort kleur: rood, groen\ninvoer\n  x: ${type}\nuitvoer\n  ok: janee\nregel r (artikel 1):\n  ok ja\n`, "k.polis").policy!;
      const parquet = path.join(dir, `kind-${type}-${WRONG_KIND.findIndex((w) => w[1] === sql)}.parquet`);
      const con = await (await DuckDBInstance.create(":memory:")).connect();
      await con.run(`COPY (SELECT ${sql} AS x) TO '${parquet}' (FORMAT PARQUET)`);
      const cases = [`{"x": ${json}}`];
      const expected = jsLines(policy, cases);
      expect(expected[0]).toContain('"P0705"');
      expect(differences(cases, expected, await duckdbLines(policy, parquet))).toBe("");
    });
  }
});

describe("bad input from a PostgreSQL table gets polis run's message for the same text", () => {
  const db = usePostgres();

  /** rows: JSON texts of objects (a number keeps its digits: no JSON.parse on the way). */
  async function pgLines(policy: Policy, spec: string, rows: string[]): Promise<string[]> {
    await db().query(`DROP TABLE IF EXISTS cases; CREATE TABLE cases (__n bigint, ${spec})`);
    await db().query(`INSERT INTO cases SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(__n bigint, ${spec})`, [`[${rows.map((r, n) => `{"__n": ${n}, ${r.slice(1)}`).join(",")}]`]);
    const q = sqlOf(policy, "t.polis", { dialect: "postgres", table: "cases", passThrough: ["__n"] });
    if (typeof q !== "string") throw new Error(q.error);
    const r = await db().query(`${q} ORDER BY 1`);
    return (r.rows as Record<string, unknown>[]).map((row) => jsonLine(policy, row).text);
  }

  it("TEXT columns", async () => {
    // PostgreSQL text cannot hold U+0000; every other text is as in the .csv.
    const actual = await pgLines(SCALARS, COLUMNS.map((c) => `"${c}" text`).join(", "), ROWS.map((r) => JSON.stringify(r)));
    expect(differences(ROWS.map(caseOf), jsLines(SCALARS, ROWS.map(caseOf)), actual)).toBe("");
  });

  it("a duur in a jsonb column", async () => {
    const actual = await pgLines(DURATION, `start date, wachttijd jsonb`, DURATIONS.map((j) => `{"start": "2012-01-31", "wachttijd": ${j}}`));
    const cases = DURATIONS.map((j) => `{"start": "2012-01-31", "wachttijd": ${j}}`);
    expect(differences(cases, jsLines(DURATION, cases), actual)).toBe("");
  });

  it("a list of records in a jsonb column: a value of another JSON kind is P0705, as polis run says", async () => {
    const cases = KINDS.map(itemsOf);
    const expected = jsLines(ITEMS, cases);
    expect(differences(cases, expected, await pgLines(ITEMS, "items jsonb", cases))).toBe("");
    expect(expected.filter((l) => l.includes('"P0705"')).length).toBeGreaterThan(12);
  });

  it("a periode in a list of records in a jsonb column (element paths)", async () => {
    const policy = compile('polis v "x"\ngegevens V:\n  p: periode\ninvoer\n  vs: lijst van V\nuitvoer\n  n: aantal\nregel r (artikel 1):\n  n aantal v in vs\n', "v.polis").policy!;
    const cases = [...PERIODS.map(([, j]) => j), ...JSONB_PERIODS].map((j) => `{"vs": [{"p": null}, {"p": ${j}}]}`);
    const expected = jsLines(policy, cases);
    expect(differences(cases, expected, await pgLines(policy, "vs jsonb", cases))).toBe("");
    expect(expected.join("\n")).toContain("vs[1].p.van");
  });

  it("a periode in a jsonb column", async () => {
    const values = [...PERIODS.map(([, j]) => j), ...JSONB_PERIODS];
    const actual = await pgLines(PERIOD, `p jsonb`, values.map((j) => `{"p": ${j}}`));
    const cases = values.map((j) => `{"p": ${j}}`);
    expect(differences(cases, jsLines(PERIOD, cases), actual)).toBe("");
  });
});
