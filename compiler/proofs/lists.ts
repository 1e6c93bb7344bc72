// Lists up to a bound (issue 18). An input list is encoded as a length
// variable 0..LIST_BOUND and LIST_BOUND element variables (proofs/inputs.ts);
// element i exists when i < len. Aggregations, `x in lijst`, record fields
// and `is bekend` of a field are encoded here over those elements, exactly
// as runtime/evaluate.ts and runtime/lists.ts compute them.
// A proof that reads an input list therefore holds for lists of at most
// LIST_BOUND elements only: check and diff say so ("bewezen voor lijsten tot
// 3 elementen") and test longer lists by sampling. A witness found with such
// lists is a real case (it is re-run on the module).
// In: an Encoder and IR expressions. Out: terms.

import type { Span } from "../../runtime/diagnostic.js";
import type { Expr, LoweredPolicy, Type } from "../ir/ir.js";
import { NotEncodable, type A, type B, type Encoder, type SV } from "./encode.js";

/** The most elements an input list has in a proof. */
export const LIST_BOUND = 3;

type ListSV = SV & { k: "list" };

function listOf(v: SV, span: Span): ListSV {
  if (v.k !== "list") throw new NotEncodable("een lijst", span);
  return v;
}

/** `r.veld` of a record value. */
export function fieldOf(v: SV, field: string, span: Span): SV {
  if (v.k !== "rec") throw new NotEncodable("een veld van een samengesteld gegeven", span);
  const f = v.fields[field];
  if (!f) throw new NotEncodable(`het veld \`${field}\``, span);
  return f;
}

/** `r.veld is bekend`. */
export function knownOf(v: SV, field: string, span: Span): B {
  if (v.k !== "rec") throw new NotEncodable("`is bekend` van een veld", span);
  const k = v.known[field];
  if (!k) throw new NotEncodable("`is bekend` van een veld", span);
  return k;
}

/** Element i exists. */
function exists(enc: Encoder, l: ListSV, i: number): B {
  return l.len.gt(enc.z.Int.val(i));
}

/** Equality of lists (same length, equal elements) and of records (equal fields, the same ones given). */
export function eqStructured(enc: Encoder, a: SV, b: SV): B {
  const { z } = enc;
  if (a.k === "list" && b.k === "list") {
    const n = Math.min(a.items.length, b.items.length);
    const same = a.items.slice(0, n).map((x, i) => z.Implies(exists(enc, a, i), enc.eq(x, b.items[i]!)));
    // Elements past the shorter encoding cannot exist when the lengths are equal.
    return z.And(a.len.eq(b.len), b.len.le(n), ...same);
  }
  if (a.k === "rec" && b.k === "rec") {
    const names = Object.keys(a.fields);
    return z.And(
      ...names.map((f) => {
        const ka = a.known[f] ?? z.Bool.val(true);
        const kb = b.known[f] ?? z.Bool.val(true);
        const fb = b.fields[f];
        if (!fb) throw new NotEncodable("een vergelijking van verschillende gegevens");
        return z.And(ka.eq(kb), z.Implies(ka, enc.eq(a.fields[f]!, fb)));
      }),
    );
  }
  throw new NotEncodable("een vergelijking van verschillende soorten waarden");
}

export function iteStructured(enc: Encoder, c: B, a: SV, b: SV): SV {
  const { z } = enc;
  if (a.k === "list" && b.k === "list" && a.items.length === b.items.length) {
    return { k: "list", len: z.If(c, a.len, b.len) as A, items: a.items.map((x, i) => enc.ite(c, x, b.items[i]!)) };
  }
  if (a.k === "rec" && b.k === "rec") {
    const fields: Record<string, SV> = {};
    const known: Record<string, B> = {};
    for (const f of Object.keys(a.fields)) {
      if (!b.fields[f]) throw new NotEncodable("een keuze tussen verschillende gegevens");
      fields[f] = enc.ite(c, a.fields[f]!, b.fields[f]!);
      if (a.known[f] || b.known[f]) known[f] = z.If(c, a.known[f] ?? z.Bool.val(true), b.known[f] ?? z.Bool.val(true)) as B;
    }
    return { k: "rec", fields, known };
  }
  throw new NotEncodable("een keuze tussen lijsten van verschillende lengte");
}

/** `x in L`: x equals an existing element. */
export function inList(enc: Encoder, x: Expr & { e: "inList" }): B {
  const { z } = enc;
  const a = enc.expr(x.arg);
  const l = listOf(enc.expr(x.list), x.list.span);
  const any = z.Or(...l.items.map((item, i) => z.And(exists(enc, l, i), enc.eq(a, item))));
  return x.negated ? z.Not(any) : any;
}

interface Row {
  /** The element exists and passes the `waarvoor` filter. */
  pass: B;
  body?: SV;
}

/** Per element: whether it passes, and its body (encoded as evaluated only then). */
function rows(enc: Encoder, x: Expr & { e: "agg" }, l: ListSV): Row[] {
  const { z } = enc;
  return l.items.map((item, i) =>
    enc.withLocal(x.variable, item, () => {
      const there = exists(enc, l, i);
      const pass = x.filter && x.op !== "voor alle" ? z.And(there, enc.under(there, () => enc.bool(x.filter!))) : there;
      const body = x.body ? enc.under(pass, () => enc.expr(x.body!)) : undefined;
      return { pass, ...(body ? { body } : {}) };
    }),
  );
}

function numOf(v: SV | undefined, span: Span): A {
  if (!v || v.k !== "num") throw new NotEncodable("een getal", span);
  return v.x;
}

/** LANGUAGE.md §6 aggregations over a bounded list. */
export function aggregate(enc: Encoder, x: Expr & { e: "agg" }): SV {
  const { z } = enc;
  const l = listOf(enc.expr(x.list), x.list.span);
  if (x.op === "voor alle") {
    const all = l.items.map((item, i) =>
      enc.withLocal(x.variable, item, () => {
        const there = exists(enc, l, i);
        return z.Implies(there, enc.under(there, () => enc.bool(x.filter!)));
      }),
    );
    return { k: "bool", x: z.And(...all) };
  }
  const rs = rows(enc, x, l);
  const zero = z.Real.val(0);
  switch (x.op) {
    case "aantal": return { k: "num", x: rs.reduce<A>((acc, r) => acc.add(z.If(r.pass, z.Real.val(1), zero) as A), zero) };
    case "som": return { k: "num", x: rs.reduce<A>((acc, r) => acc.add(z.If(r.pass, numOf(r.body, x.span), zero) as A), zero) };
    case "er is een": return { k: "bool", x: z.Or(...rs.map((r) => r.pass)) };
    case "eerste": return rs.reduceRight<SV>((acc, r) => enc.ite(r.pass, r.body!, acc), enc.unknown(x.type));
    case "laatste": return rs.reduce<SV>((acc, r) => enc.ite(r.pass, r.body!, acc), enc.unknown(x.type));
    case "grootste": case "kleinste": {
      // runtime/lists.ts pick: the first of equal ones; none is an error (P0813), so its value is free.
      let best = enc.unknown(x.type);
      let found: B = z.Bool.val(false);
      for (const r of rs) {
        const better = enc.compare(x.op === "grootste" ? ">" : "<", r.body!, best, x.span);
        best = enc.ite(z.And(r.pass, z.Or(z.Not(found), better)), r.body!, best);
        found = z.Or(found, r.pass);
      }
      return best;
    }
    case "elke": return compact(enc, rs, rs.map((r) => r.body!));
    case "lopende som": {
      let acc: A = zero;
      const sums = rs.map((r) => {
        acc = acc.add(z.If(r.pass, numOf(r.body, x.span), zero) as A);
        return { k: "num", x: acc } as SV;
      });
      return compact(enc, rs, sums);
    }
  }
  throw new NotEncodable(`een aggregatie (\`${x.op}\`) over een lijst`, x.span);
}

/** The values of the passing elements, in order: element j of the result is the one with j passing before it. */
function compact(enc: Encoder, rs: Row[], values: SV[]): SV {
  const { z } = enc;
  const before: A[] = [];
  let n: A = z.Int.val(0);
  for (const r of rs) {
    before.push(n);
    n = n.add(z.If(r.pass, z.Int.val(1), z.Int.val(0)) as A);
  }
  const items = values.map((_, j) => {
    let v = values[values.length - 1]!;
    for (let i = values.length - 1; i >= 0; i--) v = enc.ite(z.And(rs[i]!.pass, before[i]!.eq(j)), values[i]!, v);
    return v;
  });
  return { k: "list", len: n, items };
}

/** Whether a type holds a list (a list input makes a proof bounded). */
export function holdsList(t: Type): boolean {
  if (t.k === "lijst") return true;
  if (t.k === "record") return t.fields.some((f) => holdsList(f.type));
  return false;
}

/**
 * Which outputs and voorwaarden read an input list, directly or through
 * begrippen, parameters, functions and other outputs: their proofs hold up
 * to the bound only.
 */
export class ListReads {
  private readonly memo = new Map<string, boolean>();
  private readonly listInputs: Set<string>;

  constructor(private readonly policy: LoweredPolicy) {
    this.listInputs = new Set(policy.inputs.filter((i) => holdsList(i.type)).map((i) => i.name));
  }

  get any(): boolean {
    return this.listInputs.size > 0;
  }

  output(name: string): boolean {
    return this.named(`output:${name}`, () => {
      const d = this.policy.decisions.outputs.find((o) => o.name === name);
      if (!d) return false;
      return d.candidates.some((c) => this.reads(c.value) || c.guard.notHolding.some((g) => this.reads(g)) || (c.guard.holds !== undefined && this.reads(c.guard.holds))) || (d.default !== undefined && this.reads(d.default));
    });
  }

  private named(key: string, f: () => boolean): boolean {
    const found = this.memo.get(key);
    if (found !== undefined) return found;
    this.memo.set(key, false); // a cycle adds nothing
    const v = f();
    this.memo.set(key, v);
    return v;
  }

  reads(x: unknown): boolean {
    if (x === null || typeof x !== "object") return false;
    if (Array.isArray(x)) return x.some((y) => this.reads(y));
    const e = x as Expr;
    if (e.e === "ref") {
      if (e.ref === "input") return this.listInputs.has(e.name);
      if (e.ref === "output") return this.output(e.name);
      if (e.ref === "parameter" || e.ref === "begrip") {
        const list = e.ref === "parameter" ? this.policy.parameters : this.policy.begrippen;
        return this.named(`${e.ref}:${e.name}`, () => this.reads(list.find((d) => d.name === e.name)?.value));
      }
      return false;
    }
    if (e.e === "call") {
      const f = this.policy.functions.find((g) => g.name === e.fn);
      if (this.named(`function:${e.fn}`, () => this.reads(f?.body))) return true;
    }
    for (const [k, v] of Object.entries(x)) if (k !== "span" && k !== "type" && this.reads(v)) return true;
    return false;
  }
}
