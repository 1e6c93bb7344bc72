// The Dutch values inside per-row error messages from DuckDB ("€ 1.234.567,05",
// "29 februari 2012", "-1.234"), written out without list lambdas since the
// speed work of issue 17: the same text as `polis run`, for JSONL input (read
// as text) and for typed Parquet columns (DATE, DECIMAL, BIGINT read directly).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-sql-messages-"));
const polis = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/polis.js"), ...args], { cwd: ROOT, encoding: "utf8" });
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const POLICY = `polis meldingen "Meldingen"
invoer
  kosten: bedrag tussen € 1.000 en € 1.000.000
  stuks: aantal tussen 1000 en 100000
  geboren: datum vanaf 1 maart 1950
  peildatum: datum
uitvoer
  vergoeding: bedrag
  leeftijd: aantal
regel r (artikel 1):
  vergoeding kosten
  leeftijd leeftijd_op(geboren, peildatum)
`;

// Each row breaks one rule, with values that need grouping, cents, a sign or a month name.
const ROWS = [
  { kosten: "1234567.05", stuks: "5000", geboren: "1960-01-01", peildatum: "2012-01-01" },
  { kosten: "-12.50", stuks: "5000", geboren: "1960-01-01", peildatum: "2012-01-01" },
  { kosten: "999.99", stuks: "5000", geboren: "1960-01-01", peildatum: "2012-01-01" },
  { kosten: "2000000", stuks: "5000", geboren: "1960-01-01", peildatum: "2012-01-01" },
  { kosten: "5000", stuks: "123456", geboren: "1960-01-01", peildatum: "2012-01-01" },
  { kosten: "5000", stuks: "999", geboren: "1960-01-01", peildatum: "2012-01-01" },
  { kosten: "5000", stuks: "5000", geboren: "1949-12-31", peildatum: "2012-01-01" },
  { kosten: "5000", stuks: "5000", geboren: "2012-02-29", peildatum: "2011-08-01" },
  { kosten: "1000.10", stuks: "1000", geboren: "1950-03-01", peildatum: "2012-02-29" },
];

describe("DuckDB error messages: values in Dutch notation as polis run writes them", () => {
  const policy = write("meldingen.polis", POLICY);
  const jsonl = write("meldingen.jsonl", ROWS.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const expected = polis("run", policy, "--input", jsonl);
  const lines = (out: string) => out.trim().split("\n").map((l) => JSON.stringify(JSON.parse(l), (k, v) => (k === "lijn" ? undefined : v)));

  it("polis run itself gives an error on all but the last row (the cases test what they mean to)", () => {
    const out = lines(expected.stdout);
    expect(out).toHaveLength(ROWS.length);
    expect(out.slice(0, -1).every((l) => l.includes('"fout"'))).toBe(true);
    expect(expected.stdout).toContain("€ 1.234.567,05");
    expect(expected.stdout).toContain("€ -12,50");
    expect(expected.stdout).toContain("29 februari 2012");
    expect(out.at(-1)).not.toContain("fout");
  });

  it("from JSONL: line for line the same text", () => {
    const sql = polis("run", policy, "--engine", "duckdb", "--input", jsonl);
    expect(sql.stderr).not.toMatch(/interne fout/);
    expect(lines(sql.stdout)).toEqual(lines(expected.stdout));
  });

  it("from typed Parquet columns (DECIMAL, BIGINT, DATE): the same text", async () => {
    const parquet = path.join(dir, "meldingen.parquet");
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const values = ROWS.map((r) => `(CAST('${r.kosten}' AS DECIMAL(12, 2)), CAST('${r.stuks}' AS BIGINT), DATE '${r.geboren}', DATE '${r.peildatum}')`).join(", ");
    await con.run(`COPY (SELECT * FROM (VALUES ${values}) AS t(kosten, stuks, geboren, peildatum)) TO '${parquet}' (FORMAT PARQUET)`);
    con.closeSync();
    const sql = polis("run", policy, "--engine", "duckdb", "--input", parquet, "--output", path.join(dir, "uit.jsonl"));
    expect(sql.stderr).not.toMatch(/interne fout/);
    expect(lines(fs.readFileSync(path.join(dir, "uit.jsonl"), "utf8"))).toEqual(lines(expected.stdout));
  });
});

describe("polis run --engine duckdb tells the rows with an error on stderr, as the JavaScript path tells its cases", () => {
  const policy = write("positief.polis", 'polis positief "x"\ninvoer\n  x: getal\nvoorwaarde x > 0\nuitvoer\n  y: getal\nregel r (artikel 1):\n  y x * x\n');

  it("a .jsonl input: each failed line by its number, reader errors and voorwaarden alike; exit 2", () => {
    const input = write("positief.jsonl", '{"x":"2"}\n{"x":"twee"}\n\n{"x":"-3"}\n');
    const r = polis("run", policy, "--engine", "duckdb", "--input", input);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('regel 2: fout P0706: `x` is geen geldig getal: "twee"\nregel 4: fout P0714: voorwaarde `x > 0` geldt niet (veld `x`)\n');
  });

  it("a .parquet or .csv output: the row of the output, the first 20, then how many more", async () => {
    const parquet = path.join(dir, "positief.parquet");
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    // Rows 1, 3, 5, …: x = 0 fails the voorwaarde; 30 of 60 rows.
    await con.run(`COPY (SELECT CAST(CASE WHEN i % 2 = 0 THEN 0 ELSE i END AS DECIMAL(12, 2)) AS x FROM range(60) AS t(i)) TO '${parquet}' (FORMAT PARQUET)`);
    con.closeSync();
    for (const ext of ["parquet", "csv"]) {
      const r = polis("run", policy, "--engine", "duckdb", "--input", parquet, "--output", path.join(dir, `positief-uit.${ext}`));
      expect(r.status, ext).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines, ext).toHaveLength(21);
      expect(lines[0], ext).toBe("rij 1: fout P0714: voorwaarde `x > 0` geldt niet (veld `x`)");
      expect(lines[19], ext).toBe("rij 39: fout P0714: voorwaarde `x > 0` geldt niet (veld `x`)");
      expect(lines[20], ext).toBe("… en nog 10 rijen met een fout (30 in totaal; zie de kolom `fout` van de uitvoer)");
    }
  });
});
