// A decision table as an ordinary rule (issue 18): the one place that says
// what a `tabel` means. In: a TableDecl. Out: a RuleDecl whose clauses are the
// rows in order: a row's cells joined with `en` are the clause's condition
// (a `-` cell adds nothing), its output cells the assignments; the default
// row (`anders`) is an `anders` clause. A rule applies its first clause that
// holds, which is the hit policy `eerste`; for `uniek` the checker proves that
// at most one row holds (compiler/check/table-cover.ts), so first = only.
// INVARIANT: the clause of row k is clause k; every synthesized node carries
// the span of the cell it came from, so diagnostics point at the cell.

import type { Span } from "../../runtime/diagnostic.js";
import type * as A from "./ast.js";

export function tableToRule(t: A.TableDecl): A.RuleDecl {
  return {
    kind: "Regel",
    name: t.name,
    nameSpan: t.nameSpan,
    articles: t.articles,
    ...(t.exceptionTo ? { exceptionTo: t.exceptionTo } : {}),
    clauses: t.rows.map((row) => rowClause(t, row)),
    span: t.span,
  };
}

function rowClause(t: A.TableDecl, row: A.TableRow): A.Clause {
  const assignments: A.Assignment[] = [];
  t.outputs.forEach((o, k) => {
    const value = row.values[k];
    if (value) assignments.push({ target: o.name, targetSpan: value.span, value, span: value.span });
  });
  if (row.isDefault) return { head: "anders", assignments, span: row.span };
  const tests: A.Expr[] = [];
  t.columns.forEach((c, k) => {
    const cell = row.cells[k];
    if (cell) tests.push(...cellTests(c.name, cell));
  });
  const condition = tests.reduce<A.Expr | undefined>(
    (acc, x) => (acc ? { kind: "Logic", op: "en", left: acc, right: x, span: join(acc.span, x.span) } : x),
    undefined,
  );
  return { head: "indien", condition: condition ?? { kind: "Bool", value: true, span: row.span }, assignments, span: row.span };
}

/** The comparisons one cell stands for (none for `-`). */
export function cellTests(column: string, cell: A.TableCell): A.Expr[] {
  const operand: A.Expr = { kind: "Name", name: column, span: cell.span };
  const compare = (op: A.CompareOp, right: A.Expr): A.Expr => ({ kind: "Compare", op, left: operand, right, opSpan: cell.span, span: cell.span });
  switch (cell.kind) {
    case "Any":
      return [];
    case "Values":
      return cell.values.length === 1 ? [compare("=", cell.values[0]!)] : [{ kind: "In", negated: false, operand, values: cell.values, span: cell.span }];
    case "Compare":
      return [compare(cell.op, cell.value)];
    case "Range": {
      const out: A.Expr[] = [];
      if (cell.min) out.push(compare(">=", cell.min));
      if (cell.max) out.push(compare(cell.maxInclusive ? "<=" : "<", cell.max));
      return out;
    }
  }
}

function join(a: Span, b: Span): Span {
  return { ...a, end: b.end };
}
