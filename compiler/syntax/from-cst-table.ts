// CST → AST for decision tables and values by date (issue 18): the
// `tabelDecl`, `tableHeader`, `tableRow` and `tableCell` nodes, and the
// `datedPeriod`s of a parameter. In: CST nodes and the helpers of
// from-cst.ts. Out: AST nodes with spans; a hit policy other than `uniek` or
// `eerste` is a syntax error (P0203) naming the word.

import type { CstNode, IToken } from "chevrotain";
import type { Diagnostic, Span } from "../../runtime/diagnostic.js";
import { diagnostic } from "../../runtime/messages.js";
import type * as A from "./ast.js";

export interface CstHelpers {
  nodes(n: CstNode, key: string): CstNode[];
  tokens(n: CstNode, key: string): IToken[];
  exceptionTargets(n: CstNode): IToken[];
  span(t: IToken): Span;
  nodeSpan(n: CstNode): Span;
  expression(n: CstNode): A.Expr;
  additive(n: CstNode): A.Expr;
  articles(n: CstNode | undefined): A.Article[];
  dateValue(n: CstNode): { day: number; text: string; span: Span };
  diagnostics: Diagnostic[];
}

const first = <T>(xs: T[]): T | undefined => xs[0];

export function tableDecl(c: CstNode, h: CstHelpers): A.TableDecl {
  const nameTok = h.tokens(c, "name")[0]!;
  const hit = h.tokens(c, "hit")[0]!;
  if (hit.image !== "uniek" && hit.image !== "eerste") {
    h.diagnostics.push(diagnostic("P0203", h.span(hit), { message: `verwacht \`uniek\` of \`eerste\`, maar vond \`${hit.image}\``, word: hit.image }));
  }
  const header = h.nodes(c, "tableHeader")[0]!;
  const named = (t: IToken) => ({ name: t.image, span: h.span(t) });
  const table: A.TableDecl = {
    kind: "Tabel",
    name: nameTok.image,
    nameSpan: h.span(nameTok),
    articles: h.articles(first(h.nodes(c, "articleRef"))),
    hitPolicy: hit.image === "eerste" ? "eerste" : "uniek",
    hitSpan: h.span(hit),
    columns: h.tokens(header, "column").map(named),
    outputs: h.tokens(header, "output").map(named),
    rows: h.nodes(c, "tableRow").map((r) => tableRow(r, h)),
    span: h.nodeSpan(c),
  };
  const targets = h.exceptionTargets(c);
  if (targets.length > 0) table.exceptionTo = targets.map(named);
  return table;
}

function tableRow(r: CstNode, h: CstHelpers): A.TableRow {
  return {
    cells: h.nodes(r, "tableCell").map((c) => tableCell(c, h)),
    isDefault: h.tokens(r, "Anders").length > 0,
    values: h.nodes(r, "value").map(h.expression),
    articles: h.articles(first(h.nodes(r, "articleRef"))),
    span: h.nodeSpan(r),
  };
}

const COMPARE: Record<string, A.CompareOp> = { Less: "<", LessEq: "<=", Greater: ">", GreaterEq: ">=", Equals: "=", NotEq: "<>" };

function tableCell(c: CstNode, h: CstHelpers): A.TableCell {
  const span = h.nodeSpan(c);
  if (h.tokens(c, "any").length > 0) return { kind: "Any", span };
  const set = first(h.nodes(c, "valueSet"));
  if (set) return { kind: "Values", values: h.nodes(set, "values").map(h.additive), span };
  const op = first(h.tokens(c, "op"));
  const value = first(h.nodes(c, "value"));
  if (op && value) return { kind: "Compare", op: COMPARE[op.tokenType.name] ?? "=", value: h.additive(value), span };
  if (value) return { kind: "Values", values: [h.additive(value)], span };
  const min = first(h.nodes(c, "min"));
  const max = first(h.nodes(c, "max"));
  const cell: A.TableCell = { kind: "Range", maxInclusive: h.tokens(c, "Tot").length === 0, span };
  if (min) cell.min = h.additive(min);
  if (max) cell.max = h.additive(max);
  return cell;
}

/** `V1 vanaf D1, V2 van D2 tot en met E2 volgens d`, or undefined for an ordinary parameter. */
export function datedValues(c: CstNode, h: CstHelpers): A.DatedValues | undefined {
  const by = first(h.tokens(c, "by"));
  if (!by) return undefined;
  const values = h.nodes(c, "expression");
  const periods = h.nodes(c, "datedPeriod").map((p, i): A.DatedPeriod => {
    const value = h.expression(values[i]!);
    const from = h.dateValue(h.nodes(p, "from")[0]!);
    const to = first(h.nodes(p, "to"));
    const ps = h.nodeSpan(p);
    const period: A.DatedPeriod = { value, from: from.day, text: "", span: { ...value.span, end: ps.end, endLine: ps.endLine, endColumn: ps.endColumn } };
    if (to) {
      const t = h.dateValue(to);
      period.through = h.tokens(p, "TotEnMet").length > 0 ? t.day : t.day - 1;
    }
    return period;
  });
  return { periods, by: { name: by.image, span: h.span(by) } };
}
