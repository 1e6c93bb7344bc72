// Differential test of the SQL back end (issue 17): for every policy in the
// repository (policies/**, the test/spec programs), the query run in an
// embedded DuckDB gives, line for line, the JSONL text of the JavaScript path
// on generated cases (the boundary-weighted generators of `polis test`),
// errors included. One query over a 10.000-row table per policy: DuckDB's
// cost is planning the query, not the rows.
// A policy the back end refuses must be refused with P0901 naming the
// construct, and must be in REFUSED (a list that may only shrink).

import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { inputsArbitrary, caseFileOf } from "../../compiler/cases/generators.js";
import { polisFilesIn, readText } from "../../cli/io.js";
import { decideLinesInDuckDb } from "../../cli/engine.js";
import { sqlOf } from "../../cli/sql.js";
import { LONG, runs } from "../budget.js";
import { jsLine } from "./js-line.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CASES = Number(process.env.POLIS_SQL_CASES ?? runs(10_000, 100_000));
// Fewer cases where one case is costly in SQL: periods over decades make
// hundreds of kalendermaanden per case (POLIS_LONG=1 runs them in full).
// verblijf.polis nests aggregations four deep in functions: a 1,5 MB query
// that DuckDB takes ~20 s to plan, and ~50 ms per case.
// feestdagen.polis counts working days over spans of up to two centuries:
// SQL walks every year of a span (about 4 s per 1.000 cases).
const HEAVY: Record<string, number> = { "test/spec/vgz-ggz-verblijf.polis": 2_000, "policies/vgz/2012/verblijf.polis": 200, "test/sql/programs/feestdagen.polis": 2_000 };
const casesFor = (rel: string) => (process.env.POLIS_SQL_CASES || LONG ? CASES : Math.min(CASES, HEAVY[rel] ?? CASES));
const files = [...polisFilesIn(path.join(ROOT, "test/spec")), ...polisFilesIn(path.join(ROOT, "policies")), ...polisFilesIn(path.join(ROOT, "test/sql/programs"))];

/** Policies the SQL back end refuses today, with the construct the P0901 message names. */
export const REFUSED: Record<string, string> = {
};


describe(`SQL in DuckDB equals the JavaScript path (${CASES} cases per policy unless said)`, () => {
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    it(`${rel}${casesFor(rel) !== CASES ? ` (${casesFor(rel)} cases)` : ""}`, async () => {
      const policy = compile(readText(file), rel).policy!;
      const q = sqlOf(policy, rel, { dialect: "duckdb", table: "cases" });
      if (typeof q !== "string") {
        // Refused: at compile time, with P0901 naming the construct, never a wrong number.
        expect(q.error).toBe(`${rel}: fout P0901: ${REFUSED[rel] ?? "(niet in REFUSED)"} kan niet in SQL worden uitgedrukt`);
        return;
      }
      expect(REFUSED[rel], "supported now: remove it from REFUSED").toBeUndefined();
      const module = load(policy);
      const cases = fc.sample(inputsArbitrary(policy), { numRuns: casesFor(rel), seed: 17 }).map((v) => JSON.stringify(caseFileOf(policy.inputs, v)));
      const expected = cases.map((c, i) => jsLine(module, c, i + 1));
      const actual = await decideLinesInDuckDb(policy, rel, cases);
      const diffs: string[] = [];
      for (let i = 0; i < cases.length && diffs.length < 3; i++) {
        if (actual[i] !== expected[i]) diffs.push(`case ${cases[i]}\n  js:  ${expected[i]}\n  sql: ${actual[i]}`);
      }
      expect(diffs.join("\n")).toBe("");
      expect(actual.length).toBe(expected.length);
      // The generated cases reach decisions, not only input errors.
      expect(expected.filter((l) => !l.startsWith('{"fout"')).length).toBeGreaterThan(0);
    });
  }
});
