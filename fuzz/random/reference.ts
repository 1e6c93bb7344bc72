// A small reference evaluator of the IR (issue 12), written for clarity, not
// speed, and independent of the runtime: its own exact fractions (BigInt),
// its own rounding, calendar, case decoding and output encoding. It reads
// the checked IR (compiler/ir/ir.ts) and follows LANGUAGE.md directly:
// §3 (aantal), §5 (rules, exceptions, conflicts, standaard, bedrag outputs
// rounded to cents once), §6 (evaluation order: lazy begrippen, short
// circuits, the first error met in declaration order), §7 (stdlib), §10
// (case file encodings). The differential test compares every back end
// with it.

import type { Clause, Expr, Policy } from "../../compiler/ir/ir.js";
import { frac, add, sub, mul, div, isWhole, roundFrac, addDur, period, RefError, LARGEST_COUNT, MAX_SAFE, decode, encode, equal, sameValue, compare, type Frac, type Dur, type Val, type Outcome } from "./reference-values.js";
import { std } from "./reference-stdlib.js";

export { civilOf, dayOf, frac, roundFrac, RefError, type Outcome } from "./reference-values.js";
export { easter, holiday } from "./reference-stdlib.js";

// ── Evaluation ─────────────────────────────────────────────────────────────

/** One decision: memoised begrippen, parameters, rule clauses and outputs. */
class Decision {
  private readonly begrippen = new Map<string, Val>();
  private readonly outputs = new Map<string, Val>();
  private readonly clauses = new Map<number, number>();

  constructor(
    private readonly policy: Policy,
    private readonly inputs: Record<string, Val>,
  ) {}

  eval(x: Expr, locals: ReadonlyMap<string, Val>): Val {
    const ev = (e: Expr) => this.eval(e, locals);
    switch (x.e) {
      case "const":
        return constant(x.value);
      case "ref":
        return this.ref(x.ref, x.name, locals);
      case "call": {
        const fn = this.policy.functions.find((f) => f.name === x.fn)!;
        const scope = new Map<string, Val>();
        fn.params.forEach((p, i) => scope.set(p.name, ev(x.args[i]!)));
        return this.eval(fn.body, scope);
      }
      case "std":
        return std(x.fn, x.args.map(ev));
      case "field": {
        const r = ev(x.object) as Record<string, Val>;
        if (!(x.field in r)) throw new RefError("P0715", x.field);
        return r[x.field]!;
      }
      case "known":
        return this.inputs[x.name] !== undefined;
      case "fieldKnown":
        return x.field in (ev(x.object) as Record<string, Val>);
      case "inList": {
        const a = ev(x.arg);
        const found = (ev(x.list) as Val[]).some((v) => equal(a, v));
        return x.negated ? !found : found;
      }
      case "num": {
        const a = ev(x.left) as Frac;
        const b = ev(x.right) as Frac;
        return x.op === "add" ? add(a, b) : x.op === "sub" ? sub(a, b) : x.op === "mul" ? mul(a, b) : div(a, b);
      }
      case "neg":
        return sub(frac(0n), ev(x.arg) as Frac);
      case "cmp": {
        const a = ev(x.left);
        const b = ev(x.right);
        if (x.op === "=") return equal(a, b);
        if (x.op === "<>") return !equal(a, b);
        const c = compare(a, b);
        return x.op === "<" ? c < 0 : x.op === "<=" ? c <= 0 : x.op === ">" ? c > 0 : c >= 0;
      }
      case "and":
        return (ev(x.left) as boolean) && (ev(x.right) as boolean);
      case "or":
        return (ev(x.left) as boolean) || (ev(x.right) as boolean);
      case "not":
        return !(ev(x.arg) as boolean);
      case "in": {
        const a = ev(x.arg);
        const found = x.values.some((v) => equal(a, ev(v)));
        return x.negated ? !found : found;
      }
      case "between": {
        const a = ev(x.arg);
        return compare(ev(x.low), a) <= 0 && compare(a, ev(x.high)) <= 0;
      }
      case "round":
        return roundFrac(ev(x.arg) as Frac, x.decimals, x.mode);
      case "if":
        return ev(x.cond) ? ev(x.then) : ev(x.else);
      case "agg":
        return this.aggregate(x, locals);
      case "date_add":
        return addDur(ev(x.date) as number, ev(x.dur) as Dur, x.sign);
      case "date_diff":
        return { unit: "dagen", n: BigInt((ev(x.left) as number) - (ev(x.right) as number)) };
      case "dur": {
        const n = ev(x.arg) as Frac;
        if (!isWhole(n)) throw new RefError("P0807");
        if (n.n > LARGEST_COUNT || n.n < -LARGEST_COUNT) throw new RefError("P0811");
        const factor = x.unit.startsWith("we") ? 7n : x.unit.startsWith("ja") ? 12n : 1n;
        const unit = x.unit.startsWith("da") || x.unit.startsWith("we") ? "dagen" : "maanden";
        return { unit, n: n.n * factor };
      }
      case "dur_add": {
        const a = ev(x.left) as Dur;
        const b = ev(x.right) as Dur;
        if (a.unit !== b.unit) throw new RefError("P0808");
        const n = a.n + BigInt(x.sign) * b.n;
        if (n > MAX_SAFE || n < -MAX_SAFE) throw new RefError("P0811");
        return { unit: a.unit, n };
      }
      case "dur_neg": {
        const a = ev(x.arg) as Dur;
        return { unit: a.unit, n: -a.n };
      }
      case "to_aantal": {
        const a = ev(x.arg) as Frac;
        if (!isWhole(a) || a.n < 0n) throw new RefError("P0804");
        return a;
      }
      case "percent":
        return div(ev(x.arg) as Frac, frac(100n));
      case "list":
        return x.items.map(ev);
      case "record": {
        const r: Record<string, Val> = {};
        for (const f of x.fields) r[f.name] = ev(f.value);
        return r;
      }
      case "period": {
        const from = ev(x.from) as number;
        const to = ev(x.to) as number;
        return period(from, x.inclusive ? to + 1 : to);
      }
      default:
        throw new Error(`reference: no evaluation for ${(x as { e: string }).e}`);
    }
  }

  private aggregate(x: Expr & { e: "agg" }, locals: ReadonlyMap<string, Val>): Val {
    const list = this.eval(x.list, locals) as Val[];
    const scoped = (v: Val) => new Map([...locals, [x.variable, v]]);
    const holds = (v: Val, e: Expr | undefined) => e === undefined || (this.eval(e, scoped(v)) as boolean);
    switch (x.op) {
      case "aantal":
        return frac(BigInt(list.filter((v) => holds(v, x.filter)).length));
      case "som": {
        let total = frac(0n);
        for (const v of list) if (holds(v, x.filter)) total = add(total, this.eval(x.body!, scoped(v)) as Frac);
        return total;
      }
      case "er is een":
        return list.some((v) => holds(v, x.filter ?? x.body));
      case "voor alle":
        return list.every((v) => holds(v, x.filter ?? x.body));
      case "grootste":
      case "kleinste": {
        // The largest (smallest) body value; of equal ones the first; none is P0813.
        let best: Val | undefined;
        for (const v of list) {
          if (!holds(v, x.filter)) continue;
          const b = this.eval(x.body!, scoped(v));
          if (best === undefined || (x.op === "grootste" ? compare(b, best) > 0 : compare(b, best) < 0)) best = b;
        }
        if (best === undefined) throw new RefError("P0813");
        return best;
      }
      case "eerste":
      case "laatste": {
        const order = x.op === "eerste" ? list : [...list].reverse();
        for (const v of order) if (holds(v, x.filter)) return this.eval(x.body!, scoped(v));
        throw new RefError("P0813");
      }
      case "elke":
        return list.filter((v) => holds(v, x.filter)).map((v) => this.eval(x.body!, scoped(v)));
      case "lopende som": {
        const out: Val[] = [];
        let total = frac(0n);
        for (const v of list) {
          if (!holds(v, x.filter)) continue;
          total = add(total, this.eval(x.body!, scoped(v)) as Frac);
          out.push(total);
        }
        return out;
      }
      default:
        throw new Error(`reference: no evaluation for agg ${x.op}`);
    }
  }

  private ref(kind: string, name: string, locals: ReadonlyMap<string, Val>): Val {
    switch (kind) {
      case "local":
        return locals.get(name)!;
      case "input": {
        const v = this.inputs[name];
        if (v === undefined) throw new RefError("P0715", name);
        return v;
      }
      case "parameter":
      case "begrip": {
        const known = this.begrippen.get(name);
        if (known !== undefined) return known;
        const def = [...this.policy.parameters, ...this.policy.begrippen].find((d) => d.name === name)!;
        const v = this.eval(def.value, new Map());
        this.begrippen.set(name, v);
        return v;
      }
      case "output":
        return this.output(name);
      default:
        throw new Error(`reference: unknown reference ${kind}`);
    }
  }

  /** Index of the clause of rule r that applies (-1: none), LANGUAGE.md §5. */
  private clause(r: number): number {
    const known = this.clauses.get(r);
    if (known !== undefined) return known;
    const rule = this.policy.rules[r]!;
    const applies = (c: Clause) => c.head !== "indien" || (this.eval(c.condition!, new Map()) as boolean);
    const i = rule.clauses.findIndex(applies);
    this.clauses.set(r, i);
    return i;
  }

  output(name: string): Val {
    const known = this.outputs.get(name);
    if (known !== undefined) return known;
    const o = this.policy.outputs.find((x) => x.name === name)!;
    // Bedrag outputs are rounded to cents once, when fixed; every reader sees that value.
    // So is each element of a lijst van bedrag output (§6.2).
    const cents = (v: Val) => roundFrac(v as Frac, 2, "half-away");
    const fix = (v: Val) => (o.type.k === "bedrag" ? cents(v) : o.type.k === "lijst" && o.type.elem.k === "bedrag" ? (v as Val[]).map(cents) : v);
    const candidates: { rule: number; value: Val }[] = [];
    for (const r of o.rules) {
      const c = this.clause(r);
      if (c < 0) continue;
      const assignment = this.policy.rules[r]!.clauses[c]!.assignments.find((a) => a.output === name);
      if (assignment) candidates.push({ rule: r, value: fix(this.eval(assignment.value, new Map())) });
    }
    // An exception replaces the rule it is an exception to.
    const replaced = new Set(candidates.flatMap((c) => this.policy.rules[c.rule]!.exceptionTo ?? []));
    const remaining = candidates.filter((c) => !replaced.has(c.rule));
    let value: Val;
    if (remaining.length === 0) {
      if (o.default === undefined) throw new RefError("P0802");
      value = fix(this.eval(o.default, new Map()));
    } else {
      value = remaining[0]!.value;
      // Rules conflict when their values differ (§5): a duration in days and one in months differ.
      for (const c of remaining.slice(1)) if (!sameValue(value, c.value)) throw new RefError("P0801");
    }
    this.outputs.set(name, value);
    return value;
  }
}

function constant(v: unknown): Val {
  if (v !== null && typeof v === "object" && v.constructor?.name === "Rat") {
    // The checker's exact constants, read through their text `n` or `n/d`.
    const [n, d] = String(v).split("/");
    return frac(BigInt(n!), BigInt(d ?? "1"));
  }
  if (v !== null && typeof v === "object" && "unit" in v) {
    const dur = v as { unit: "dagen" | "maanden"; n: number };
    return { unit: dur.unit, n: BigInt(dur.n) };
  }
  if (Array.isArray(v)) return v.map(constant);
  return v as Val;
}

/** Decide one case (a valid case file) with the reference semantics. */
export function referenceDecide(policy: Policy, caseFile: Record<string, unknown>): Outcome {
  const inputs: Record<string, Val> = {};
  for (const i of policy.inputs) {
    const raw = caseFile[i.name];
    if (i.optional && (raw === undefined || raw === null)) continue;
    inputs[i.name] = decode(raw, i.type);
  }
  const d = new Decision(policy, inputs);
  try {
    for (const c of policy.conditions) if (!(d.eval(c.expr, new Map()) as boolean)) throw new RefError("P0714");
    const outputs: Record<string, unknown> = {};
    for (const o of policy.outputs) outputs[o.name] = encode(d.output(o.name), o.type);
    return { outputs };
  } catch (e) {
    if (e instanceof RefError) return e.veld === undefined ? { fout: e.code } : { fout: e.code, veld: e.veld };
    throw e;
  }
}
