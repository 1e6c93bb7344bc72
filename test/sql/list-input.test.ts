// Bad elements of a list-of-records input read from Parquet (issue 17): a
// missing field, a value of the wrong kind, a value outside its beperking, a
// NULL element. `polis run --engine duckdb` must give, per row, the P07xx
// code, Dutch message and field (`behandelingen[2].kosten`) the JavaScript
// path gives for the same case as JSON.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { runEngine } from "../../cli/engine.js";
import { jsLine } from "./js-line.js";

const SOURCE = `polis lijstinvoer "Een lijst van gegevens als invoer"
  versie 2012

soort Soort: consult, controle

gegevens Behandeling:
  kosten: bedrag vanaf 0 tot en met 1000
  datum: datum vanaf 1 januari 2000
  soort: Soort
  sessies: aantal optioneel

invoer
  behandelingen: lijst van Behandeling
  peildatum: datum

uitvoer
  totaal: bedrag
  aantal_consulten: aantal

regel totaal (artikel 1):
  totaal som van b.kosten voor b in behandelingen
  aantal_consulten aantal b in behandelingen waarvoor b.soort = consult
`;

const ok = (kosten: unknown, extra: Record<string, unknown> = {}) => ({ kosten, datum: "2012-01-01", soort: "consult", sessies: 2, ...extra });

/** Cases as JSON (the JavaScript path's input); a field left out is a NULL in Parquet. */
const CASES: Record<string, unknown>[] = [
  { behandelingen: [ok("10.00"), ok("5", { soort: "controle", sessies: undefined })], peildatum: "2012-02-01" },
  { behandelingen: [ok("10.00"), ok("5"), { datum: "2012-01-01", soort: "consult", sessies: 1 }], peildatum: "2012-02-01" },
  { behandelingen: [ok("10.00"), ok("1500")], peildatum: "2012-02-01" },
  { behandelingen: [ok("-0.01")], peildatum: "2012-02-01" },
  { behandelingen: [ok("10.00", { soort: "spoed" })], peildatum: "2012-02-01" },
  { behandelingen: [ok("abc")], peildatum: "2012-02-01" },
  { behandelingen: [ok("1.00"), null], peildatum: "2012-02-01" },
  { behandelingen: [ok("1.005")], peildatum: "2012-02-01" },
  { behandelingen: [ok("1.00", { sessies: -2 })], peildatum: "2012-02-01" },
  { behandelingen: [ok("1.00", { datum: "1999-12-31" })], peildatum: "2012-02-01" },
  { behandelingen: [ok("1.00", { datum: undefined })], peildatum: "2012-02-01" },
  { behandelingen: [], peildatum: "2012-02-01" },
  { behandelingen: [ok("1.00")] },
];


describe("bad list elements from Parquet get the JavaScript path's P07xx error and field", () => {
  it("per row, in DuckDB", async () => {
    const rel = "lijstinvoer.polis";
    const policy = compile(SOURCE, rel).policy!;
    const module = load(policy);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-sql-list-"));
    try {
      const jsonl = path.join(dir, "cases.jsonl");
      fs.writeFileSync(jsonl, CASES.map((c) => JSON.stringify(c)).join("\n") + "\n");
      const parquet = path.join(dir, "cases.parquet");
      const con = await (await DuckDBInstance.create(":memory:")).connect();
      const element = "STRUCT(kosten VARCHAR, datum DATE, soort VARCHAR, sessies INTEGER)";
      await con.run(
        `COPY (SELECT * FROM read_json('${jsonl}', format = 'newline_delimited', columns = {'behandelingen': '${element}[]', 'peildatum': 'DATE'})) TO '${parquet}' (FORMAT PARQUET)`,
      );
      con.closeSync();
      const out = path.join(dir, "out.jsonl");
      await runEngine(policy, rel, { engine: "duckdb", input: parquet, output: out, tell: () => {} });
      const actual = fs.readFileSync(out, "utf8").split("\n").filter((l) => l !== "");
      const expected = CASES.map((c) => jsLine(module, JSON.stringify(c)));
      expect(actual).toEqual(expected);
      // The cases reach every kind of element error, and a decision.
      const codes = new Set(expected.map((l) => (JSON.parse(l) as { fout?: { code: string } }).fout?.code ?? "ok"));
      expect([...codes].sort()).toEqual(["P0704", "P0705", "P0706", "P0708", "P0709", "P0710", "P0711", "ok"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("a number with more digits than DuckDB's exact integers hold", () => {
  it("is an error for its row (P0902), not a NULL or a wrong number; the other rows are decided", async () => {
    const source = `polis groot "Groot"\n  versie 2012\n\ninvoer\n  x: bedrag\n\nuitvoer\n  y: bedrag\n\nregel r (artikel 1):\n  y x * 2\n`;
    const policy = compile(source, "groot.polis").policy!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-sql-big-"));
    try {
      const input = path.join(dir, "cases.jsonl");
      const big = `1${"0".repeat(40)}.00`;
      fs.writeFileSync(input, `{"x":"${big}"}\n{"x":"12.00"}\n`);
      const out = path.join(dir, "out.jsonl");
      await runEngine(policy, "groot.polis", { engine: "duckdb", input, output: out, tell: () => {} });
      expect(fs.readFileSync(out, "utf8").split("\n").filter((l) => l !== "")).toEqual([
        JSON.stringify({ fout: { code: "P0902", bericht: `\`x\` heeft meer cijfers dan SQL exact kan rekenen (38): ${big}`, veld: "x", lijn: 1 } }),
        JSON.stringify({ y: "24.00" }),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
