// The inputs of a case as SMT variables (issue 18), with what makes a case
// valid (LANGUAGE.md §4, §8): each input's type and beperking, dates in the
// range the sampler uses (a beperking's bounds, else the `geldig` period, else
// 1900–2100), and the voorwaarden. Variables are made on first use; a model of
// them is read back as runtime values (a witness case).
// In: a z3 context, the IR policies sharing the inputs (one, or both sides of
// a diff). Out: `Env` inputs for the Encoder, the validity constraints, and
// `valuesOf(model)`.
// INVARIANT: every constraint pushed to `valid` holds for every valid case; a
// voorwaarde that cannot be encoded is left out (a larger set of cases: a
// proof over it still holds, a witness is re-run on the real module).

import type { Model } from "z3-solver";
import type { Span } from "../../runtime/diagnostic.js";
import { ratFrac, type Rat } from "../../runtime/rational.js";
import { dayFromYmd, type Period } from "../../runtime/calendar.js";
import type { Input, Type } from "../ir/ir.js";
import { LIST_BOUND } from "./lists.js";
import { NotEncodable, ratTerm, typeNoun, type A, type B, type SV, type TextTable } from "./encode.js";
import type { Z3 } from "./z3.js";

const DEFAULT_FROM = dayFromYmd(1900, 1, 1)!;
const DEFAULT_TO = dayFromYmd(2100, 12, 31)!;

interface Var {
  input: Input;
  value: SV;
  /** Present for an optional input. */
  known?: B;
  read: (m: Model<"polis">) => unknown;
}

export class CaseVars {
  private readonly vars = new Map<string, Var>();
  private readonly fields = new Map<string, { value: SV; read: (m: Model<"polis">) => unknown }>();
  /** Constraints every valid case meets (types, beperkingen); voorwaarden are added by the caller. */
  readonly valid: B[] = [];

  constructor(
    private readonly z: Z3,
    private readonly inputs: readonly Input[],
    private readonly texts: TextTable,
    private readonly dates: { from: number; to: number },
  ) {}

  static dateRange(periods: { validFrom?: number; validThrough?: number }[]): { from: number; to: number } {
    const froms = periods.map((p) => p.validFrom ?? DEFAULT_FROM);
    const tos = periods.map((p) => p.validThrough ?? DEFAULT_TO);
    return { from: Math.min(...froms), to: Math.max(...tos) };
  }

  private declared(name: string, span: Span): Input {
    const i = this.inputs.find((x) => x.name === name);
    if (!i) throw new NotEncodable(`de invoer \`${name}\``, span);
    return i;
  }

  /** Every optional input encoded so far was given (for questions about an expression's value). */
  allKnown(): B[] {
    return [...this.vars.values()].flatMap((v) => (v.known ? [v.known] : []));
  }

  input(name: string, span: Span): SV {
    return this.variable(name, span).value;
  }

  known(name: string, span: Span): B {
    const v = this.variable(name, span);
    return v.known ?? this.z.Bool.val(true);
  }

  field(input: string, field: string, span: Span): SV {
    const key = `${input}.${field}`;
    const found = this.fields.get(key);
    if (found) return found.value;
    const i = this.declared(input, span);
    if (i.type.k !== "record" || i.optional) throw new NotEncodable("een veld van een samengesteld gegeven", span);
    const f = i.type.fields.find((x) => x.name === field);
    if (!f || f.optional) throw new NotEncodable("een optioneel veld", span);
    const made = this.make(`in_${key}`, f.type, f.restriction, span);
    this.valid.push(...made.constraints);
    this.fields.set(key, { value: made.value, read: made.read });
    return made.value;
  }

  private variable(name: string, span: Span): Var {
    const found = this.vars.get(name);
    if (found) return found;
    const input = this.declared(name, span);
    const made = this.make(`in_${name}`, input.type, input.desc.restriction, span);
    // Both sides of a diff may declare the input: a valid case meets both beperkingen.
    for (const other of this.inputs.filter((x) => x.name === name && x !== input)) {
      if (JSON.stringify(other.type) !== JSON.stringify(input.type)) throw new NotEncodable(`de invoer \`${name}\` met een ander type in de andere versie`, span);
      made.constraints.push(...this.make(`in_${name}`, other.type, other.desc.restriction, span).constraints);
    }
    const v: Var = { input, value: made.value, read: made.read };
    // An optional input's variable meets its beperking whether or not it was
    // given: when it was not, reading it is an error and its value plays no part.
    if (input.optional) v.known = this.z.Bool.const(`known_${name}`);
    this.valid.push(...made.constraints);
    this.vars.set(name, v);
    return v;
  }

  private make(name: string, t: Type, r: { min?: unknown; max?: unknown; oneOf?: readonly unknown[] } | undefined, span: Span): Made {
    const { z } = this;
    const c: B[] = [];
    const bounds = (x: A, term: (v: unknown) => A) => {
      if (r?.min !== undefined) c.push(x.ge(term(r.min)));
      if (r?.max !== undefined) c.push(x.le(term(r.max)));
      if (r?.oneOf) c.push(z.Or(...r.oneOf.map((v) => x.eq(term(v)))));
    };
    const rat = (v: unknown) => ratTerm(z, v as Rat);
    switch (t.k) {
      case "bedrag": {
        const cents = z.Int.const(name);
        const x = z.ToReal(cents).div(100);
        bounds(x, rat);
        return { value: { k: "num", x }, constraints: c, read: (m) => ratFrac(intOf(m, cents), 100n) };
      }
      case "getal": case "percentage": {
        const x = z.Real.const(name);
        bounds(x, rat);
        return { value: { k: "num", x }, constraints: c, read: (m) => ratOf(m, x) };
      }
      case "aantal": {
        const n = z.Int.const(name);
        const x = z.ToReal(n);
        c.push(n.ge(0));
        bounds(x, rat);
        return { value: { k: "num", x }, constraints: c, read: (m) => ratOf(m, x) };
      }
      case "datum": {
        const x = z.Int.const(name);
        c.push(x.ge((r?.min as number | undefined) ?? this.dates.from), x.le((r?.max as number | undefined) ?? this.dates.to));
        if (r?.oneOf) c.push(z.Or(...r.oneOf.map((v) => x.eq(v as number))));
        return { value: { k: "day", x }, constraints: c, read: (m) => Number(intOf(m, x)) };
      }
      case "janee": {
        const x = z.Bool.const(name);
        return { value: { k: "bool", x }, constraints: c, read: (m) => isTrue(m.eval(x, true)) };
      }
      case "soort": {
        const x = z.Int.const(name);
        c.push(z.Or(...t.values.map((v) => x.eq(this.texts.id(v)))));
        return { value: { k: "text", x }, constraints: c, read: (m) => { const n = Number(intOf(m, x)); return t.values.find((s) => this.texts.id(s) === n) ?? t.values[0]; } };
      }
      case "tekst": {
        const x = z.Int.const(name);
        if (r?.oneOf) c.push(z.Or(...r.oneOf.map((v) => x.eq(this.texts.id(v as string)))));
        return { value: { k: "text", x }, constraints: c, read: (m) => this.texts.text(Number(intOf(m, x))) };
      }
      case "periode": {
        const s = z.Int.const(`${name}_s`);
        const e = z.Int.const(`${name}_e`);
        const { from, to } = this.dates;
        c.push(z.Or(z.And(s.eq(0), e.eq(0)), z.And(s.ge(from), s.lt(e), e.le(to + 1))));
        return { value: { k: "period", s, e }, constraints: c, read: (m) => ({ start: Number(intOf(m, s)), end: Number(intOf(m, e)) }) satisfies Period };
      }
      case "record": return this.makeRecord(name, t, span);
      case "lijst": return this.makeList(name, t.elem, span);
      default:
        throw new NotEncodable(`de invoer \`${name.slice(3)}\` (${typeNoun(t)})`, span);
    }
  }

  /** A record: a variable per field (named as `field()` names them, so both read the same ones). */
  private makeRecord(name: string, t: Type & { k: "record" }, span: Span): Made {
    const fields: Record<string, SV> = {};
    const known: Record<string, B> = {};
    const readers: [string, (m: Model<"polis">) => unknown, B | undefined][] = [];
    const c: B[] = [];
    for (const f of t.fields) {
      const made = this.make(`${name}.${f.name}`, f.type, f.restriction, span);
      fields[f.name] = made.value;
      c.push(...made.constraints);
      const k = f.optional ? this.z.Bool.const(`known_${name}.${f.name}`) : undefined;
      if (k) known[f.name] = k;
      readers.push([f.name, made.read, k]);
    }
    const read = (m: Model<"polis">) => {
      const out: Record<string, unknown> = {};
      for (const [f, rd, k] of readers) if (!k || isTrue(m.eval(k, true))) out[f] = rd(m);
      return out;
    };
    return { value: { k: "rec", fields, known }, constraints: c, read };
  }

  /** A list of at most LIST_BOUND elements; an element's constraints hold when it exists. */
  private makeList(name: string, elem: Type, span: Span): Made {
    const { z } = this;
    const len = z.Int.const(`${name}#len`);
    const c: B[] = [len.ge(0), len.le(LIST_BOUND)];
    const made = Array.from({ length: LIST_BOUND }, (_, i) => this.make(`${name}#${i}`, elem, undefined, span));
    made.forEach((m, i) => { if (m.constraints.length) c.push(z.Implies(len.gt(i), z.And(...m.constraints))); });
    const read = (m: Model<"polis">) => made.slice(0, Number(intOf(m, len))).map((e) => e.read(m));
    return { value: { k: "list", len, items: made.map((m) => m.value) }, constraints: c, read };
  }

  /**
   * The runtime values of a model, for the inputs it constrains; `base`
   * (a valid case) gives the others. A tekst no constant names becomes a
   * fresh text.
   */
  valuesOf(model: Model<"polis">, base: Record<string, unknown>): Record<string, unknown> {
    const out = { ...base };
    for (const [name, v] of this.vars) {
      if (v.known && !isTrue(model.eval(v.known, true))) {
        out[name] = undefined;
        continue;
      }
      out[name] = v.read(model);
    }
    for (const [key, f] of this.fields) {
      const [input, field] = key.split(".") as [string, string];
      if (this.vars.has(input)) continue;
      const rec = { ...((out[input] as Record<string, unknown> | undefined) ?? {}) };
      rec[field] = f.read(model);
      out[input] = rec;
    }
    return out;
  }
}

interface Made {
  value: SV;
  constraints: B[];
  /** The runtime value of a model. */
  read: (m: Model<"polis">) => unknown;
}

function isTrue(x: unknown): boolean {
  return String(x) === "true";
}

/** A whole number from a model (z3 prints a negative one as `(- 5)`). */
export function intOf(model: Model<"polis">, x: A): bigint {
  const v = model.eval(x, true) as unknown as { value?: () => bigint };
  if (typeof v.value === "function") return BigInt(v.value());
  return BigInt(String(v).replace(/^\(- (\d+)\)$/, "-$1"));
}

/** A Real from a model: z3 prints `(/ 7.0 3.0)`, `(- 2.0)`, `5.0`. */
function ratOf(model: Model<"polis">, x: A): Rat {
  const v = model.eval(x, true) as unknown as { value?: () => { numerator: bigint; denominator: bigint } };
  if (typeof v.value === "function") {
    const { numerator, denominator } = v.value();
    return ratFrac(BigInt(numerator), BigInt(denominator));
  }
  throw new NotEncodable("een getal dat de oplosser niet exact teruggeeft");
}
