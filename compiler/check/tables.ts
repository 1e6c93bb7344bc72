// Checking decision tables (issue 18). A table is checked as the rule it
// desugars to (syntax/table-rule.ts, by rules.ts); this part adds what is
// particular to tables: the columns must be inputs or begrippen of a type a
// cell can test, every row has one cell per column, and a `uniek` table is
// proved to have no overlapping rows and (without a default row) no gaps,
// exactly (table-cover.ts), with a case for each. It also keeps the table's
// identity on the IR rule (TableInfo, the row of each clause, the row's
// articles, a readable condition text) for explain, doc and fmt.

import type { TypeDesc } from "../../runtime/types.js";
import { formatValueDutch } from "../../runtime/dutch.js";
import { cmp, ratInt, ratFrac, toInteger, type Rat } from "../../runtime/rational.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import { evalConstant } from "../ir/constant.js";
import { cellTests } from "../syntax/table-rule.js";
import { report, type CheckContext } from "./context.js";
import { articleLabels } from "./declarations.js";
import { findGaps, findOverlaps, type CellSet, type Domain, type Interval, type Witness } from "./table-cover.js";

interface Column {
  name: string;
  type: IR.Type;
  domain: Domain;
  /** An input: its domain is exactly its valid values (a begrip's may hold values it never takes). */
  plain: boolean;
}

/** Decorate the IR rule of table `t` and prove a `uniek` table complete and unambiguous. */
export function checkTable(cx: CheckContext, t: A.TableDecl, rule: IR.Rule, policy: IR.Policy): void {
  const before = cx.diagnostics.filter((d) => d.severity === "error").length;
  const columns = t.columns.map((c) => column(cx, c, policy));
  for (const row of t.rows) {
    if (!row.isDefault && row.cells.length !== t.columns.length)
      report(cx, "P0524", row.span, { expected: t.columns.length, actual: row.cells.length, what: "voorwaardecel" });
    if (row.values.length !== t.outputs.length) report(cx, "P0524", row.span, { expected: t.outputs.length, actual: row.values.length, what: "uitvoercel" });
  }
  const text = (s: { span: { start: number; end: number } }) => cx.source.slice(s.span.start, s.span.end).replace(/\s+/g, " ");
  rule.table = {
    hitPolicy: t.hitPolicy,
    columns: t.columns.map((c) => c.name),
    outputs: t.outputs.map((o) => o.name),
    rows: t.rows.map((r) => ({ cells: r.cells.map(text), values: r.values.map(text), isDefault: r.isDefault, articles: articleLabels(r.articles) })),
  };
  const earlier: string[] = [];
  rule.clauses.forEach((cl, k) => {
    const row = t.rows[k]!;
    cl.row = k;
    if (row.articles.length > 0) cl.articles = articleLabels(row.articles);
    cl.earlierConditions = [...earlier];
    if (row.isDefault) return;
    const parts = t.columns.flatMap((c, i) => (row.cells[i] ? cellText(c.name, row.cells[i]!, cx.source) : []));
    cl.conditionText = parts.length > 0 ? parts.join(" en ") : "ja";
    earlier.push(cl.conditionText);
  });
  const failed = cx.diagnostics.filter((d) => d.severity === "error").length > before;
  if (failed || columns.some((c) => c === undefined)) return;
  const cols = columns as Column[];
  const uniek = t.hitPolicy === "uniek";
  const rows: CellSet[][] = [];
  for (const [k, row] of t.rows.entries()) {
    if (row.isDefault) continue;
    // An `eerste` table may test what is not a constant: then its rows are not analysed (no error).
    const sets = rowSets(cx, t, row, rule.clauses[k]!, cols, policy, uniek);
    if (!sets) return;
    rows.push(sets);
  }
  const rowNumbers = t.rows.flatMap((r, k) => (r.isDefault ? [] : [k + 1]));
  const example = (w: Witness[]) => w.map((v, i) => `${cols[i]!.name} ${showWitness(v, cols[i]!.type)}`).join(", ");
  const domains = cols.map((c) => c.domain);
  if (!uniek) return unreachableRows(cx, t, domains, rows, rowNumbers);
  // Exact on the column domains; a domain is exactly the valid values only for a plain input no voorwaarde reads.
  const exact = cols.every((c) => c.plain) && !conditionsRead(policy, new Set(cols.map((c) => c.name)));
  const unconfirmed: NonNullable<IR.TableInfo["unconfirmed"]> = { span: t.span, overlaps: [], gaps: [] };
  for (const o of findOverlaps({ domains, rows })) {
    const [first, second] = [rowNumbers[o.first]!, rowNumbers[o.second]!];
    const [firstSpan, span] = [t.rows[first - 1]!.span, t.rows[second - 1]!.span];
    if (!exact) unconfirmed.overlaps.push({ first, second, example: example(o.witness), span, firstSpan });
    else report(cx, "P0520", span, { name: t.name, first, second, example: example(o.witness) }, { related: [{ span: firstSpan, message: `rij ${first}` }] });
  }
  const gaps = findGaps({ domains, rows });
  const fallback = t.rows.findIndex((r) => r.isDefault);
  if (fallback < 0 && !exact) unconfirmed.gaps.push(...gaps.map(example));
  else if (fallback < 0) {
    for (const gap of gaps) report(cx, "P0521", t.span, { name: t.name, example: example(gap) });
  }
  // The solver decides these for valid cases (compiler/proofs/tables.ts, in `polis check`).
  if (unconfirmed.overlaps.length + unconfirmed.gaps.length > 0) rule.table.unconfirmed = unconfirmed;
  if (fallback >= 0 && gaps.length === 0) {
    // The other rows cover every case: the `anders` row never applies.
    report(cx, "P0530", t.rows[fallback]!.span, unreachable(t, fallback, []));
  }
}

/** P0530 for each row of an `eerste` table that the rows before it cover entirely, `anders` included. */
function unreachableRows(cx: CheckContext, t: A.TableDecl, domains: Domain[], rows: CellSet[][], rowNumbers: number[]): void {
  t.rows.forEach((row, k) => {
    const earlier = rowNumbers.flatMap((n, i) => (n - 1 < k ? [i] : []));
    if (earlier.length === 0 && !row.isDefault) return;
    const own = row.isDefault ? undefined : rows[rowNumbers.indexOf(k + 1)];
    const afterDefault = t.rows.slice(0, k).some((r) => r.isDefault);
    const covered = afterDefault || findGaps({ domains, rows: earlier.map((i) => rows[i]!) }, 1, own).length === 0;
    if (covered) report(cx, "P0530", row.span, unreachable(t, k, earlier.map((i) => rowNumbers[i]!)));
  });
}

function unreachable(t: A.TableDecl, k: number, earlier: number[]): { name: string; row: number; article: string; earlier: string } {
  // A row cites its own article, else the table's.
  const own = articleLabels(t.rows[k]!.articles);
  const articles = own.length ? own : articleLabels(t.articles);
  return {
    name: t.name,
    row: k + 1,
    article: articles.length ? `artikel ${articles.join(", ")}` : "zonder artikel",
    earlier: earlier.length ? `de rijen ${earlier.join(", ")}` : "de andere rijen",
  };
}

function cellText(column: string, cell: A.TableCell, source: string): string[] {
  const text = source.slice(cell.span.start, cell.span.end).replace(/\s+/g, " ").trim();
  switch (cell.kind) {
    case "Any":
      return [];
    case "Values":
      return [cell.values.length === 1 ? `${column} = ${text}` : `${column} in ${text}`];
    default:
      return [`${column} ${text}`];
  }
}

/** A column: an input or begrip of a testable type, with the domain its values come from. */
function column(cx: CheckContext, c: { name: string; span: A.TableDecl["span"] }, policy: IR.Policy): Column | undefined {
  const sym = cx.symbols.values.get(c.name);
  if (!sym) return undefined; // unknown: the rows report it (P0301)
  if (sym.kind !== "input" && sym.kind !== "begrip") {
    report(cx, "P0522", c.span, { name: c.name, detail: KIND[sym.kind] });
    return undefined;
  }
  const input = policy.inputs.find((i) => i.name === c.name);
  const type = input?.type ?? policy.begrippen.find((b) => b.name === c.name)?.type;
  if (!type) return undefined;
  const restriction = input?.desc.restriction;
  const plain = input !== undefined;
  const asRat = (v: unknown): Rat => (typeof v === "number" ? ratInt(v) : (v as Rat));
  switch (type.k) {
    case "janee":
      return { name: c.name, type, plain, domain: { kind: "enum", values: ["ja", "nee"] } };
    case "soort": {
      const allowed = restriction?.oneOf ? type.values.filter((v) => restriction.oneOf!.includes(v)) : type.values;
      return { name: c.name, type, plain, domain: { kind: "enum", values: allowed } };
    }
    case "bedrag":
    case "getal":
    case "aantal":
    case "percentage":
    case "datum": {
      const whole = type.k === "aantal" || type.k === "datum";
      // A bedrag in a case file has at most two decimals (docs/language.md §9).
      const step = whole ? ratInt(1) : type.k === "bedrag" && input ? ratFrac(1, 100) : undefined;
      const min = restriction?.min !== undefined ? asRat(restriction.min) : type.k === "aantal" ? ratInt(0) : undefined;
      const max = restriction?.max !== undefined ? asRat(restriction.max) : undefined;
      const points = restriction?.oneOf?.map(asRat);
      return { name: c.name, type, plain, domain: { kind: "ordered", ...(min ? { min } : {}), ...(max ? { max } : {}), ...(step ? { step } : {}), ...(points ? { points } : {}) } };
    }
    default:
      report(cx, "P0522", c.span, { name: c.name, detail: `van type ${type.k}` });
      return undefined;
  }
}

/** Does some voorwaarde read one of these inputs? */
function conditionsRead(policy: IR.Policy, names: ReadonlySet<string>): boolean {
  const reads = (e: unknown, depth: number): boolean => {
    if (depth > 200 || e === null || typeof e !== "object") return false;
    if (Array.isArray(e)) return e.some((v) => reads(v, depth + 1));
    const node = e as { e?: string; ref?: string; name?: string };
    if (node.e === "ref" && node.ref === "input" && names.has(node.name!)) return true;
    return Object.entries(node).some(([k, v]) => k !== "type" && k !== "span" && reads(v, depth + 1));
  };
  return policy.conditions.some((c) => reads(c.expr, 0));
}

const KIND: Record<string, string> = { parameter: "een parameter", functie: "een functie", output: "een uitvoer", soortValue: "een soortwaarde" };

/** The row's cells as sets, read back from the checked condition: its conjuncts are the cells' tests in column order. */
function rowSets(cx: CheckContext, t: A.TableDecl, row: A.TableRow, clause: IR.Clause, cols: Column[], policy: IR.Policy, strict: boolean): CellSet[] | undefined {
  const conjuncts: IR.Expr[] = [];
  const flatten = (x: IR.Expr): void => {
    if (x.e === "and") {
      flatten(x.left);
      flatten(x.right);
    } else if (!(x.e === "const" && x.value === true)) conjuncts.push(x);
  };
  if (clause.condition) flatten(clause.condition);
  const sets: CellSet[] = [];
  let next = 0;
  for (const [i, cell] of row.cells.entries()) {
    const tests = conjuncts.slice(next, next + cellTests(t.columns[i]!.name, cell).length);
    next += tests.length;
    let set: CellSet = { kind: "any" };
    for (const test of tests) {
      const s = testSet(test, cols[i]!, policy);
      if (!s) {
        if (strict) report(cx, "P0523", cell.span, { text: cx.source.slice(cell.span.start, cell.span.end) });
        return undefined;
      }
      set = intersect(set, s);
    }
    sets.push(set);
  }
  return sets;
}

function testSet(x: IR.Expr, col: Column, policy: IR.Policy): CellSet | undefined {
  const enumOf = (v: unknown) => (typeof v === "boolean" ? (v ? "ja" : "nee") : String(v));
  const ratOf = (v: unknown) => (typeof v === "number" ? ratInt(v) : (v as Rat));
  if (x.e === "in") {
    const vs = x.values.map((v) => constant(v, policy));
    if (vs.some((v) => v === undefined)) return undefined;
    if (col.domain.kind === "enum") return { kind: "enum", values: new Set(vs.map(enumOf)) };
    return { kind: "intervals", parts: vs.map((v) => ({ lo: { value: ratOf(v), closed: true }, hi: { value: ratOf(v), closed: true } })) };
  }
  if (x.e !== "cmp") return undefined;
  const v = constant(x.right, policy);
  if (v === undefined) return undefined;
  if (col.domain.kind === "enum") {
    const name = enumOf(v);
    if (x.op === "=") return { kind: "enum", values: new Set([name]) };
    if (x.op === "<>") return { kind: "enum", values: new Set(col.domain.values.filter((d) => d !== name)) };
    return undefined;
  }
  const b = (closed: boolean) => ({ value: ratOf(v), closed });
  const parts: Record<IR.CmpOp, Interval[]> = {
    "=": [{ lo: b(true), hi: b(true) }],
    "<>": [{ hi: b(false) }, { lo: b(false) }],
    "<": [{ hi: b(false) }],
    "<=": [{ hi: b(true) }],
    ">": [{ lo: b(false) }],
    ">=": [{ lo: b(true) }],
  };
  return { kind: "intervals", parts: parts[x.op] };
}

function intersect(a: CellSet, b: CellSet): CellSet {
  if (a.kind === "any") return b;
  if (b.kind === "any") return a;
  if (a.kind === "enum" && b.kind === "enum") return { kind: "enum", values: new Set([...a.values].filter((v) => b.values.has(v))) };
  if (a.kind === "intervals" && b.kind === "intervals") {
    const parts: Interval[] = [];
    for (const p of a.parts) for (const q of b.parts) parts.push({ ...tighter(p.lo, q.lo, 1, "lo"), ...tighter(p.hi, q.hi, -1, "hi") });
    return { kind: "intervals", parts };
  }
  return a;
}

function tighter(p: Interval["lo"], q: Interval["lo"], dir: 1 | -1, key: "lo" | "hi"): Interval {
  const pick = !p ? q : !q ? p : (() => {
    const c = cmp(p.value, q.value) * dir;
    return c > 0 ? p : c < 0 ? q : { value: p.value, closed: p.closed && q.closed };
  })();
  return pick ? { [key]: pick } : {};
}

/** A constant cell value; parameters (`volwassen`, `eerste_reeks + 1`) are replaced by their constant values. */
function constant(x: IR.Expr, policy: IR.Policy): IR.Value | undefined {
  const values = new Map<string, IR.Value | undefined>();
  const substitute = (e: unknown, depth: number): unknown => {
    if (depth > 50 || e === null || typeof e !== "object") return e;
    if (Array.isArray(e)) return e.map((v) => substitute(v, depth + 1));
    const node = e as IR.Expr;
    if (node.e === "ref" && node.ref === "parameter") {
      if (!values.has(node.name)) {
        const def = policy.parameters.find((p) => p.name === node.name);
        values.set(node.name, def ? evalConstant(substitute(def.value, depth + 1) as IR.Expr) : undefined);
      }
      const v = values.get(node.name);
      return v === undefined ? node : { e: "const", value: v, type: node.type, span: node.span };
    }
    if (typeof node.e !== "string") return e;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "type" || k === "span" ? v : substitute(v, depth + 1)]));
  };
  return evalConstant(substitute(x, 0) as IR.Expr);
}

function showWitness(v: Witness, t: IR.Type): string {
  if (typeof v === "string") return v;
  const desc: TypeDesc = typeDescOf(t);
  return formatValueDutch(t.k === "datum" ? toInteger(v) : v, desc);
}
