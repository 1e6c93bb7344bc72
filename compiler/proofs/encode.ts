// IR expressions as SMT terms (issue 18). Numbers are exact rationals (Real;
// an aantal is a whole Real), dates Int day numbers with the calendar of
// proofs/calendar.ts, soort and tekst values Ints (one per distinct text, so
// equality is exact), periods normalised (start, end) pairs, durations a
// count in a unit known when the policy is checked.
// In: a z3 context, the IR policy, the inputs' SMT variables (proofs/inputs.ts).
// Out: terms, or a NotEncodable naming the construct (the caller then falls
// back to sampling for what needed it).
// INVARIANT: the encoding is exact wherever a case runs without a run-time
// error; where the runtime would stop with an error (division by zero, `begin`
// of an empty period, reading an optional input that was not given) the term
// is unconstrained, so "unsat" still proves the property for every case that
// runs, and every "sat" witness is re-run on the real module before it is shown.

import type { Arith, Bool } from "z3-solver";
import type { Span } from "../../runtime/diagnostic.js";
import { bigDen, bigNum, type Rat } from "../../runtime/rational.js";
import type { Duration, Period } from "../../runtime/calendar.js";
import type { Expr, LoweredPolicy, Type, Value } from "../ir/ir.js";
import type { SmtCalendar } from "./calendar.js";
import type { Z3 } from "./z3.js";
import * as lists from "./lists.js";
import { ageComparison } from "./ages.js";

export type A = Arith<"polis">;
export type B = Bool<"polis">;

/** An encoded value: the shapes of runtime values, as terms. */
export type SV =
  | { k: "num"; x: A }
  | { k: "day"; x: A }
  | { k: "bool"; x: B }
  | { k: "text"; x: A }
  | { k: "dur"; unit: Duration["unit"]; x: A }
  | { k: "period"; s: A; e: A }
  /** A list of at most `items.length` elements (proofs/lists.ts): element i exists when i < len. */
  | { k: "list"; len: A; items: SV[] }
  /** A record: its fields, and for an optional field whether it was given. */
  | { k: "rec"; fields: Record<string, SV>; known: Record<string, B> };

/** A construct the encoding does not cover, reported per output. */
export class NotEncodable extends Error {
  constructor(
    /** Dutch: what could not be encoded (`werkdagen_tussen`, `een lijst`). */
    readonly construct: string,
    readonly span?: Span,
  ) {
    super(construct);
    this.name = "NotEncodable";
  }
}

/** Distinct texts (soort values, tekst constants) as distinct Ints, shared by both sides of a diff. */
export class TextTable {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  id(s: string): number {
    let n = this.ids.get(s);
    if (n === undefined) {
      n = this.texts.length;
      this.ids.set(s, n);
      this.texts.push(s);
    }
    return n;
  }
  text(n: number): string {
    return this.texts[n] ?? `tekst ${n}`;
  }
}

/** What an Encoder needs from outside: the inputs and the outputs it reads. */
export interface Env {
  input(name: string, span: Span): SV;
  known(name: string, span: Span): B;
  field(input: string, field: string, span: Span): SV;
  output(name: string, span: Span): SV;
}

export function ratTerm(z: Z3, r: Rat): A {
  return z.Real.val({ numerator: bigNum(r), denominator: bigDen(r) });
}

export class Encoder {
  private readonly defs = new Map<string, SV>();
  private readonly calls = new Map<string, SV>();
  /** Expressions encoded: past the limit the policy counts as too large to prove (it is tested). */
  private work = 0;
  private locals: Map<string, SV>[] = [];
  /** The conditions under which the expression being encoded is evaluated (branches taken, left sides of `en`/`of`). */
  private path: B[] = [];
  private freshCount = 0;

  constructor(
    readonly z: Z3,
    readonly policy: LoweredPolicy,
    readonly cal: SmtCalendar,
    readonly texts: TextTable,
    readonly env: Env,
  ) {}

  /** Encode `f` as evaluated only when `c` holds. */
  under<T>(c: B, f: () => T): T {
    this.path.push(c);
    try {
      return f();
    } finally {
      this.path.pop();
    }
  }

  /** Encode `f` as evaluated whenever the case runs (an output, computed once for all readers). */
  atTop<T>(f: () => T): T {
    const saved = this.path;
    this.path = [];
    try {
      return f();
    } finally {
      this.path = saved;
    }
  }

  /** Encode `f` with the local name bound to a value (an aggregation's element). */
  withLocal<T>(name: string, v: SV, f: () => T): T {
    this.locals.push(new Map([[name, v]]));
    try {
      return f();
    } finally {
      this.locals.pop();
    }
  }

  /** A fresh unconstrained value (the result of an error case, such as the largest of nothing). */
  unknown(t: Type): SV {
    return this.fresh(t, `free_${++this.freshCount}`);
  }

  bool(x: Expr): B {
    const v = this.expr(x);
    if (v.k !== "bool") throw new NotEncodable("een voorwaarde die geen janee is", x.span);
    return v.x;
  }

  num(x: Expr): A {
    const v = this.expr(x);
    if (v.k !== "num") throw new NotEncodable("een getal", x.span);
    return v.x;
  }

  day(x: Expr): A {
    const v = this.expr(x);
    if (v.k !== "day") throw new NotEncodable("een datum", x.span);
    return v.x;
  }

  /** Two encoded values are equal, as the runtime compares them (types.ts valueEquals). */
  eq(a: SV, b: SV): B {
    const { z } = this;
    if (a.k === "list" || a.k === "rec" || b.k === "list" || b.k === "rec") return lists.eqStructured(this, a, b);
    if (a.k === "period" && b.k === "period") return z.And(a.s.eq(b.s), a.e.eq(b.e));
    if (a.k === "bool" && b.k === "bool") return a.x.eq(b.x);
    if (a.k === "dur" && b.k === "dur") {
      if (a.unit !== b.unit) return z.Bool.val(false);
      return a.x.eq(b.x);
    }
    if (a.k !== b.k || a.k === "period" || b.k === "period" || a.k === "bool" || b.k === "bool") throw new NotEncodable("een vergelijking van verschillende soorten waarden");
    return a.x.eq(b.x);
  }

  ite(c: B, a: SV, b: SV): SV {
    const { z } = this;
    if (a.k === "list" || a.k === "rec" || b.k === "list" || b.k === "rec") return lists.iteStructured(this, c, a, b);
    if (a.k === "period" && b.k === "period") return { k: "period", s: z.If(c, a.s, b.s) as A, e: z.If(c, a.e, b.e) as A };
    if (a.k === "bool" && b.k === "bool") return { k: "bool", x: z.If(c, a.x, b.x) as B };
    if (a.k === "dur" && b.k === "dur" && a.unit !== b.unit) throw new NotEncodable("een duur in dagen of in maanden");
    if (a.k !== b.k || a.k === "period" || a.k === "bool" || b.k === "period" || b.k === "bool") throw new NotEncodable("een keuze tussen verschillende soorten waarden");
    return { ...a, x: z.If(c, a.x, b.x) as A };
  }

  /** A fresh value of a type: the value of an output no rule defines (an error at run time). */
  fresh(t: Type, name: string): SV {
    const { z } = this;
    switch (t.k) {
      case "bedrag": case "getal": case "percentage": case "aantal": return { k: "num", x: z.Real.const(name) };
      case "datum": return { k: "day", x: z.Int.const(name) };
      case "janee": return { k: "bool", x: z.Bool.const(name) };
      case "soort": case "tekst": return { k: "text", x: z.Int.const(name) };
      case "periode": return { k: "period", s: z.Int.const(`${name}_s`), e: z.Int.const(`${name}_e`) };
      case "duur": if (t.unit) return { k: "dur", unit: t.unit, x: z.Int.const(name) };
    }
    throw new NotEncodable(typeNoun(t));
  }

  constant(v: Value, t: Type, span: Span): SV {
    const { z } = this;
    switch (t.k) {
      case "bedrag": case "getal": case "percentage": case "aantal": return { k: "num", x: ratTerm(z, v as Rat) };
      case "datum": return { k: "day", x: z.Int.val(v as number) };
      case "janee": return { k: "bool", x: z.Bool.val(v as boolean) };
      case "soort": case "tekst": return { k: "text", x: z.Int.val(this.texts.id(v as string)) };
      case "duur": { const d = v as Duration; return { k: "dur", unit: d.unit, x: z.Int.val(d.n) }; }
      case "periode": { const p = v as Period; return { k: "period", s: z.Int.val(p.start), e: z.Int.val(p.end) }; }
      case "lijst": { const items = (v as Value[]).map((x) => this.constant(x, t.elem, span)); return { k: "list", len: z.Int.val(items.length), items }; }
    }
    throw new NotEncodable(typeNoun(t), span);
  }

  expr(x: Expr): SV {
    const { z } = this;
    if (++this.work > WORK_LIMIT) throw new NotEncodable("een berekening die te groot wordt om te bewijzen", x.span);
    switch (x.e) {
      case "const": return this.constant(x.value, x.type, x.span);
      case "ref": return this.ref(x);
      case "known": return { k: "bool", x: this.env.known(x.name, x.span) };
      case "field":
        if (x.object.e === "ref" && x.object.ref === "input" && !x.optional) return this.env.field(x.object.name, x.field, x.span);
        return lists.fieldOf(this.expr(x.object), x.field, x.span);
      case "num": return this.arith(x.op, this.num(x.left), this.num(x.right));
      case "neg": return { k: "num", x: this.num(x.arg).neg() };
      case "percent": return { k: "num", x: this.num(x.arg).div(100) };
      case "to_aantal": return this.expr(x.arg);
      case "round": {
        // Rounding a value that already has at most that many decimals (an
        // amount of whole cents to cents, the usual output rounding) changes
        // nothing: leaving out the floor spares the solver a to_int.
        const a = this.num(x.arg);
        return { k: "num", x: x.decimals >= 2 && this.wholeCents(x.arg) ? a : this.round(a, x.decimals, x.mode) };
      }
      case "cmp": return { k: "bool", x: ageComparison(this, x) ?? this.compare(x.op, this.expr(x.left), this.expr(x.right), x.span) };
      // The right side is evaluated only when the left does not decide (a month step there is reached only then).
      case "and": { const l = this.bool(x.left); return { k: "bool", x: z.And(l, this.under(l, () => this.bool(x.right))) }; }
      case "or": { const l = this.bool(x.left); return { k: "bool", x: z.Or(l, this.under(z.Not(l), () => this.bool(x.right))) }; }
      case "not": return { k: "bool", x: z.Not(this.bool(x.arg)) };
      case "in": {
        const a = this.expr(x.arg);
        const any = z.Or(...x.values.map((v) => this.eq(a, this.expr(v))));
        return { k: "bool", x: x.negated ? z.Not(any) : any };
      }
      case "between": {
        const a = this.expr(x.arg);
        return { k: "bool", x: z.And(this.compare(">=", a, this.expr(x.low), x.span), this.compare("<=", a, this.expr(x.high), x.span)) };
      }
      case "if": {
        const c = this.bool(x.cond);
        return this.ite(c, this.under(c, () => this.expr(x.then)), this.under(z.Not(c), () => this.expr(x.else)));
      }
      case "date_add": return this.dateAdd(x.date, x.dur, x.sign, x.span);
      case "date_diff": return { k: "dur", unit: "dagen", x: this.day(x.left).sub(this.day(x.right)) };
      case "dur": return this.duration(x.unit, this.num(x.arg), x.span);
      case "dur_add": {
        const a = this.expr(x.left);
        const b = this.expr(x.right);
        if (a.k !== "dur" || b.k !== "dur" || a.unit !== b.unit) throw new NotEncodable("een som van duren in dagen en maanden", x.span);
        return { k: "dur", unit: a.unit, x: x.sign === 1 ? a.x.add(b.x) : a.x.sub(b.x) };
      }
      case "dur_neg": {
        const a = this.expr(x.arg);
        if (a.k !== "dur") throw new NotEncodable("een duur", x.span);
        return { k: "dur", unit: a.unit, x: a.x.neg() };
      }
      case "period": {
        const a = this.day(x.from);
        const b0 = this.day(x.to);
        return this.period(a, x.inclusive ? b0.add(1) : b0);
      }
      case "call": return this.call(x.fn, x.args, x.span);
      case "std": return this.std(x.fn, x.args, x.span);
      case "agg": return lists.aggregate(this, x);
      case "inList": return { k: "bool", x: lists.inList(this, x) };
      case "fieldKnown": return { k: "bool", x: lists.knownOf(this.expr(x.object), x.field, x.span) };
      case "list": { const items = x.items.map((i) => this.expr(i)); return { k: "list", len: z.Int.val(items.length), items }; }
      case "record": throw new NotEncodable("een samengesteld gegeven", x.span);
    }
  }

  private ref(x: Expr & { e: "ref" }): SV {
    switch (x.ref) {
      case "input": return this.env.input(x.name, x.span);
      case "output": return this.env.output(x.name, x.span);
      case "local": {
        for (let i = this.locals.length - 1; i >= 0; i--) {
          const v = this.locals[i]!.get(x.name);
          if (v) return v;
        }
        throw new NotEncodable("een lokale naam", x.span);
      }
      case "parameter": case "begrip": {
        const key = `${x.ref}:${x.name}`;
        const found = this.defs.get(key);
        if (found) return found;
        const list = x.ref === "parameter" ? this.policy.parameters : this.policy.begrippen;
        const def = list.find((d) => d.name === x.name);
        if (!def) throw new NotEncodable(`\`${x.name}\``, x.span);
        // A definition reads no locals: encode it outside any function body.
        // It is encoded once, so its month steps count as reached whenever
        // the case runs (no path condition).
        const saved = this.locals;
        const savedPath = this.path;
        this.locals = [];
        this.path = [];
        try {
          const v = this.expr(def.value);
          this.defs.set(key, v);
          return v;
        } finally {
          this.locals = saved;
          this.path = savedPath;
        }
      }
    }
  }

  private call(fn: string, args: Expr[], span: Span): SV {
    const f = this.policy.functions.find((g) => g.name === fn);
    if (!f) throw new NotEncodable(`de functie \`${fn}\``, span);
    const frame = new Map<string, SV>();
    f.params.forEach((p, i) => frame.set(p.name, this.expr(args[i]!)));
    // A call with the same arguments is encoded once (a chain of functions
    // that each call the previous one twice stays linear).
    const key = `${fn}(${[...frame.values()].map(svKey).join(",")})`;
    const found = this.calls.get(key);
    if (found) return found;
    const saved = this.locals;
    const savedPath = this.path;
    this.locals = [frame];
    this.path = [];
    try {
      const v = this.expr(f.body);
      this.calls.set(key, v);
      return v;
    } finally {
      this.locals = saved;
      this.path = savedPath;
    }
  }

  private arith(op: "add" | "sub" | "mul" | "div", a: A, b: A): SV {
    switch (op) {
      case "add": return { k: "num", x: a.add(b) };
      case "sub": return { k: "num", x: a.sub(b) };
      case "mul": return { k: "num", x: a.mul(b) };
      case "div": return { k: "num", x: a.div(b) };
    }
  }

  /** The value is a whole number of cents for every valid case (bedrag inputs are; sums, min, max and choices keep it). */
  private wholeCents(x: Expr, depth = 0): boolean {
    if (depth > 50) return false;
    const sub = (y: Expr) => this.wholeCents(y, depth + 1);
    switch (x.e) {
      case "const": {
        if (x.type.k !== "bedrag" && x.type.k !== "getal" && x.type.k !== "aantal") return false;
        const r = x.value as Rat;
        return (bigNum(r) * 100n) % bigDen(r) === 0n;
      }
      case "ref": {
        if (x.ref === "input") return x.type.k === "bedrag" || x.type.k === "aantal";
        if (x.ref === "output") return x.type.k === "bedrag" || x.type.k === "aantal";
        if (x.ref === "begrip" || x.ref === "parameter") {
          const def = (x.ref === "begrip" ? this.policy.begrippen : this.policy.parameters).find((d) => d.name === x.name);
          return def !== undefined && sub(def.value);
        }
        return false;
      }
      case "to_aantal": return sub(x.arg);
      case "neg": return sub(x.arg);
      case "num":
        if (x.op === "add" || x.op === "sub") return sub(x.left) && sub(x.right);
        // A whole number of cents times a whole number.
        if (x.op === "mul") return (sub(x.left) && whole(x.right)) || (whole(x.left) && sub(x.right));
        return false;
      case "round": return x.decimals <= 2 || sub(x.arg);
      case "if": return sub(x.then) && sub(x.else);
      case "std": return (x.fn === "min" || x.fn === "max" || x.fn === "abs") && x.args.every(sub);
      default: return false;
    }
  }

  /** runtime/rounding.ts: to `decimals` places (negative: tens, hundreds), half away from zero, down or up. */
  round(a: A, decimals: number, mode: "half-away" | "floor" | "ceil"): A {
    const { z } = this;
    const scale = decimals >= 0 ? z.Real.val({ numerator: 10n ** BigInt(decimals), denominator: 1n }) : z.Real.val({ numerator: 1n, denominator: 10n ** BigInt(-decimals) });
    const v = a.mul(scale);
    const half = z.Real.val({ numerator: 1n, denominator: 2n });
    const floor = (t: A) => z.ToReal(z.ToInt(t));
    const n =
      mode === "floor" ? floor(v)
      : mode === "ceil" ? floor(v.neg()).neg()
      : (z.If(v.ge(0), floor(v.add(half)), floor(v.neg().add(half)).neg()) as A);
    return n.div(scale);
  }

  compare(op: "=" | "<>" | "<" | "<=" | ">" | ">=", a: SV, b: SV, span: Span): B {
    const { z } = this;
    if (op === "=" || op === "<>") {
      const e = this.eq(a, b);
      return op === "=" ? e : z.Not(e);
    }
    if (a.k === "dur" && b.k === "dur" && a.unit !== b.unit) throw new NotEncodable("een vergelijking van dagen met maanden", span);
    if (a.k === "period" || a.k === "bool" || a.k === "list" || a.k === "rec" || b.k === "period" || b.k === "bool" || b.k === "list" || b.k === "rec" || a.k !== b.k) throw new NotEncodable("een ordening van deze waarden", span);
    switch (op) {
      case "<": return a.x.lt(b.x);
      case "<=": return a.x.le(b.x);
      case ">": return a.x.gt(b.x);
      case ">=": return a.x.ge(b.x);
    }
  }

  /** An Int from a whole Real (an aantal used as a count of days or a year). */
  whole(a: A): A {
    // A whole constant stays a constant (`18 jaar`: a month step by a known number needs no division).
    if (this.z.isRealVal(a) && a.denominator().value() === 1n) return this.z.Int.val(a.numerator().value());
    return this.z.ToInt(a);
  }

  private duration(unit: string, n: A, span: Span): SV {
    const k = this.whole(n);
    if (unit === "dag" || unit === "dagen") return { k: "dur", unit: "dagen", x: k };
    const times = (f: number): A => (this.z.isIntVal(k) ? this.z.Int.val(BigInt(k.value()) * BigInt(f)) : k.mul(f));
    if (unit === "week" || unit === "weken") return { k: "dur", unit: "dagen", x: times(7) };
    if (unit === "maand" || unit === "maanden") return { k: "dur", unit: "maanden", x: k };
    if (unit === "jaar" || unit === "jaren") return { k: "dur", unit: "maanden", x: times(12) };
    throw new NotEncodable(`de eenheid \`${unit}\``, span);
  }

  /** Every `d ± n maanden` encoded so far, with when it clamps (for the month-end warning). */
  readonly monthAdds: { span: Span; dur: Expr; day: A; months: A; clamped: B; result: A }[] = [];

  private dateAdd(date: Expr, dur: Expr, sign: 1 | -1, span: Span): SV {
    const d = this.day(date);
    const n = this.expr(dur);
    if (n.k !== "dur") throw new NotEncodable("een duur", dur.span);
    const k = sign === 1 ? n.x : n.x.neg();
    if (n.unit === "dagen") return { k: "day", x: d.add(k) };
    const r = this.cal.addMonths(d, k);
    // Clamping matters only where the step is evaluated: on the path that reaches it.
    const clamped = this.path.length ? this.z.And(...this.path, r.clamped) : r.clamped;
    this.monthAdds.push({ span, dur, day: d, months: k, clamped, result: r.day });
    return { k: "day", x: r.day };
  }

  period(a: A, b: A): SV {
    const { z } = this;
    const empty = b.le(a);
    return { k: "period", s: z.If(empty, z.Int.val(0), a) as A, e: z.If(empty, z.Int.val(0), b) as A };
  }

  private std(fn: string, args: Expr[], span: Span): SV {
    const { z, cal } = this;
    const num = (x: A): SV => ({ k: "num", x: z.ToReal(x) });
    switch (fn) {
      case "leeftijd_op": return num(cal.age(this.day(args[0]!), this.day(args[1]!)));
      case "verjaardag": return { k: "day", x: cal.addMonths(this.day(args[0]!), this.whole(this.num(args[1]!)).mul(12)).day };
      case "jaar_van": return num(cal.ymd(this.day(args[0]!)).y);
      case "maand_van": return num(cal.ymd(this.day(args[0]!)).m);
      case "dag_van": return num(cal.ymd(this.day(args[0]!)).d);
      case "begin_van_jaar": { const { y } = cal.ymd(this.day(args[0]!)); return { k: "day", x: cal.dayFromYmd(y, z.Int.val(1), z.Int.val(1)) }; }
      case "einde_van_jaar": { const { y } = cal.ymd(this.day(args[0]!)); return { k: "day", x: cal.dayFromYmd(y, z.Int.val(12), z.Int.val(31)) }; }
      case "eerste_dag_volgende_maand": {
        const d = this.day(args[0]!);
        const { y, m, d: dd } = cal.ymd(d);
        return { k: "day", x: d.sub(dd).add(1).add(cal.daysInMonth(y, m)) };
      }
      case "dagen_in_jaar": {
        const y = this.whole(this.num(args[0]!));
        return num(z.If(cal.isLeap(y), z.Int.val(366), z.Int.val(365)) as A);
      }
      case "aantal_dagen": { const p = this.periodOf(args[0]!); return num(p.e.sub(p.s)); }
      case "begin": return { k: "day", x: this.periodOf(args[0]!).s };
      case "einde": return { k: "day", x: this.periodOf(args[0]!).e.sub(1) };
      case "overlap": {
        const p = this.periodOf(args[0]!);
        const q = this.periodOf(args[1]!);
        const anyEmpty = z.Or(p.e.le(p.s), q.e.le(q.s));
        const r = this.period(z.If(p.s.ge(q.s), p.s, q.s) as A, z.If(p.e.le(q.e), p.e, q.e) as A) as SV & { k: "period" };
        return { k: "period", s: z.If(anyEmpty, z.Int.val(0), r.s) as A, e: z.If(anyEmpty, z.Int.val(0), r.e) as A };
      }
      case "min": case "max": return this.extremum(fn, args, span);
      case "abs": { const a = this.num(args[0]!); return { k: "num", x: z.If(a.ge(0), a, a.neg()) as A }; }
    }
    throw new NotEncodable(`\`${fn}\``, span);
  }

  private periodOf(x: Expr): { s: A; e: A } {
    const v = this.expr(x);
    if (v.k !== "period") throw new NotEncodable("een periode", x.span);
    return v;
  }

  private extremum(fn: "min" | "max", args: Expr[], span: Span): SV {
    const vs = args.map((a) => this.expr(a));
    let best = vs[0]!;
    for (const v of vs.slice(1)) {
      const better = fn === "min" ? this.compare("<", v, best, span) : this.compare(">", v, best, span);
      best = this.ite(better, v, best);
    }
    return best;
  }
}

const WORK_LIMIT = 200_000;

/** A whole number for every valid case: an aantal, or a whole constant. */
function whole(x: Expr): boolean {
  if (x.e === "const" && (x.type.k === "aantal" || x.type.k === "getal")) return bigDen(x.value as Rat) === 1n;
  return x.type.k === "aantal" && (x.e === "ref" || x.e === "to_aantal");
}

/** A key for an encoded value (its terms' text). */
function svKey(v: SV): string {
  switch (v.k) {
    case "period": return `${v.s.sexpr()}:${v.e.sexpr()}`;
    case "list": return `[${v.len.sexpr()};${v.items.map(svKey).join(";")}]`;
    case "rec": return `{${Object.entries(v.fields).map(([k, f]) => `${k}=${svKey(f)}`).join(";")}}`;
    default: return v.x.sexpr();
  }
}

export function typeNoun(t: Type): string {
  switch (t.k) {
    case "lijst": return "een lijst";
    case "record": return "een samengesteld gegeven";
    case "duur": return "een duur waarvan de eenheid pas bij het uitvoeren bekend is";
    default: return `een ${t.k}`;
  }
}
