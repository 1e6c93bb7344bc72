// Print AST → parse gives the same AST (issue #4): for every policy in the
// repository, and for random expressions built from every form of §6.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "../../compiler/syntax/parse.js";
import { printExpr, printProgram } from "../../compiler/format/print.js";
import { formatSource } from "../../compiler/format/format.js";
import type * as A from "../../compiler/syntax/ast.js";
import { ratFrac, ratInt } from "../../runtime/rational.js";
import type { Span } from "../../runtime/diagnostic.js";
import { polisFilesIn } from "../../cli/io.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

const polisFiles = (dir: string): string[] => polisFilesIn(dir);

/** The AST without what printing legitimately changes: spans and literal spellings. */
function strip(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(strip);
  if (x === null || typeof x !== "object") return x;
  if ("bd" in (x as object)) return String(x); // a Rat: compare by value
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    if (k.toLowerCase().endsWith("span") || k === "text" || k === "file") continue;
    out[k] = strip(v);
  }
  return out;
}

describe("printing a policy and parsing it again gives the same AST", () => {
  const files = [...polisFiles(path.join(ROOT, "test/spec")), ...polisFiles(path.join(ROOT, "policies")), ...polisFiles(path.join(ROOT, "examples"))];
  it("finds policies to check", () => expect(files.length).toBeGreaterThan(3));
  for (const f of files) {
    it(path.relative(ROOT, f), () => {
      const first = parse(fs.readFileSync(f, "utf8"), "a.polis");
      expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const printed = printProgram(first.program!);
      const second = parse(printed, "b.polis");
      expect(second.diagnostics, printed).toEqual([]);
      expect(strip(second.program)).toEqual(strip(first.program));
    });
  }
});

describe("polis fmt", () => {
  const files = [...polisFiles(path.join(ROOT, "test/spec")), ...polisFiles(path.join(ROOT, "policies")), ...polisFiles(path.join(ROOT, "examples"))];
  const commentCount = (t: string) => (t.match(/#[^\n]*/g) ?? []).filter((c) => !/^#[^"]*"/.test(c)).length;
  for (const f of files) {
    it(`keeps the AST and every comment, and is stable: ${path.relative(ROOT, f)}`, () => {
      const text = fs.readFileSync(f, "utf8");
      const formatted = formatSource(text, "a.polis").text!;
      expect(formatted).toBeDefined();
      expect(strip(parse(formatted, "b.polis").program)).toEqual(strip(parse(text, "a.polis").program));
      expect(commentCount(formatted)).toBe(commentCount(text));
      expect(formatSource(formatted, "b.polis").text).toBe(formatted);
    });
  }
});

// ------------------------------------------------------------ random ASTs

const S: Span = { file: "x", start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
const names = ["a", "b", "kosten", "geërfd", "één", "totaal", "periodiek"];
const name = fc.constantFrom(...names);
const rat = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000 }).map((n) => ratInt(n)),
  fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(10, 100, 1000)).map(([n, d]) => ratFrac(n, d)),
);

const leaf: fc.Arbitrary<A.Expr> = fc.oneof(
  rat.map((value) => ({ kind: "Number" as const, value, text: "", span: S })),
  fc.tuple(rat, fc.boolean()).map(([v, n]) => ({ kind: "Money" as const, value: n ? ratFrac(-v.n, v.d) : v, text: "", span: S })),
  name.map((n) => ({ kind: "Name" as const, name: n, span: S })),
  fc.boolean().map((value) => ({ kind: "Bool" as const, value, span: S })),
  fc.string({ maxLength: 6 }).filter((s) => !/[\n\r\u2028\u2029]/.test(s)).map((value) => ({ kind: "Text" as const, value, span: S })),
  fc.integer({ min: -20000, max: 60000 }).map((day) => ({ kind: "Date" as const, day, text: "", span: S })),
);

const { expr } = fc.letrec<{ expr: A.Expr }>((tie) => {
  const e = tie("expr") as fc.Arbitrary<A.Expr>;
  return {
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.tuple(fc.constantFrom<A.ArithOp>("+", "-", "*", "/"), e, e).map(([op, left, right]) => ({ kind: "Arith" as const, op, left, right, opSpan: S, span: S })),
      fc.tuple(fc.constantFrom<A.CompareOp>("=", "<>", "<", "<=", ">", ">="), e, e).map(([op, left, right]) => ({ kind: "Compare" as const, op, left, right, opSpan: S, span: S })),
      fc.tuple(fc.constantFrom<"en" | "of">("en", "of"), e, e).map(([op, left, right]) => ({ kind: "Logic" as const, op, left, right, span: S })),
      e.map((operand) => ({ kind: "Not" as const, operand, span: S })),
      e.map((operand) => ({ kind: "Neg" as const, operand, span: S })),
      fc.tuple(e, fc.constantFrom<A.UnitWord>("dagen", "maand", "jaren", "week")).map(([operand, unit]) => ({ kind: "Unit" as const, operand, unit, span: S })),
      e.map((operand) => ({ kind: "Percent" as const, operand, span: S })),
      fc.tuple(e, name).map(([object, field]) => ({ kind: "Field" as const, object, field, fieldSpan: S, span: S })),
      fc.tuple(name, fc.array(e, { maxLength: 3 })).map(([callee, args]) => ({ kind: "Call" as const, callee, calleeSpan: S, args, span: S })),
      fc.tuple(e, fc.array(e, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([operand, values, negated]) => ({ kind: "In" as const, negated, operand, values, span: S })),
      fc.tuple(e, e, e).map(([operand, low, high]) => ({ kind: "Between" as const, operand, low, high, span: S })),
      fc.tuple(e, fc.constantFrom<A.RoundMode>("half-away", "floor", "ceil"), fc.constantFrom("hele euro", "centen", "decimalen"), fc.integer({ min: 0, max: 6 })).map(
        ([operand, mode, unit, d]) => ({ kind: "Round" as const, operand, mode, unit: unit as "hele euro" | "centen" | "decimalen", decimals: unit === "hele euro" ? 0 : unit === "centen" ? 2 : d, span: S }),
      ),
      fc.tuple(e, e, e).map(([condition, then, els]) => ({ kind: "If" as const, condition, then, else: els, span: S })),
      fc.tuple(fc.constantFrom<"aantal" | "som" | "er is een" | "voor alle">("aantal", "som", "er is een", "voor alle"), name, e, e, e, fc.boolean()).map(
        ([op, variable, list, body, filter, hasFilter]) => {
          const agg: A.Expr = { kind: "Aggregate", op, variable, variableSpan: S, list, span: S };
          if (op === "som") agg.body = body;
          if (hasFilter || op === "voor alle") agg.filter = filter;
          return agg;
        },
      ),
      fc.tuple(e, e, fc.boolean()).map(([from, to, inclusive]) => ({ kind: "Period" as const, from, to, inclusive, span: S })),
    ),
  };
});

describe("random expressions", () => {
  it("print and parse back to the same tree", () => {
    fc.assert(
      fc.property(expr, (e) => {
        const text = `polis t "t"\nbegrip x: getal = ${printExpr(e)}\n`;
        const r = parse(text, "t.polis");
        expect(r.diagnostics, text).toEqual([]);
        const decl = r.program!.declarations[0] as Extract<A.Decl, { kind: "Begrip" }>;
        expect(strip(decl.value)).toEqual(strip(e));
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});
