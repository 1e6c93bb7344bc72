// The SQL back end on typed columns (issue 17, speed): a Parquet table with
// DATE, DECIMAL, BIGINT and BOOLEAN columns takes the narrow-integer path of
// compiler/sql/num.ts (DuckDB BIGINT where the column types bound the
// values, HUGEINT beyond). Its results must equal the JavaScript path's on
// generated cases, as the .jsonl path's do (test/sql/duckdb.test.ts).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DuckDBInstance } from "@duckdb/node-api";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { inputsArbitrary, caseFileOf } from "../../compiler/cases/generators.js";
import type { Policy, Type } from "../../compiler/ir/ir.js";
import { polisFilesIn, readText } from "../../cli/io.js";
import { runEngine } from "../../cli/engine.js";
import { jsLine } from "./js-line.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CASES = Number(process.env.POLIS_SQL_CASES ?? 200);

/** Column type, and the text shape a value must have to be held by it exactly. */
function column(t: Type, wide: boolean): { sql: string; shape: string } | null {
  switch (t.k) {
    case "bedrag": return wide ? { sql: "DECIMAL(38, 2)", shape: "-?[0-9]{1,36}(\\.[0-9]{1,2})?" } : { sql: "DECIMAL(12, 2)", shape: "-?[0-9]{1,10}(\\.[0-9]{1,2})?" };
    case "aantal": return wide ? { sql: "HUGEINT", shape: "-?[0-9]{1,38}" } : { sql: "INTEGER", shape: "-?[0-9]{1,9}" };
    case "getal": case "percentage": return wide ? { sql: "DECIMAL(38, 10)", shape: "-?[0-9]{1,28}(\\.[0-9]{1,10})?" } : { sql: "DECIMAL(18, 6)", shape: "-?[0-9]{1,12}(\\.[0-9]{1,6})?" };
    case "datum": return { sql: "DATE", shape: "[0-9]{4}-[0-9]{2}-[0-9]{2}" };
    case "janee": return { sql: "BOOLEAN", shape: "true|false" };
    case "tekst": case "soort": return { sql: "VARCHAR", shape: "(.|\\n)*" };
    default: return null;
  }
}



type Case = Record<string, unknown>;

/** Write the cases as a typed Parquet table, decide it with --engine duckdb, and list where it differs from the JavaScript path. */
async function compareTyped(policy: Policy, rel: string, module: ReturnType<typeof load>, fits: Case[], columns: { name: string; sql: string }[], text: (c: Case) => Record<string, string>): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-sql-typed-"));
  try {
    const jsonl = path.join(dir, "cases.jsonl");
    fs.writeFileSync(jsonl, fits.map((c) => JSON.stringify(text(c))).join("\n") + "\n");
    const parquet = path.join(dir, "cases.parquet");
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const spec = columns.map((c) => `'${c.name}': 'VARCHAR'`).join(", ");
    const select = columns.map((c) => `CAST("${c.name}" AS ${c.sql}) AS "${c.name}"`).join(", ");
    await con.run(`COPY (SELECT ${select} FROM read_json('${jsonl}', format = 'newline_delimited', columns = {${spec}})) TO '${parquet}' (FORMAT PARQUET)`);
    con.closeSync();
    const out = path.join(dir, "out.jsonl");
    await runEngine(policy, rel, { engine: "duckdb", input: parquet, output: out, tell: () => {} });
    const actual = fs.readFileSync(out, "utf8").split("\n").filter((l) => l !== "");
    const diffs: string[] = [];
    fits.forEach((c, i) => {
      const expected = jsLine(module, JSON.stringify(c));
      if (actual[i] !== expected && diffs.length < 3) diffs.push(`case ${JSON.stringify(c)}\n  js:  ${expected}\n  sql: ${actual[i]}`);
    });
    if (actual.length !== fits.length) diffs.push(`${actual.length} lines for ${fits.length} cases`);
    return diffs.join("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("SQL on typed Parquet columns equals the JavaScript path", () => {
  for (const file of polisFilesIn(path.join(ROOT, "test/spec"))) {
    const rel = path.relative(ROOT, file);
    for (const wide of [false, true]) {
      it(`${rel} (${wide ? "wide" : "narrow"} columns)`, async () => {
        const policy = compile(readText(file), rel).policy!;
        const columns = policy.inputs.map((i) => ({ name: i.name, col: column(i.type, wide) }));
        if (columns.some((c) => c.col === null)) return;
        // Wide and narrow differ only for number columns.
        if (wide && !policy.inputs.some((i) => ["bedrag", "aantal", "getal", "percentage"].includes(i.type.k))) return;
        const module = load(policy);
        const cases = fc.sample(inputsArbitrary(policy), { numRuns: CASES, seed: 23 }).map((v) => caseFileOf(policy.inputs, v));
        const text = (c: Record<string, unknown>) => Object.fromEntries(Object.entries(c).map(([k, x]) => [k, typeof x === "string" ? x : JSON.stringify(x)]));
        // Keep the cases every column holds exactly (a DECIMAL(12, 2) cannot hold 1e15).
        const fits = cases.filter((c) => {
          const t = text(c);
          return columns.every((col) => t[col.name] === undefined || new RegExp(`^(${col.col!.shape})$`).test(t[col.name]!));
        });
        expect(fits.length).toBeGreaterThan(CASES / 4);
        const diffs = await compareTyped(policy, rel, module, fits, columns.map((c) => ({ name: c.name, sql: c.col!.sql })), text);
        expect(diffs).toBe("");
      }, 120_000);
    }
  }

  it("amounts near the 64-bit limits of DECIMAL(18, 2) columns (the exact text past 10^16 euro)", async () => {
    const rel = "test/spec/vgz-eigen-risico.polis";
    const policy = compile(readText(path.join(ROOT, rel)), rel).policy!;
    const base = { geboortedatum: "1970-03-12", polis_start: "2012-01-01", polis_eind: "2012-06-30", vrijwillig_eigen_risico: "500", zorgsoort: "ziekenhuis" };
    const cases = ["9999999999999999.99", "9999999999999999.98", "1234567890123456.78", "0.01", "0", "-0.01", "-9999999999999999.99"].map((kosten) => ({ ...base, kosten }));
    const columns = policy.inputs.map((i) => ({ name: i.name, sql: i.type.k === "bedrag" ? "DECIMAL(18, 2)" : column(i.type, false)!.sql }));
    const diffs = await compareTyped(policy, rel, load(policy), cases, columns, (c) => c as Record<string, string>);
    expect(diffs).toBe("");
  }, 120_000);
});
