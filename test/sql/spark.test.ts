// The Spark dialect (issue 17): Spark cannot run here. Every repository
// policy's Spark query is made (or refused with P0901 naming the construct)
// and checked for what Spark SQL cannot read (another dialect's functions or
// operators, unbalanced parentheses or quotes, a binary minus before CASE,
// which the SparkSQL grammar refuses). A Spark SQL parser (dt-sql-parser's
// SparkSQL grammar) reads, in `npm test`, the queries of PARSED (about 15 s
// in all: the parser takes 3–45 s for 5–25 kB of nested SQL on this
// machine, minutes for the largest, so the whole set does not fit the ~60 s
// budget) and of a small program that holds every construct the parser once
// refused; with POLIS_LONG=1 it reads every query. Golden files pin two
// queries (lists included).

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SparkSQL } from "dt-sql-parser";
import { compile } from "../../compiler/pipeline.js";
import { policyToSql } from "../../compiler/sql/query.js";
import { polisFilesIn, readText } from "../../cli/io.js";
import { sqlOf } from "../../cli/sql.js";
import { LONG } from "../budget.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const files = [...polisFilesIn(path.join(ROOT, "test/spec")), ...polisFilesIn(path.join(ROOT, "policies")), ...polisFilesIn(path.join(ROOT, "test/sql/programs"))];
const parser = new SparkSQL();
const SPARK_REFUSED: Record<string, string> = {};
/** The queries parsed in `npm test` (all of them with POLIS_LONG=1): small, and dates, records and lists among them. */
const PARSED = new Set(["test/spec/minimaal.polis", "policies/onvz/2015/medisch-specialistische-revalidatie.polis", "test/spec/vgz-ziekenvervoer.polis"]);
/** Dates (civil_from_days), leeftijd_op and Koningsdag: each wrote `y - CASE …`, which the SparkSQL grammar refuses. */
const MINUS_CASE = `polis minteken "Aftrekken voor CASE"
invoer
  geboren: datum
  peildatum: datum
uitvoer
  leeftijd: aantal
  feest: janee
  einde: datum
regel r (artikel 1):
  leeftijd leeftijd_op(geboren, peildatum)
  feest feestdag_nl(peildatum)
  einde einde_van_jaar(peildatum)
`;

/** What only DuckDB or PostgreSQL read, or text that cannot be SQL at all. */
function notSpark(q: string): string[] {
  const problems: string[] = [];
  const code = q.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/`[^`]*`/g, "x");
  if ((q.match(/'/g)?.length ?? 0) % 2 !== 0 && /'(?:[^'\\]|\\.)*$/.test(q)) problems.push("an open quote");
  let depth = 0;
  for (const ch of code) {
    depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
    if (depth < 0) problems.push("a `)` without `(`");
  }
  if (depth !== 0) problems.push("unbalanced parentheses");
  for (const bad of ["list_", "struct_extract", "::", "->>", "#>>", "jsonb", "HUGEINT", "NUMERIC", "regexp_full_match", "//", "{'"]) {
    if (code.includes(bad)) problems.push(`\`${bad}\``);
  }
  // `y - CASE …`: dt-sql-parser's SparkSQL grammar reads it as an error (`y - (CASE …)` and `-CASE` pass).
  if (/[\w)`\]]\s*-\s*CASE\b/.test(code)) problems.push("a binary minus before CASE");
  return [...new Set(problems)];
}

describe("Spark SQL", () => {
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    it(`${rel}: the query is Spark SQL${LONG || PARSED.has(rel) ? " (parsed)" : ""}`, () => {
      const policy = compile(readText(file), rel).policy!;
      const q = sqlOf(policy, rel, { dialect: "spark", table: "cases" });
      if (typeof q !== "string") {
        expect(q.error).toBe(`${rel}: fout P0901: ${SPARK_REFUSED[rel] ?? "(niet in SPARK_REFUSED)"} kan niet in SQL worden uitgedrukt`);
        return;
      }
      expect(SPARK_REFUSED[rel], "supported now: remove it from SPARK_REFUSED").toBeUndefined();
      expect(q.startsWith("SELECT ")).toBe(true);
      expect(notSpark(q)).toEqual([]);
      if (LONG || PARSED.has(rel)) {
        expect(parser.validate(q).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`)).toEqual([]);
      }
    });
  }

  it("dates, leeftijd_op and feestdag_nl: the query is Spark SQL (parsed)", () => {
    const q = policyToSql(compile(MINUS_CASE, "minteken.polis").policy!, { dialect: "spark", table: "cases" });
    expect(notSpark(q)).toEqual([]);
    expect(parser.validate(q).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`)).toEqual([]);
  });

  it("the checks can fail", () => {
    expect(parser.validate("SELECT ((1 FROM cases").length).toBeGreaterThan(0);
    expect(parser.validate("SELECT y - CASE WHEN a THEN 1 ELSE 0 END FROM cases").length).toBeGreaterThan(0);
    expect(notSpark("SELECT list_min(x) FROM (SELECT 1")).toEqual(["unbalanced parentheses", "`list_`"]);
    expect(notSpark("SELECT y - CASE WHEN a THEN 1 ELSE 0 END, y - (CASE WHEN a THEN 1 END), -CASE WHEN a THEN 1 END FROM cases")).toEqual(["a binary minus before CASE"]);
  });

  for (const [rel, golden] of [["test/spec/minimaal.polis", "minimaal.spark.sql"], ["test/sql/programs/lijsten.polis", "lijsten.spark.sql"]] as const) {
    it(`${rel} matches its golden file`, () => {
      const q = policyToSql(compile(readText(path.join(ROOT, rel)), rel).policy!, { dialect: "spark", table: "claims" });
      const file = path.join(ROOT, "test/sql/golden", golden);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, q);
      expect(q).toBe(fs.readFileSync(file, "utf8"));
    });
  }
});
