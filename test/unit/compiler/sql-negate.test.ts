// compiler/sql/text.ts negateText: NOT written as the opposite comparison
// (DuckDB selects rows on a comparison directly; `NOT (…)` is computed as a
// boolean vector first). Checked for equal three-valued results in DuckDB.

import { describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { negateText } from "../../../compiler/sql/text.js";

describe("negateText", () => {
  it("flips comparisons and applies De Morgan to an OR of comparisons", () => {
    expect(negateText("(q__2 <= q__13)")).toBe("q__2 > q__13");
    expect(negateText("q__35 = 'a' OR q__35 = 'b'")).toBe("(q__35 <> 'a' AND q__35 <> 'b')");
    expect(negateText("(x = 1) OR (y > 2)")).toBe("(x <> 1 AND y <= 2)");
    expect(negateText("a + 1 >= b * 2")).toBe("a + 1 < b * 2");
    expect(negateText("CASE WHEN a = b THEN 1 END = 2")).toBe("CASE WHEN a = b THEN 1 END <> 2");
    expect(negateText("(a = 'x OR y')")).toBe("a <> 'x OR y'");
  });

  it("leaves every other form to NOT (null)", () => {
    for (const s of ["NOT (a = b)", "a = b AND c = d", "a IS NULL", "a = b = c", "(a < b) OR (c IS NULL)", "a LIKE 'x%'", "a BETWEEN 1 AND 2", "a IN (1, 2)", "q__7"]) expect(negateText(s), s).toBeNull();
  });

  it("gives NOT's three-valued result on every combination of values and NULLs", async () => {
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const exprs = ["a <= b", "a < b", "a = b", "a <> b", "a > b OR a = 2", "(a = 1) OR (b >= 2) OR (a < b)"];
    const values = "(VALUES (NULL), (1), (2), (3)) AS v";
    for (const e of exprs) {
      const neg = negateText(e)!;
      const r = await con.runAndReadAll(`SELECT count(*) AS n FROM ${values.replace("v", "x(a)")}, ${values.replace("v", "y(b)")} WHERE (NOT (${e})) IS DISTINCT FROM (${neg})`);
      expect(Number(r.getRowObjectsJS()[0]!.n), e).toBe(0);
    }
    con.closeSync();
  });
});
