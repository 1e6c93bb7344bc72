// `polis run --engine duckdb` on bad files and on values past DuckDB's exact
// integers, through the real CLI: a Dutch message and a distinct exit code,
// never "interne fout", a stack trace or a wrong number (issue 17, found by
// the hold-out policies of test/sql/holdout/).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-engine-errors-"));
const polis = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/polis.js"), ...args], { cwd: ROOT, encoding: "utf8" });
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const policy = write(
  "kwadraat.polis",
  'polis kwadraat "Kwadraat"\ninvoer\n  x: getal\nuitvoer\n  y: getal\nregel r (artikel 1):\n  y x * x\n',
);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("polis run --engine duckdb: bad files and overflow", () => {
  it("a .parquet input that is not Parquet is bad usage (exit 2), in Dutch", () => {
    const r = polis("run", policy, "--engine", "duckdb", "--input", write("kapot.parquet", "geen parquet\n"));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("is geen leesbaar parquet-bestand");
    expect(r.stderr).not.toContain("interne fout");
  });

  it("an --output in a folder that does not exist is bad usage (exit 2), for every output format", () => {
    const input = write("een.jsonl", '{"x": 2}\n');
    for (const ext of ["jsonl", "csv", "parquet"]) {
      const r = polis("run", policy, "--engine", "duckdb", "--input", input, "--output", path.join(dir, "bestaat-niet", `uit.${ext}`));
      expect(r.status, ext).toBe(2);
      expect(r.stderr, ext).toContain("bestaat niet");
      expect(r.stderr, ext).not.toMatch(/interne fout|    at /);
    }
  });

  it("a .jsonl input's bad lines keep their row, in line order, in a .csv or .parquet output", async () => {
    const input = write("met-fout.jsonl", '{"x": "2"}\n{"x": "twee"}\n{"x": "3"}\n');
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    for (const ext of ["csv", "parquet"]) {
      const out = path.join(dir, `met-fout.${ext}`);
      const r = polis("run", policy, "--engine", "duckdb", "--input", input, "--output", out);
      expect(r.status, ext).toBe(2);
      const read = ext === "csv" ? `read_csv('${out}', header = true, all_varchar = true)` : `read_parquet('${out}')`;
      const rows = (await con.runAndReadAll(`SELECT CAST(y AS VARCHAR) AS y, fout FROM ${read}`)).getRowObjectsJS();
      expect(rows, ext).toEqual([
        { y: "4", fout: null },
        { y: null, fout: '{"code":"P0706","bericht":"`x` is geen geldig getal: \\"twee\\"","veld":"x"}' },
        { y: "9", fout: null },
      ]);
    }
    con.closeSync();
  });

  it("an aantal output keeps every digit in a Parquet output (DECIMAL(38, 0), not a DOUBLE)", async () => {
    const telling = write("telling.polis", 'polis telling "Telling"\ninvoer\n  n: aantal\nuitvoer\n  m: aantal\nregel r (artikel 1):\n  m n + 1\n');
    const out = path.join(dir, "telling.parquet");
    const r = polis("run", telling, "--engine", "duckdb", "--input", write("telling.csv", "n\n18446744073709551615\n2\n"), "--output", out);
    expect(r.status).toBe(0);
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const rows = (await con.runAndReadAll(`SELECT CAST(m AS VARCHAR) AS m FROM read_parquet('${out}')`)).getRowObjectsJS();
    con.closeSync();
    expect(rows).toEqual([{ m: "18446744073709551616" }, { m: "3" }]);
  });

  it("a value past HUGEINT is an error in Dutch (exit 1), never a wrong number or an internal error", () => {
    // 10^25 squared is 10^50: exact in the JavaScript path, past DuckDB's 38 digits.
    const input = write("groot.csv", "x\n2\n10000000000000000000000000\n");
    const js = polis("run", policy, "--input", write("groot.jsonl", '{"x": "2"}\n{"x": "10000000000000000000000000"}\n'));
    expect(js.stdout.split("\n")[1]).toBe(`{"y":"1${"0".repeat(50)}"}`);
    const r = polis("run", policy, "--engine", "duckdb", "--input", input);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/interne fout|    at /);
    // This row's own error (P0903, test/sql/overflow.test.ts), the other row decided: never the whole table lost.
    const lines = r.stdout.split("\n").filter((l) => l !== "");
    expect(lines[0]).toBe('{"y":"4"}');
    expect(lines[1]).toMatch(/^\{"fout":\{"code":"P0903","bericht":"de uitkomst van een vermenigvuldiging in regel `r` \(artikel 1\) heeft meer cijfers dan SQL exact kan rekenen \(38\)"/);
  });

  it("a duur from a Parquet struct is checked as polis run checks it: one unit, a whole number, not too large (never a wrong date)", async () => {
    const durPolicy = write("duur.polis", 'polis d "Duur"\ninvoer\n  start: datum\n  wachttijd: duur\nuitvoer\n  eind: datum\nregel r (artikel 1):\n  eind start + wachttijd\n');
    const values: [string, string][] = [
      ["{'dagen': '1', 'maanden': '1'}", '{"dagen": 1, "maanden": 1}'],
      ["{'dagen': '1.5', 'maanden': NULL}", '{"dagen": "1.5"}'],
      ["{'dagen': NULL, 'maanden': NULL}", "{}"],
      ["{'dagen': 'x', 'maanden': NULL}", '{"dagen": "x"}'],
      ["{'dagen': NULL, 'maanden': '3'}", '{"maanden": "3"}'],
      ["{'dagen': '-2', 'maanden': NULL}", '{"dagen": "-2"}'],
      ["{'dagen': '99999999999999999999', 'maanden': NULL}", '{"dagen": "99999999999999999999"}'],
      ["{'dagen': '2.0', 'maanden': NULL}", '{"dagen": "2.0"}'],
    ];
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const parquet = path.join(dir, "duur.parquet");
    const rows = values.map(([v]) => `SELECT DATE '2012-01-31' AS start, CAST(${v} AS STRUCT(dagen VARCHAR, maanden VARCHAR)) AS wachttijd`);
    await con.run(`COPY (${rows.join(" UNION ALL ")}) TO '${parquet}' (FORMAT PARQUET)`);
    const sql = polis("run", durPolicy, "--engine", "duckdb", "--input", parquet);
    const js = polis("run", durPolicy, "--input", write("duur.jsonl", values.map(([, j]) => `{"start": "2012-01-31", "wachttijd": ${j}}`).join("\n") + "\n"));
    expect(sql.stderr).not.toMatch(/interne fout/);
    const lines = (out: string) => out.trim().split("\n").map((l) => JSON.stringify(JSON.parse(l), (k, v) => (k === "lijn" ? undefined : v)));
    expect(lines(sql.stdout)).toEqual(lines(js.stdout));
    expect(lines(sql.stdout).filter((l) => l.includes('"fout"'))).toHaveLength(5);
  });

  it("a leeftijd_op before the birth date gives polis run's P0805 text, with both dates", () => {
    const p = write("p0805.polis", 'polis p0805 "x"\ninvoer\n  geboortedatum: datum\n  peildatum: datum\nuitvoer\n  leeftijd: aantal\nregel r (artikel 1):\n  leeftijd leeftijd_op(geboortedatum, peildatum)\n');
    const input = write("p0805.jsonl", '{"geboortedatum":"2013-12-21","peildatum":"2012-01-01"}\n{"geboortedatum":"2000-02-29","peildatum":"2012-02-28"}\n');
    const sql = polis("run", p, "--engine", "duckdb", "--input", input);
    expect(sql.stdout).toBe(polis("run", p, "--input", input).stdout);
    expect(sql.stdout).toContain("de geboortedatum 21 december 2013 ligt na 1 januari 2012");
  });

  it("a number with leading zeros in a .csv cell is refused as polis run refuses it (never decided as 7)", () => {
    const p = write("nul.polis", 'polis c "x"\ninvoer\n  n: aantal\nuitvoer\n  y: aantal\nregel r (artikel 1):\n  y n\n');
    const sql = polis("run", p, "--engine", "duckdb", "--input", write("nul.csv", "n\n007\n-0\n10\n"));
    const js = polis("run", p, "--input", write("nul.jsonl", '{"n":"007"}\n{"n":"-0"}\n{"n":"10"}\n'));
    const lines = (out: string) => out.trim().split("\n").map((l) => JSON.stringify(JSON.parse(l), (k, v) => (k === "lijn" ? undefined : v)));
    expect(lines(sql.stdout)).toEqual(lines(js.stdout));
    expect(sql.stdout).toContain('"code":"P0706"');
  });

  it("a list of records that hold lists is checked and decided element by element, as polis run does", () => {
    const p = write("nest.polis", 'polis nest "x"\n\ngegevens Regel:\n  bedrag: bedrag vanaf 0\n\ngegevens Nota:\n  regels: lijst van Regel\n\ninvoer\n  notas: lijst van Nota\n\nuitvoer\n  totaal: bedrag\n\nregel r (artikel 1):\n  totaal som van (som van g.bedrag voor g in n.regels) voor n in notas\n');
    const input = write("nest.jsonl", '{"notas":[{"regels":[{"bedrag":"1.50"},{"bedrag":"2"}]},{"regels":[]}]}\n{"notas":[{"regels":[{"bedrag":"-1"}]}]}\n');
    const sql = polis("run", p, "--engine", "duckdb", "--input", input);
    expect(sql.stderr).not.toMatch(/interne fout/);
    expect(sql.stdout).toBe(polis("run", p, "--input", input).stdout);
  });
});

