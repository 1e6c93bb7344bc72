// IR expressions → SQL values with their errors (LANGUAGE.md §6, §7).
// Semantics follow the generated JavaScript (compiler/emit/generate.ts):
// operands left to right, `en`/`of`/`indien` short-circuit, aggregations
// stop where `er is een` and `voor alle` stop; the first error met is the
// decision's error, with the message and `where` the JavaScript path gives.
// In: an IR expression and a context (frame, where, local variables).
// Out: a Val. Policy-level names (parameters, begrippen, outputs, inputs)
// are resolved by the Host, in the outermost frame.

import type * as IR from "../ir/ir.js";
import type { Rat } from "../../runtime/rational.js";
import type { Duration, Period } from "../../runtime/calendar.js";
import { Arith, END_DAY, FIRST_DAY, bmax, lcm, type Num, type Overflow } from "./num.js";
import { wording } from "../../runtime/messages.js";
import type { Dialect } from "./dialect.js";
import type { Frame } from "./frame.js";
import { LocalFrame, bind } from "./scope.js";
import { Formats } from "./format.js";
import { errorJson, type ListH, type V, type Val } from "./value.js";
import { aggregate } from "./aggregate.js";
import { stdCall } from "./stdlib.js";
import { listLiteral, listValuesEqual, recordsEqual, toVals } from "./lists.js";

/** What the expression compiler asks of the policy around it. */
export interface Host {
  d: Dialect;
  ref(kind: "input" | "parameter" | "begrip" | "output", name: string): Val;
  known(name: string): string;
  fn(name: string): IR.FunctionDef;
  /** A record field or list element read from an input value, decoded (inputs are validated before). */
  decode(raw: string, json: boolean, t: IR.Type, f: Frame): V;
}

export class Ctx {
  readonly a: Arith;
  readonly fmt: Formats;
  constructor(
    readonly host: Host,
    readonly f: Frame,
    readonly where: string,
    readonly locals: ReadonlyMap<string, Val>,
  ) {
    this.a = new Arith(host.d, f);
    this.fmt = new Formats(host.d, this.a);
  }
  /** Formatting for error messages: evaluated only for the row that has the error (its parts are bound by whenDyn). */
  get msg(): Formats {
    const a = new Arith(this.host.d, new LocalFrame(this.f.names));
    a.tracking = 1;
    return new Formats(this.host.d, a, true);
  }
  with(f: Frame, where: string, locals: ReadonlyMap<string, Val>): Ctx {
    return new Ctx(this.host, f, where, locals);
  }
  get d(): Dialect {
    return this.host.d;
  }

  /**
   * The first of the errors, in order: one flat COALESCE (nested firsts are
   * spread out), each error once (a repeat can only be NULL), nothing after
   * an error that is always set (a literal).
   */
  first(...errs: (string | null)[]): string | null {
    const es = this.firstParts(errs);
    if (es.length === 0) return null;
    if (es.length === 1) return es[0]!;
    return this.f.first(es);
  }

  /**
   * first() as one flat `CASE WHEN c1 THEN m1 WHEN c2 THEN m2 … END`: the
   * conditions of simple errors written out instead of a COALESCE of
   * columns that each hold a CASE (about half the cost in DuckDB). For the
   * decision's error column, read once per row.
   */
  firstFlat(...errs: (string | null)[]): string | null {
    const es = this.firstParts(errs);
    if (es.length <= 1) return es[0] ?? null;
    // A branch guarded by `x IS NOT NULL` after the branch `x IS NULL` (an input's P0704 before its
    // checks) is only reached where x is not NULL: the guard is dropped (one test less per row).
    const present = new Set<string>();
    const branches = es.flatMap((e) => this.f.whensOf(e)).map(([c, m]) => {
      const missing = /^(q__\d+) IS NULL$/.exec(c);
      if (missing) present.add(missing[1]!);
      const guarded = /^\((q__\d+) IS NOT NULL\) AND (\(.*\))$/s.exec(c);
      return `WHEN ${guarded && present.has(guarded[1]!) ? guarded[2] : c} THEN ${m}`;
    });
    return this.f.col(`CASE ${branches.join(" ")} END`);
  }

  private firstParts(errs: (string | null)[]): string[] {
    const es: string[] = [];
    let done = false;
    const add = (e: string | null): void => {
      if (done || e === null || e === "NULL") return;
      const parts = this.f.firstOf(e);
      if (parts) return parts.forEach(add);
      // `CASE WHEN c THEN x END` after x itself: NULL whenever it is reached.
      const inner = this.f.guardOf(e);
      if (inner !== undefined && es.includes(inner)) return;
      if (!es.includes(e)) es.push(e);
      if (/^'(?:[^']|'')*'$/.test(e)) done = true;
    };
    errs.forEach(add);
    return es;
  }

  /** An error when the condition holds (a condition that is literally TRUE or FALSE is decided here). */
  when(cond: string, code: string, message: string, field?: string): string {
    const text = this.d.str(errorJson(code, message, field));
    if (cond === "TRUE") return text;
    if (cond === "FALSE") return "NULL";
    return this.f.when(cond, text);
  }

  /** An error whose message has computed parts: texts (static) and {sql} (dynamic, escaped). */
  whenDyn(cond: string, code: string, parts: (string | { sql: string })[], field?: string): string {
    const pieces = [this.d.str(`{"code":${JSON.stringify(code)},"bericht":"`)];
    for (const p of parts) {
      if (typeof p === "string") pieces.push(this.d.str(JSON.stringify(p).slice(1, -1)));
      // A part that overflowed SQL's integers is NULL: named, never a NULL message (the row's error would vanish).
      else pieces.push(this.d.jsonEscape(`COALESCE(${p.sql}, '(meer cijfers dan SQL exact kan rekenen)')`));
    }
    pieces.push(this.d.str(field === undefined ? `"}` : `","veld":${JSON.stringify(field)}}`));
    // In a LocalFrame (a list element's checks, decode.ts) the caller binds the whole expression once.
    const message = this.d.concat(pieces);
    return this.f.when(cond, this.f instanceof LocalFrame ? message : bind(this.f.names, this.d, message));
  }

  /** P0903 for the first of the operations that overflowed (Arith.ov), in order. */
  overflow(ov: readonly Overflow[]): string | null {
    const errs: string[] = [];
    for (let i = 0; i < ov.length; ) {
      // Consecutive checks of one kind of operation share one message.
      let j = i;
      while (j < ov.length && ov[j]!.op === ov[i]!.op) j++;
      const cond = ov.slice(i, j).map((o) => o.cond).join(" OR ");
      errs.push(this.when(cond, "P0903", wording("P0903", { what: `de uitkomst van een ${ov[i]!.op}`, where: this.where }).message));
      i = j;
    }
    return this.first(...errs);
  }

  /** Guard: an error in `guard` replaces the error of `inner` only when `cond` holds. */
  onlyIf(cond: string, err: string | null): string | null {
    if (err === null || err === "NULL" || cond === "FALSE") return null;
    return cond === "TRUE" ? err : this.f.guard(cond, err);
  }
}

export class UnsupportedInSql extends Error {}

export function num(v: V): Num {
  if (v.k !== "num") throw new Error(`internal: expected a number, got ${v.k}`);
  return v.x;
}
function day(v: V): string {
  if (v.k !== "day") throw new Error(`internal: expected a date, got ${v.k}`);
  return v.x;
}
function bool(v: V): string {
  if (v.k !== "bool") throw new Error(`internal: expected a boolean, got ${v.k}`);
  return v.x;
}

export function constant(c: Ctx, value: IR.Value, t: IR.Type): V {
  switch (t.k) {
    case "bedrag": case "getal": case "aantal": case "percentage": {
      const r = value as Rat;
      const n = r.bn ?? BigInt(r.n);
      const d = r.bd ?? BigInt(r.d);
      return { k: "num", x: c.a.const(n, d) };
    }
    case "datum":
      return { k: "day", x: c.d.slit(value as number) };
    case "duur": {
      const d = value as Duration;
      return { k: "dur", u: d.unit === "dagen" ? "0" : "1", n: c.d.slit(d.n) };
    }
    case "periode": {
      const p = value as Period;
      return { k: "per", s: c.d.slit(p.start), e: c.d.slit(p.end) };
    }
    case "janee":
      return { k: "bool", x: value ? "TRUE" : "FALSE" };
    case "tekst": case "soort":
      return { k: "text", x: c.d.str(value as string) };
    default:
      throw new UnsupportedInSql(`een constante van type ${t.k}`);
  }
}

/** Equality of two values of one type, as SQL (empty periods are all equal). */
export function equal(c: Ctx, a: V, b: V): string {
  switch (a.k) {
    case "num": return c.a.cmp(a.x, num(b), "=");
    case "day": case "bool": case "text": return `(${a.x} = ${(b as { x: string }).x})`;
    case "dur": { const y = b as V & { k: "dur" }; return `(${a.u} = ${y.u} AND ${a.n} = ${y.n})`; }
    case "per": { const y = b as V & { k: "per" }; return `(${a.s} = ${y.s} AND ${a.e} = ${y.e})`; }
    case "list": {
      const x = toVals(c, a);
      return listValuesEqual(c, a, b, { k: "lijst", elem: x.elem });
    }
    case "rec": return recordsEqual(c, a, b as V & { k: "rec" });
    default: throw new UnsupportedInSql("een vergelijking van gegevens");
  }
}

/** Choose between two values of one type. */
export function choose(c: Ctx, cond: string, a: V, b: V): V {
  const pick = (x: string, y: string) => (x === y ? x : c.f.col(`CASE WHEN ${cond} THEN ${x} ELSE ${y} END`));
  switch (a.k) {
    case "num": {
      let x = a.x;
      let y = num(b);
      if (x.dl !== undefined && y.dl !== undefined && x.dl !== y.dl) {
        // Two constant denominators: keep one (their lcm).
        const l = lcm(x.dl, y.dl);
        x = c.a.at(x, l);
        y = c.a.at(y, l);
      }
      const dl = x.dl !== undefined && x.dl === y.dl ? x.dl : undefined;
      const nb = bmax(x.nb, y.nb);
      const db = bmax(x.db, y.db);
      const vb = bmax(x.vb, y.vb);
      return { k: "num", x: { n: pick(x.n, y.n), d: pick(x.d, y.d), ...(dl !== undefined ? { dl } : {}), ...(nb !== undefined ? { nb } : {}), ...(db !== undefined ? { db } : {}), ...(vb !== undefined ? { vb } : {}), ...(x.raw || y.raw ? { raw: true as const } : {}) } };
    }
    case "day": case "bool": case "text": return { k: a.k, x: pick(a.x, (b as { x: string }).x) } as V;
    case "dur": { const y = b as V & { k: "dur" }; return { k: "dur", u: pick(a.u, y.u), n: pick(a.n, y.n) }; }
    case "per": { const y = b as V & { k: "per" }; return { k: "per", s: pick(a.s, y.s), e: pick(a.e, y.e) }; }
    case "list": {
      const x = toVals(c, a);
      const y = toVals(c, b);
      return { k: "list", l: { kind: "vals", sql: pick(x.sql, y.sql), elem: x.elem } };
    }
    case "rec": return { ...a, raw: pick(a.raw, (b as V & { k: "rec" }).raw) };
    default: throw new UnsupportedInSql("een keuze tussen gegevens (`indien … dan … anders …`)");
  }
}

/**
 * x as SQL. An operation of x whose value may not fit the engine's integers
 * (num.ts Arith.col) becomes the row's P0903 after x's own errors, in the
 * place x is evaluated: guarded by `indien`, `en` and `of` as any error.
 */
export function compile(c: Ctx, x: IR.Expr): Val {
  const mark = c.a.ov.length;
  c.a.tracking++;
  let r: Val;
  try {
    r = compileNode(c, x);
  } finally {
    c.a.tracking--;
  }
  if (c.a.ov.length === mark) return r;
  return { v: r.v, err: c.first(r.err, c.overflow(c.a.ov.splice(mark))) };
}

/** An operand of + - * / and -x: its overflow checks stay pending where it is arithmetic itself (see pending()). */
function operand(c: Ctx, x: IR.Expr): Val {
  return x.e === "num" || x.e === "neg" || x.e === "percent" ? compileNode(c, x) : compile(c, x);
}

/**
 * The overflow checks since mark as one: a sum, product or quotient is NULL
 * wherever an operand is (a guarded operation's NULL reaches the result), so
 * the result's own NULL test stands for them all, and a chain of operations
 * carries one check to the expression that uses its value, not one per level.
 */
function pending(c: Ctx, mark: number, v: Num): void {
  if (c.a.ov.length === mark) return;
  const ops = [...new Set(c.a.ov.splice(mark).map((o) => o.op))];
  c.a.ov.push({ cond: v.dl === undefined ? `(${v.n} IS NULL OR ${v.d} IS NULL)` : `${v.n} IS NULL`, op: ops.join(" of ") });
}

function compileNode(c: Ctx, x: IR.Expr): Val {
  switch (x.e) {
    case "const":
      return { v: constant(c, x.value, x.type), err: null };
    case "ref":
      if (x.ref === "local") {
        const v = c.locals.get(x.name);
        if (!v) throw new Error(`internal: unknown local ${x.name}`);
        return v;
      }
      return c.host.ref(x.ref, x.name);
    case "known":
      return { v: { k: "bool", x: c.host.known(x.name) }, err: null };
    case "call": {
      const fn = c.host.fn(x.fn);
      const args = x.args.map((a) => compile(c, a));
      const locals = new Map(c.locals);
      fn.params.forEach((p, i) => locals.set(p.name, { v: args[i]!.v, err: null }));
      const where = `functie \`${fn.name}\`${fn.articles.length > 0 ? ` (artikel ${fn.articles.join(", ")})` : ""}`;
      const body = compile(c.with(c.f, where, locals), fn.body);
      return { v: body.v, err: c.first(...args.map((a) => a.err), body.err) };
    }
    case "std":
      return stdCall(c, x.fn, x.args.map((a) => compile(c, a)), x.type);
    case "field": {
      const o = compile(c, x.object);
      if (o.v.k !== "rec") throw new Error("internal: field of a non-record");
      const f = o.v.t.fields.find((q) => q.name === x.field)!;
      const raw = c.d.field(o.v.raw, x.field);
      const missing = x.optional
        ? c.when(`${raw} IS NULL`, "P0715", `het optionele veld \`${x.field}\` van \`${o.v.t.name}\` is nodig voor deze beslissing, maar is niet gegeven`, x.field)
        : null;
      return { v: c.host.decode(raw, o.v.json, f.type, c.f), err: c.first(o.err, missing) };
    }
    case "fieldKnown": {
      const o = compile(c, x.object);
      if (o.v.k !== "rec") throw new Error("internal: field of a non-record");
      return { v: { k: "bool", x: c.f.col(`(${c.d.field(o.v.raw, x.field)} IS NOT NULL)`) }, err: o.err };
    }
    case "num": {
      const mark = c.a.ov.length;
      const l = operand(c, x.left);
      const r = operand(c, x.right);
      const a = num(l.v);
      const b = num(r.v);
      if (x.op === "div") {
        // A divisor with a positive lower bound (dagen_in_jaar) cannot be zero.
        const zero = b.lo !== undefined && b.lo > 0n ? null : c.when(`${b.n} = 0`, "P0803", `deling door nul in ${c.where}`);
        const q = c.a.div(a, b);
        pending(c, mark, q);
        return { v: { k: "num", x: q }, err: c.first(l.err, r.err, zero) };
      }
      const v = x.op === "mul" ? c.a.mul(a, b) : c.a.add(a, b, x.op === "add" ? 1 : -1);
      pending(c, mark, v);
      return { v: { k: "num", x: v }, err: c.first(l.err, r.err) };
    }
    case "neg": {
      const a = operand(c, x.arg);
      return { v: { k: "num", x: c.a.neg(num(a.v)) }, err: a.err };
    }
    case "percent": {
      const mark = c.a.ov.length;
      const a = operand(c, x.arg);
      const v = c.a.mul(num(a.v), c.a.const(1n, 100n));
      pending(c, mark, v);
      return { v: { k: "num", x: v }, err: a.err };
    }
    case "cmp":
      return comparison(c, x.op, compile(c, x.left), compile(c, x.right));
    case "and": case "or": {
      const l = compile(c, x.left);
      const r = compile(c, x.right);
      const lv = bool(l.v);
      const cond = x.e === "and" ? lv : `NOT ${lv}`;
      return { v: { k: "bool", x: c.f.col(`(${lv} ${x.e === "and" ? "AND" : "OR"} ${bool(r.v)})`) }, err: c.first(l.err, c.onlyIf(cond, r.err)) };
    }
    case "not": {
      const a = compile(c, x.arg);
      return { v: { k: "bool", x: c.f.col(c.f.not(bool(a.v))) }, err: a.err };
    }
    case "in": {
      const a = compile(c, x.arg);
      const vs = x.values.map((v) => compile(c, v));
      const eqs = vs.map((v) => (x.domain === "dur" ? durEq(c, a.v, v.v) : equal(c, a.v, v.v)));
      const any = eqs.length === 0 ? "FALSE" : `(${eqs.join(" OR ")})`;
      const durErr = x.domain === "dur" ? vs.map((v) => durKind(c, a.v, v.v)) : [];
      return { v: { k: "bool", x: c.f.col(x.negated ? c.f.not(any) : any) }, err: c.first(a.err, ...vs.map((v) => v.err), ...durErr) };
    }
    case "between": {
      const a = compile(c, x.arg);
      const lo = compile(c, x.low);
      const hi = compile(c, x.high);
      const ge = comparison(c, "<=", lo, a);
      const le = comparison(c, "<=", a, hi);
      const kinds = a.v.k === "dur" ? [durKind(c, lo.v, a.v), durKind(c, a.v, hi.v)] : [];
      return { v: { k: "bool", x: c.f.col(`(${bool(ge.v)} AND ${bool(le.v)})`) }, err: c.first(a.err, lo.err, hi.err, ...kinds) };
    }
    case "round": {
      const a = compile(c, x.arg);
      return { v: { k: "num", x: c.a.round(num(a.v), x.decimals, x.mode) }, err: a.err };
    }
    case "if": {
      const cond = compile(c, x.cond);
      const t = compile(c, x.then);
      const e = compile(c, x.else);
      const cv = bool(cond.v);
      const err = c.first(cond.err, t.err === null && e.err === null ? null : c.f.col(`CASE WHEN ${cv} THEN ${t.err ?? "NULL"} ELSE ${e.err ?? "NULL"} END`));
      return { v: choose(c, cv, t.v, e.v), err };
    }
    case "agg":
      return aggregate(c, x);
    case "date_add":
      return dateAdd(c, compile(c, x.date), compile(c, x.dur), x.sign);
    case "date_diff": {
      const a = compile(c, x.left);
      const b = compile(c, x.right);
      return { v: { k: "dur", u: "0", n: c.f.col(`${day(a.v)} - ${day(b.v)}`) }, err: c.first(a.err, b.err) };
    }
    case "dur":
      return durFromCount(c, compile(c, x.arg), x.unit);
    case "dur_add": {
      const a = compile(c, x.left);
      const b = compile(c, x.right);
      const av = a.v as V & { k: "dur" };
      const bv = b.v as V & { k: "dur" };
      const n = c.f.col(`${av.n} ${x.sign === 1 ? "+" : "-"} ${bv.n}`);
      // As runtime/calendar.ts durationAdd: a count past 2^53 − 1 is an error about a duration (issue 12, finding 9).
      const unit = /^\d$/.test(av.u) ? `'${av.u === "0" ? "dagen" : "maanden"}'` : `CASE WHEN ${av.u} = 0 THEN 'dagen' ELSE 'maanden' END`;
      const big = c.whenDyn(`abs(${n}) > 9007199254740991`, "P0811", ["een berekende duur is groter dan 9.007.199.254.740.991 ", { sql: unit }, ` in ${c.where}`]);
      return { v: { k: "dur", u: av.u, n }, err: c.first(a.err, b.err, durKind(c, a.v, b.v), big) };
    }
    case "dur_neg": {
      const a = compile(c, x.arg);
      const av = a.v as V & { k: "dur" };
      return { v: { k: "dur", u: av.u, n: c.f.col(`-(${av.n})`) }, err: a.err };
    }
    case "period": {
      const a = compile(c, x.from);
      const b = compile(c, x.to);
      return { v: period(c, day(a.v), x.inclusive ? c.f.col(`${day(b.v)} + 1`) : day(b.v)), err: c.first(a.err, b.err) };
    }
    case "to_aantal": {
      const a = compile(c, x.arg);
      const v = num(a.v);
      const bad = `NOT (${c.a.isInteger(v)} AND ${v.n} >= 0)`;
      const value = () => ({ sql: `replace(${c.msg.decimal(v)}, '.', ',')` });
      const err = c.whenDyn(bad, "P0804", [`\`${x.what}\` moet een geheel aantal van 0 of meer zijn, maar is `, value()]);
      return { v: a.v, err: c.first(a.err, err) };
    }
    case "list":
      return listLiteral(c, x.items.map((i) => compile(c, i)), x.type);
    case "inList":
      return inList(c, x);
    case "record":
      throw new UnsupportedInSql("gegevens buiten een voorbeeld");
    default:
      // Constructs added to the language after the SQL back end (issue 19):
      // refused at compile time, never a wrong number.
      throw new UnsupportedInSql(`de uitdrukking \`${(x as { e: string }).e}\``);
  }
}

/** `x in lijst`: an element equals x (`er is een` over the list, x computed first). */
function inList(c: Ctx, x: IR.Expr & { e: "inList" }): Val {
  const arg = compile(c, x.arg);
  const name = `${c.f.names.fresh()}__in`;
  const elem = `${name}__e`;
  const locals = new Map(c.locals).set(name, { v: arg.v, err: null });
  const ref = (n: string, t: IR.Type): IR.Expr => ({ e: "ref", ref: "local", name: n, type: t, span: x.span });
  const filter: IR.Expr = { e: "cmp", op: "=", domain: x.domain, left: ref(elem, x.arg.type), right: ref(name, x.arg.type), type: { k: "janee" }, span: x.span };
  const agg: IR.Expr = { e: "agg", op: "er is een", variable: elem, list: x.list, filter, type: { k: "janee" }, span: x.span };
  const found = compile(c.with(c.f, c.where, locals), agg);
  const v = (found.v as { x: string }).x;
  // The JavaScript path computes x first for numbers, durations and periods, the list first otherwise.
  const argFirst = x.domain === "num" || x.domain === "dur" || x.domain === "period";
  return { v: { k: "bool", x: x.negated ? c.f.col(c.f.not(v)) : v }, err: argFirst ? c.first(arg.err, found.err) : c.first(found.err, arg.err) };
}

export function period(c: Ctx, s: string, e: string): V {
  const empty = `${e} <= ${s}`;
  return { k: "per", s: c.f.col(`CASE WHEN ${empty} THEN 0 ELSE ${s} END`), e: c.f.col(`CASE WHEN ${empty} THEN 0 ELSE ${e} END`) };
}

function durKind(c: Ctx, a: V, b: V): string | null {
  const x = a as V & { k: "dur" };
  const y = b as V & { k: "dur" };
  if (/^\d$/.test(x.u) && /^\d$/.test(y.u)) return null;
  return c.when(`${x.u} <> ${y.u}`, "P0808", `duren van verschillende soort kunnen niet vergeleken worden: dagen en maanden in ${c.where}`);
}

function durEq(c: Ctx, a: V, b: V): string {
  const x = a as V & { k: "dur" };
  const y = b as V & { k: "dur" };
  return `(${x.n} = ${y.n})`;
}

function comparison(c: Ctx, op: IR.CmpOp, l: Val, r: Val): Val {
  const sqlOp = op === "<>" ? "<>" : op;
  let test: string;
  let extra: string | null = null;
  switch (l.v.k) {
    case "num": test = c.a.cmp(l.v.x, num(r.v), sqlOp); break;
    case "dur": {
      test = `(${l.v.n} ${sqlOp} ${(r.v as V & { k: "dur" }).n})`;
      extra = durKind(c, l.v, r.v);
      break;
    }
    case "per": test = op === "<>" ? c.f.not(equal(c, l.v, r.v)) : equal(c, l.v, r.v); break;
    default: test = `(${(l.v as { x: string }).x} ${sqlOp} ${(r.v as { x: string }).x})`;
  }
  return { v: { k: "bool", x: c.f.col(test) }, err: c.first(l.err, r.err, extra) };
}

export function dateAdd(c: Ctx, date: Val, dur: Val, sign: 1 | -1): Val {
  const dv = day(date.v);
  const u = dur.v as V & { k: "dur" };
  const k = sign === 1 ? u.n : `-(${u.n})`;
  const days = c.f.col(`${dv} + ${k}`);
  const months = u.u === "0" ? null : c.a.addMonths(dv, k);
  const result = u.u === "0" ? days : u.u === "1" ? months! : c.f.col(`CASE WHEN ${u.u} = 0 THEN ${days} ELSE ${months} END`);
  const outside = c.when(
    `${result} IS NULL OR ${result} < ${FIRST_DAY} OR ${result} >= ${END_DAY}`,
    "P0810",
    `een berekende datum valt buiten de jaren 1 tot en met 9999 in ${c.where}`,
  );
  return { v: { k: "day", x: result }, err: c.first(date.err, dur.err, outside) };
}

function durFromCount(c: Ctx, a: Val, unit: string): Val {
  const v = num(a.v);
  const whole = c.a.isInteger(v);
  const notWhole = c.whenDyn(`NOT ${whole}`, "P0807", [
    "een duur moet een geheel getal zijn, maar is ",
    { sql: `replace(${c.msg.decimal(v)}, '.', ',')` },
    ` in ${c.where}`,
  ]);
  const n = c.a.toInt(v);
  // As runtime/calendar.ts durationFromCount: an error about a duration, not a date (issue 12, finding 9).
  const months = unit.startsWith("maand") || unit.startsWith("ja");
  const big = c.when(`${whole} AND abs(${n}) > 4000000`, "P0811", `een berekende duur is groter dan 4.000.000 ${months ? "maanden" : "dagen"} in ${c.where}`);
  const factor = unit.startsWith("we") ? 7 : unit.startsWith("ja") ? 12 : 1;
  const u = unit.startsWith("d") || unit.startsWith("we") ? "0" : "1";
  const count = c.f.col(`CASE WHEN ${whole} AND abs(${n}) <= 4000000 THEN CAST(${factor === 1 ? n : `${n} * ${factor}`} AS ${c.d.small}) END`);
  return { v: { k: "dur", u, n: count }, err: c.first(a.err, notWhole, big) };
}

export type { ListH };
