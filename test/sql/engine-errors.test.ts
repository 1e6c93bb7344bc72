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

  it("trailing zeros in a .csv number are no digits of its value: a 37-decimal 2.5000…0 % is decided as polis run decides it, not P0902", () => {
    const p = write("nullen.polis", 'polis nn "x"\ninvoer\n  b: bedrag\n  p: percentage\nuitvoer\n  y: bedrag\nregel r (artikel 1):\n  y b * p\n');
    const sql = polis("run", p, "--engine", "duckdb", "--input", write("nullen.csv", `b,p\n1,2.5${"0".repeat(36)}\n100,-0.50\n`));
    const js = polis("run", p, "--input", write("nullen.jsonl", `{"b":"1","p":"2.5${"0".repeat(36)}"}\n{"b":"100","p":"-0.50"}\n`));
    expect(sql.stdout).toBe(js.stdout);
    expect(sql.stdout).toBe('{"y":"0.03"}\n{"y":"-0.50"}\n');
  });

  it("a list of records that hold lists is checked and decided element by element, as polis run does", () => {
    const p = write("nest.polis", 'polis nest "x"\n\ngegevens Regel:\n  bedrag: bedrag vanaf 0\n\ngegevens Nota:\n  regels: lijst van Regel\n\ninvoer\n  notas: lijst van Nota\n\nuitvoer\n  totaal: bedrag\n\nregel r (artikel 1):\n  totaal som van (som van g.bedrag voor g in n.regels) voor n in notas\n');
    const input = write("nest.jsonl", '{"notas":[{"regels":[{"bedrag":"1.50"},{"bedrag":"2"}]},{"regels":[]}]}\n{"notas":[{"regels":[{"bedrag":"-1"}]}]}\n');
    const sql = polis("run", p, "--engine", "duckdb", "--input", input);
    expect(sql.stderr).not.toMatch(/interne fout/);
    expect(sql.stdout).toBe(polis("run", p, "--input", input).stdout);
  });

  it("names that differ only in case are refused for DuckDB and Spark (one column there), never read as one value", () => {
    // DuckDB matched "kosten" and "Kosten" to one column: 1 - 2 came out 0,00.
    const inputs = write("hoofdletters.polis", 'polis h "x"\ninvoer\n  kosten: bedrag\n  Kosten: bedrag\nuitvoer\n  verschil: bedrag\nregel r (artikel 1):\n  verschil kosten - Kosten\n');
    const csv = polis("run", inputs, "--engine", "duckdb", "--input", write("hoofdletters.csv", "kosten,Kosten\n1,2\n"));
    expect(csv.status).toBe(1);
    expect(csv.stdout).toBe("");
    expect(csv.stderr).toContain("fout P0901: een invoer die alleen in hoofdletters van een andere verschilt (`kosten` en `Kosten`");
    for (const dialect of ["duckdb", "spark"]) expect(polis("sql", "--dialect", dialect, inputs).status, dialect).toBe(1);
    expect(polis("sql", "--dialect", "postgres", inputs).status).toBe(0);
    // Outputs: a .csv output with a bad line was an internal error (UNION BY NAME).
    const outputs = write("uitvoer-hoofdletters.polis", 'polis u "x"\ninvoer\n  k: bedrag\nuitvoer\n  totaal: bedrag\n  Totaal: bedrag\nregel r (artikel 1):\n  totaal k, Totaal k * 2\n');
    const r = polis("run", outputs, "--engine", "duckdb", "--input", write("u.jsonl", '{"k":"1"}\n{"k":"x"}\n'), "--output", path.join(dir, "u.csv"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("(`totaal` en `Totaal`: in DuckDB en Spark dezelfde kolom)");
    expect(r.stderr).not.toContain("interne fout");
    const fout = write("fout-uitvoer.polis", 'polis f "x"\ninvoer\n  k: bedrag\nuitvoer\n  Fout: janee\nregel r (artikel 1):\n  Fout k > € 0\n');
    expect(polis("sql", fout).stderr).toContain("(`fout` en `Fout`");
    expect(polis("sql", "--trace", outputs).status).toBe(1);
  });
  it("a periode, record or list column of another shape is bad usage in Dutch (exit 2), not DuckDB's binder error", async () => {
    const p = write("vorm.polis", 'polis v "x"\ngegevens R:\n  d: datum\n  k: bedrag\ninvoer\n  p: periode\n  l: lijst van R\nuitvoer\n  y: bedrag\nregel r (artikel 1):\n  y som van x.k voor x in l\n');
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const good = "{'van': DATE '2012-01-01', 'tot_en_met': DATE '2012-01-31'}";
    const cases: [string, string, string][] = [
      ["tekst", `'2012-01-01' AS p, [{'d': DATE '2012-01-01', 'k': 1.50}] AS l`, "`p` moet een STRUCT(van VARCHAR, tot_en_met VARCHAR) zijn, maar is VARCHAR"],
      ["veld", `${good} AS p, [{'d': DATE '2012-01-01'}] AS l`, "`l[]` mist het veld `k` (STRUCT(d DATE))"],
      ["getallen", `${good} AS p, [1, 2] AS l`, "`l[]` moet een STRUCT"],
    ];
    for (const [name, select, message] of cases) {
      const file = path.join(dir, `vorm-${name}.parquet`);
      await con.run(`COPY (SELECT ${select}) TO '${file}' (FORMAT PARQUET)`);
      const r = polis("run", p, "--engine", "duckdb", "--input", file);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toContain(message);
      expect(r.stderr, name).not.toMatch(/interne fout|Binder Error/);
    }
    const csv = polis("run", p, "--engine", "duckdb", "--input", write("vorm.csv", "p,l\n,\n"));
    expect(csv.status).toBe(2);
    expect(csv.stderr).toContain("een .csv-kolom is tekst: gebruik .parquet of .jsonl");
    const fine = path.join(dir, "vorm-goed.parquet");
    await con.run(`COPY (SELECT ${good} AS p, [{'k': 1.50, 'd': DATE '2012-01-01', 'extra': 1}] AS l) TO '${fine}' (FORMAT PARQUET)`);
    expect(polis("run", p, "--engine", "duckdb", "--input", fine).stdout).toBe('{"y":"1.50"}\n');
    con.closeSync();
  });
  it("a text with a lone surrogate (valid JSON, no UTF-8) is an error for its line (P0904, exit 1), not an internal error for the whole table", () => {
    const p = write("tekst.polis", 'polis t "x"\ninvoer\n  t: tekst\nuitvoer\n  u: tekst\nregel r (artikel 1):\n  u t\n');
    const r = polis("run", p, "--engine", "duckdb", "--input", write("surrogaat.jsonl", '{"t":"a\\ud800"}\n{"t":"\\ud83d\\ude00 \\u0000 \\"\\\\"}\n'));
    expect(r.stderr).not.toContain("interne fout");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      '{"fout":{"code":"P0904","bericht":"`t` bevat een teken dat geen Unicode is (de losse surrogaat \\\\ud800): een database kan die tekst niet opslaan","veld":"t","lijn":1}}\n' +
        '{"u":"😀 \\u0000 \\"\\\\"}\n',
    );
  });
  it("a DATE column outside the years 1 to 9999 (year 0, 10000, infinity) is P0707 for its row, never decided or an internal error", async () => {
    const p = write("datum.polis", 'polis d "x"\ninvoer\n  d: datum\nuitvoer\n  e: datum\n  j: aantal\nregel r (artikel 1):\n  e d + 1 dag, j jaar_van(d)\n');
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const file = path.join(dir, "datums.parquet");
    // Before: year 0 was decided (jaar_van 0), 10000 was P0810, infinity an internal error for the whole table.
    await con.run(`COPY (SELECT * FROM (VALUES (1, DATE '0001-01-01' - 1), (2, DATE '10000-01-01'), (3, 'infinity'::DATE), (4, DATE '2012-02-29')) t(i, d) ORDER BY i) TO '${file}' (FORMAT PARQUET)`);
    con.closeSync();
    const r = polis("run", p, "--engine", "duckdb", "--input", file);
    expect(r.stderr).not.toContain("interne fout");
    expect(r.stdout.trim().split("\n")).toEqual([
      '{"fout":{"code":"P0707","bericht":"`d` is geen geldige datum: \\"0001-12-31 (BC)\\"","veld":"d"}}',
      '{"fout":{"code":"P0707","bericht":"`d` is geen geldige datum: \\"10000-01-01\\"","veld":"d"}}',
      '{"fout":{"code":"P0707","bericht":"`d` is geen geldige datum: \\"infinity\\"","veld":"d"}}',
      '{"e":"2012-03-01","j":2012}',
    ]);
  });
  it("a DECIMAL(38, s) column with many decimals is read exactly, or P0902 for its row, never an overflow of the whole table", async () => {
    const p = write("decimalen.polis", 'polis dec "x"\ninvoer\n  g: getal\n  p: percentage\nuitvoer\n  z: getal\nregel r (artikel 1):\n  z g * 3 + p * 2\n');
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    // (x - trunc(x)) * 10^30 overflowed DuckDB's DECIMAL(38) for every row.
    const wide = path.join(dir, "decimalen.parquet");
    await con.run(`COPY (SELECT * FROM (VALUES (1, CAST('-12.5' AS DECIMAL(38, 30)), CAST('2.5' AS DECIMAL(9, 4))), (2, CAST('0.000000000000000000000000000001' AS DECIMAL(38, 30)), CAST('0' AS DECIMAL(9, 4)))) t(i, g, p) ORDER BY i) TO '${wide}' (FORMAT PARQUET)`);
    // A percentage of 37 decimals has a denominator (10^39) past HUGEINT: P0902 for the row, as for its text.
    const pct = path.join(dir, "procenten.parquet");
    await con.run(`COPY (SELECT CAST('1' AS DECIMAL(9, 4)) AS g, CAST('0.1234567890123456789012345678901234567' AS DECIMAL(38, 37)) AS p) TO '${pct}' (FORMAT PARQUET)`);
    con.closeSync();
    const a = polis("run", p, "--engine", "duckdb", "--input", wide);
    expect(a.stderr).not.toMatch(/interne fout|tussenwaarde/);
    expect(a.stdout).toBe('{"z":"-37.45"}\n{"z":"0.000000000000000000000000000003"}\n');
    const b = polis("run", p, "--engine", "duckdb", "--input", pct);
    expect(b.stderr).not.toMatch(/interne fout|tussenwaarde/);
    expect(b.stdout).toBe('{"fout":{"code":"P0902","bericht":"`p` heeft meer cijfers dan SQL exact kan rekenen (38): 0.1234567890123456789012345678901234567","veld":"p"}}\n');
  });
});
