// An arithmetic overflow in the middle of a calculation is that row's error,
// never the whole table's (issue 17): DuckDB guards operations whose size the
// compiler cannot bound (TRY) and reports P0903 for the row; PostgreSQL NUMERIC
// computes such values exactly; every other row is decided. A getal's text is
// built from its whole part and remainder, so an intermediate never overflows
// where the result fits (the repro: -9999999.9999 * 9999999.9999 * 9999999.9999%).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { startPostgres, type PgServer } from "./pg-server.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-overflow-"));
const polis = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/polis.js"), ...args], { cwd: ROOT, encoding: "utf8" });
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const lines = (out: string) => out.trim().split("\n").map((l) => JSON.stringify(JSON.parse(l), (k, v) => (k === "lijn" ? undefined : v)));

const product = write(
  "ov.polis",
  'polis ov "x"\ninvoer\n  teller: getal\n  noemer: getal\n  pct: percentage\nuitvoer\n  product: getal\nregel r (artikel 1):\n  product teller * noemer * pct\n',
);
/** The repro: the exact product has 33 digits, its text 10^14 times more before rounding; then one too large for 38 digits. */
const ROWS = [
  { teller: "-9999999.9999", noemer: "9999999.9999", pct: "9999999.9999" },
  { teller: "1", noemer: "1", pct: "1" },
  { teller: "-99999999999999999999.9999", noemer: "99999999999999999999.9999", pct: "99999999999999.9999" },
  { teller: "2.5", noemer: "-4", pct: "10" },
];
const input = write("ov.jsonl", ROWS.map((r) => JSON.stringify(r)).join("\n") + "\n");
const P0903 = '{"fout":{"code":"P0903","bericht":"de uitkomst van een vermenigvuldiging in regel `r` (artikel 1) heeft meer cijfers dan SQL exact kan rekenen (38)"}}';

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("an overflow is one row's error (DuckDB)", () => {
  const js = polis("run", product, "--input", input);

  it("polis run (JavaScript) is exact on every row", () => {
    expect(lines(js.stdout)).toEqual([
      '{"product":"-9999999999700000000.00299999999999"}',
      '{"product":"0.01"}',
      '{"product":"-9999999999999999989999980000000000000000020000009999.99999999999999"}',
      '{"product":"-1"}',
    ]);
  });

  it("--engine duckdb: the exact value where it fits 38 digits, P0903 for the row past them, the other rows decided", () => {
    const r = polis("run", product, "--engine", "duckdb", "--input", input);
    expect(r.stderr).not.toMatch(/interne fout|    at |Out of Range/);
    const want = lines(js.stdout);
    want[2] = P0903;
    expect(lines(r.stdout)).toEqual(want);
    // A row's error, as polis run's row errors: exit 1, the table is written.
    expect(r.status).toBe(1);
  });

  it("the query of polis sql run in DuckDB gives the row's error in its fout column", async () => {
    const q = polis("sql", product);
    expect(q.status).toBe(0);
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    await con.run(`CREATE TABLE cases AS SELECT * FROM (VALUES ${ROWS.map((r) => `('${r.teller}', '${r.noemer}', '${r.pct}')`).join(", ")}) AS t(teller, noemer, pct)`);
    const rows = (await con.runAndReadAll(`SELECT product, fout FROM (${q.stdout}) AS s`)).getRowObjectsJS();
    con.closeSync();
    expect(rows).toEqual([
      { product: "-9999999999700000000.00299999999999", fout: null },
      { product: "0.01", fout: null },
      { product: null, fout: JSON.stringify(JSON.parse(P0903).fout) },
      { product: "-1", fout: null },
    ]);
  });

  it("a deep chain of products overflows in one row only, with one check (never a stopped query)", () => {
    const p = write("macht.polis", `polis m "x"\ninvoer\n  x: getal\nuitvoer\n  y: getal\nregel r (artikel 1):\n  y ${Array(12).fill("x").join(" * ")}\n`);
    const cases = write("macht.jsonl", '{"x": "1000"}\n{"x": "2"}\n{"x": "0.5"}\n');
    const r = polis("run", p, "--engine", "duckdb", "--input", cases);
    expect(r.stderr).not.toMatch(/interne fout|Out of Range/);
    const j = lines(polis("run", p, "--input", cases).stdout);
    expect(j[0]).toBe(`{"y":"1${"0".repeat(36)}"}`);
    // 1000^12 = 10^36 fits; its last product is reached through 10^33 · 1000.
    expect(lines(r.stdout)).toEqual(j);
    const big = write("macht-groot.jsonl", '{"x": "10000"}\n{"x": "2"}\n');
    const r2 = polis("run", p, "--engine", "duckdb", "--input", big);
    expect(lines(r2.stdout)).toEqual([P0903, '{"y":"4096"}']);
  });

  it("an overflow in a branch that is not taken is no error (indien … dan … anders)", () => {
    const p = write(
      "tak.polis",
      'polis t "x"\ninvoer\n  x: getal\nuitvoer\n  y: getal\nregel r (artikel 1):\n  y indien x < 100 dan x * x * x * x * x * x * x * x * x * x * x anders x\n',
    );
    const cases = write("tak.jsonl", '{"x": "100000000"}\n{"x": "3"}\n');
    const r = polis("run", p, "--engine", "duckdb", "--input", cases);
    expect(lines(r.stdout)).toEqual(lines(polis("run", p, "--input", cases).stdout));
    expect(r.status).toBe(0);
  });

  it("an amount output past 38 digits of cents is the row's P0903, the amount that fits is exact", () => {
    const p = write("bedrag.polis", 'polis b "x"\ninvoer\n  x: bedrag\n  n: getal\nuitvoer\n  y: bedrag\nregel r (artikel 1):\n  y (x * n) afgerond op centen\n');
    const cases = write("bedrag.jsonl", '{"x": "1000000000000000000.50", "n": "100000000000000000.5"}\n{"x": "10000000000000000000.00", "n": "100000000000000000000"}\n{"x": "1.50", "n": "1.5"}\n');
    const r = polis("run", p, "--engine", "duckdb", "--input", cases);
    expect(r.stderr).not.toMatch(/interne fout|Out of Range/);
    const out = lines(r.stdout);
    const j = lines(polis("run", p, "--input", cases).stdout);
    expect(out[0]).toBe(j[0]);
    expect(out[1]).toMatch(/"code":"P0903"/);
    expect(out[2]).toBe('{"y":"2.25"}');
  });

  it("a sum over a list past 38 digits is the row's P0903, a list whose sum fits is exact", () => {
    const p = write(
      "som.polis",
      'polis s "x"\n\ngegevens Regel:\n  k: getal\n\ninvoer\n  regels: lijst van Regel\n\nuitvoer\n  totaal: getal\n\nregel r (artikel 1):\n  totaal som van g.k * g.k voor g in regels\n',
    );
    const cases = write("som.jsonl", '{"regels":[{"k":"10000000000000000000"},{"k":"10000000000000000000"}]}\n{"regels":[{"k":"10000000000000000000"},{"k":"1"}]}\n{"regels":[{"k":"2"},{"k":"0.5"}]}\n');
    const r = polis("run", p, "--engine", "duckdb", "--input", cases);
    expect(r.stderr).not.toMatch(/interne fout|Out of Range/);
    const j = lines(polis("run", p, "--input", cases).stdout);
    expect(j[0]).toBe(`{"totaal":"2${"0".repeat(38)}"}`);
    expect(lines(r.stdout)).toEqual([
      '{"fout":{"code":"P0903","bericht":"de uitkomst van een optelling in regel `r` (artikel 1) heeft meer cijfers dan SQL exact kan rekenen (38)"}}',
      j[1],
      j[2],
    ]);
  });

  it("a value too large to show in an error message never loses the error: the row keeps polis run's code and field", async () => {
    const p = write("pct.polis", 'polis pct "x"\ninvoer\n  pct: percentage vanaf 0% tot en met 100%\nuitvoer\n  hoog: janee\nregel r (artikel 1):\n  hoog pct > 50%\n');
    const parquet = path.join(dir, "pct.parquet");
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    await con.run(`COPY (SELECT CAST(v AS DECIMAL(38, 2)) AS pct FROM (VALUES ('60'), ('999999999999999999999999999999999999.99')) AS t(v)) TO '${parquet}' (FORMAT PARQUET)`);
    con.closeSync();
    const r = polis("run", p, "--engine", "duckdb", "--input", parquet);
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { hoog?: boolean; fout?: { code: string; veld: string; bericht: string } });
    expect(out[0]).toEqual({ hoog: true });
    // Before: the message's percentage overflowed to NULL, the whole error with it, and the row was decided (hoog: true).
    expect(out[1]!.fout?.code).toBe("P0708");
    expect(out[1]!.fout?.veld).toBe("pct");
    expect(out[1]!.fout?.bericht).toContain("meer cijfers dan SQL exact kan rekenen");
  });

  it("the Spark query turns an overflow's NULL into the row's P0903 (ANSI mode off)", () => {
    const q = polis("sql", product, "--dialect", "spark");
    expect(q.status).toBe(0);
    expect(q.stdout).toContain("P0903");
    expect(q.stdout).toMatch(/IS NULL/);
  });
});

describe("PostgreSQL: the same table is exact, never stopped", () => {
  let server: PgServer | null = null;
  beforeAll(async () => {
    const s = await startPostgres();
    if ("missing" in s) throw new Error(s.missing);
    server = s;
  }, 240_000);
  afterAll(() => server?.stop());

  it("--engine postgres decides every row as polis run does (NUMERIC holds the 52 digits)", async () => {
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    await client.query("DROP TABLE IF EXISTS ov; CREATE TABLE ov (teller text, noemer text, pct text)");
    for (const r of ROWS) await client.query("INSERT INTO ov VALUES ($1, $2, $3)", [r.teller, r.noemer, r.pct]);
    await client.end();
    const r = polis("run", product, "--engine", "postgres", "--database", server!.url, "--table", "ov");
    expect(r.stderr).not.toMatch(/interne fout|    at /);
    expect(lines(r.stdout)).toEqual(lines(polis("run", product, "--input", input).stdout));
    expect(r.status).toBe(0);
  }, 120_000);
});
