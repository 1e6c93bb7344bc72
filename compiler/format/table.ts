// `polis fmt` for decision tables and values by date (issue 18): a table is
// printed as a table, its columns padded to one width, the condition columns
// and the output columns separated by `||`; a value by date prints each
// period on its own line when the declaration does not fit on one.

import type * as A from "../syntax/ast.js";
import { formatDutchDate } from "../../runtime/calendar.js";

type PrintExpr = (e: A.Expr, level?: number) => string;
type PrintArticles = (as: readonly A.Article[]) => string;

export function printCell(cell: A.TableCell, printExpr: PrintExpr): string {
  switch (cell.kind) {
    case "Any":
      return "-";
    case "Values":
      return cell.values.length === 1 ? printExpr(cell.values[0]!, 7) : `{${cell.values.map((v) => printExpr(v, 7)).join(", ")}}`;
    case "Compare":
      return `${cell.op} ${printExpr(cell.value, 7)}`;
    case "Range": {
      const max = cell.max ? `${cell.maxInclusive ? "tot en met" : "tot"} ${printExpr(cell.max, 7)}` : "";
      return cell.min ? `vanaf ${printExpr(cell.min, 7)}${max ? ` ${max}` : ""}` : max;
    }
  }
}

export function printTable(t: A.TableDecl, printExpr: PrintExpr, printArticles: PrintArticles): string {
  const exceptions = t.exceptionTo ? ` uitzondering op ${t.exceptionTo.map((x) => x.name).join(", ")}` : "";
  const head = `tabel ${t.name}${printArticles(t.articles)}${exceptions} ${t.hitPolicy}:`;
  const n = t.columns.length;
  const rows: { cells: string[]; values: string[]; isDefault: boolean; tail: string }[] = [
    { cells: t.columns.map((c) => c.name), values: t.outputs.map((o) => o.name), isDefault: false, tail: "" },
    ...t.rows.map((r) => ({
      cells: r.cells.map((c) => printCell(c, printExpr)),
      values: r.values.map((v) => printExpr(v)),
      isDefault: r.isDefault,
      tail: printArticles(r.articles),
    })),
  ];
  const width = (k: number, pick: (r: (typeof rows)[number]) => string[]) =>
    Math.max(...rows.map((r) => (r.isDefault ? 0 : (pick(r)[k] ?? "").length)));
  const cw = Array.from({ length: n }, (_, k) => width(k, (r) => r.cells));
  const vw = Array.from({ length: t.outputs.length }, (_, k) => width(k, (r) => r.values));
  // The conditions of a default row span all condition columns: `| anders` padded to their width.
  const span = cw.reduce((a, w) => a + w + 3, 0) - 3;
  const lines = rows.map((r) => {
    const left = r.isDefault ? `anders${" ".repeat(Math.max(0, span - 6))}` : r.cells.map((c, k) => c.padEnd(cw[k] ?? 0)).join(" | ");
    const right = r.values.map((v, k) => v.padEnd(vw[k] ?? 0)).join(" | ");
    return `  | ${left} || ${right} |${r.tail}`.trimEnd();
  });
  return [head, ...lines].join("\n");
}

/** `€ 220 vanaf 1 januari 2012`, `€ 350 van 1 januari 2013 tot en met 31 december 2013`. */
export function printPeriod(p: A.DatedPeriod, printExpr: PrintExpr): string {
  const when =
    p.through === undefined ? `vanaf ${formatDutchDate(p.from)}` : `van ${formatDutchDate(p.from)} tot en met ${formatDutchDate(p.through)}`;
  return `${printExpr(p.value, 7)} ${when}`;
}

export function printDated(head: string, d: A.DatedValues, tail: string, printExpr: PrintExpr, width: number): string {
  const periods = d.periods.map((p) => printPeriod(p, printExpr));
  const oneLine = `${head} ${periods.join(", ")} volgens ${d.by.name}${tail}`;
  if (oneLine.length <= width) return oneLine;
  return [`${head}`, ...periods.map((p, i) => `    ${p}${i < periods.length - 1 ? "," : ""}`), `  volgens ${d.by.name}${tail}`].join("\n");
}
