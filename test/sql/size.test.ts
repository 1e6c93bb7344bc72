// Size and depth of the generated SQL (issue 17): every intermediate value is
// named once, so no repository policy's query grows past a bound (error
// messages used to write their values out at every reference: 1,8 MB for
// one policy), and a chain of dependent operations as deep as the language
// allows runs in DuckDB (levels in blocks past DuckDB's nesting limit).

import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { policyToSql } from "../../compiler/sql/query.js";
import { UnsupportedInSql } from "../../compiler/sql/query.js";
import { polisFilesIn, readText } from "../../cli/io.js";
import { decideLinesInDuckDb } from "../../cli/engine.js";
import { nesting, operand } from "../../compiler/sql/text.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const files = [...polisFilesIn(path.join(ROOT, "policies")), ...polisFilesIn(path.join(ROOT, "test/spec")), ...polisFilesIn(path.join(ROOT, "examples"))];
/** Lists as values are still written inline inside lambdas (compiler/sql/lists.ts). */
// eigen-risico in Spark: every unbounded operation carries its overflow check (P0903, Spark's NULL) — 152 kB.
const LARGE: Record<string, number> = { "policies/vgz/2012/verblijf.polis": 700_000, "policies/vgz/2012/eigen-risico.polis": 170_000, "policies/vgz/2013/eigen-risico.polis": 170_000 };

describe("query size", () => {
  it("every repository policy's query stays under 150 kB in every dialect", () => {
    const over: string[] = [];
    for (const file of files) {
      const rel = path.relative(ROOT, file);
      const policy = compile(readText(file), rel).policy!;
      for (const dialect of ["duckdb", "postgres", "spark"] as const) {
        let q: string;
        try {
          q = policyToSql(policy, { dialect, table: "cases" });
        } catch (e) {
          if (e instanceof UnsupportedInSql) continue;
          throw e;
        }
        if (q.length > (LARGE[rel] ?? 150_000)) over.push(`${rel} ${dialect}: ${q.length}`);
      }
    }
    expect(over).toEqual([]);
  });

  it("parentheses only where an operand needs them", () => {
    expect(operand("q__1", false)).toBe("q__1");
    expect(operand("(a = b)", false)).toBe("(a = b)");
    expect(operand("a = b", false)).toBe("(a = b)");
    expect(operand("(a) + (b)", false)).toBe("((a) + (b))");
    expect(operand("CASE WHEN a THEN 1 END", false)).toBe("CASE WHEN a THEN 1 END");
    expect(operand("CASE WHEN a THEN 1 END", false, "- ")).toBe("(CASE WHEN a THEN 1 END)");
    expect(operand("CASE WHEN a THEN 1 END || CASE WHEN b THEN 2 END", false)).toBe("(CASE WHEN a THEN 1 END || CASE WHEN b THEN 2 END)");
    expect(operand("-1", false)).toBe("(-1)");
    expect(operand("'it''s (' || x", false)).toBe("('it''s (' || x)");
    expect(operand("'it\\'s (' || x", true)).toBe("('it\\'s (' || x)");
    expect(operand("abs(x) + abs(y)", false)).toBe("(abs(x) + abs(y))");
    expect(nesting("a + (b * (c - CASE WHEN d THEN 1 END))")).toBe(3);
  });
});

describe("depth", () => {
  const wrap = (body: string) => `polis diep "Diep"\n\ninvoer\n  x: getal\n\nuitvoer\n  y: getal\n\nregel r (artikel 1):\n  y ${body}\n`;

  it("1000 dependent additions (x + (x + … x)) run in DuckDB as in JavaScript", async () => {
    const source = wrap("(x + ".repeat(1000) + "x" + ")".repeat(1000));
    const policy = compile(source, "diep.polis").policy!;
    const module = load(policy);
    const cases = ['{"x": "1"}', '{"x": "2.5"}', '{"x": "-0.001"}', '{"x": "abc"}'];
    const expected = cases.map((c, i) => {
      try {
        return JSON.stringify(module.evaluateJson(c, i + 1));
      } catch (e) {
        const d = (e as { diagnostic: { code: string; message: string; field?: string; line?: number } }).diagnostic;
        return JSON.stringify({ fout: { code: d.code, bericht: d.message, ...(d.field !== undefined ? { veld: d.field } : {}), lijn: d.line ?? i + 1 } });
      }
    });
    expect(await decideLinesInDuckDb(policy, "diep.polis", cases)).toEqual(expected);
    expect(expected[0]).toBe('{"y":"1001"}');
  }, 120_000);
});
