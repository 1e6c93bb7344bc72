// A small reference evaluator of the IR (issue 12), written for clarity, not
// speed, and independent of the runtime: its own exact fractions (BigInt),
// its own rounding, calendar, case decoding and output encoding. It reads
// the checked IR (compiler/ir/ir.ts) and follows LANGUAGE.md directly:
// §3 (aantal), §5 (rules, exceptions, conflicts, standaard, bedrag outputs
// rounded to cents once), §6 (evaluation order: lazy begrippen, short
// circuits, the first error met in declaration order), §7 (stdlib), §10
// (case file encodings). The differential test compares every back end
// with it.

import type { Clause, Expr, Policy, Type } from "../../compiler/ir/ir.js";

// ── Exact fractions ────────────────────────────────────────────────────────

/** n/d in lowest terms, d > 0. */
export interface Frac {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function frac(n: bigint, d = 1n): Frac {
  if (d === 0n) throw new RefError("P0803");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

const add = (a: Frac, b: Frac) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Frac, b: Frac) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Frac, b: Frac) => frac(a.n * b.n, a.d * b.d);
const div = (a: Frac, b: Frac) => frac(a.n * b.d, a.d * b.n);
const cmpFrac = (a: Frac, b: Frac) => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
const isWhole = (a: Frac) => a.d === 1n;

/** floor(n / d) for d > 0. */
const floorDiv = (n: bigint, d: bigint) => (n >= 0n ? n / d : -((-n + d - 1n) / d));

/** Round to `decimals` decimals: half away from zero, toward −∞ or toward +∞. */
export function roundFrac(x: Frac, decimals: number, mode: "half-away" | "floor" | "ceil"): Frac {
  const s = 10n ** BigInt(decimals);
  const scaled = frac(x.n * s, x.d);
  let k: bigint;
  if (mode === "floor") k = floorDiv(scaled.n, scaled.d);
  else if (mode === "ceil") k = -floorDiv(-scaled.n, scaled.d);
  else {
    const abs = scaled.n < 0n ? -scaled.n : scaled.n;
    const r = (2n * abs + scaled.d) / (2n * scaled.d);
    k = scaled.n < 0n ? -r : r;
  }
  return frac(k, s);
}

/** Decimal text from a decimal string of a case file (`"-12.50"`, `7`). */
function parseDecimalText(s: string): Frac {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`reference: not a decimal: ${s}`);
  const digits = BigInt(m[2]! + (m[3] ?? ""));
  return frac(m[1] ? -digits : digits, 10n ** BigInt((m[3] ?? "").length));
}

/** Exact decimal text when the fraction has one, else rounded half away to 10 decimals; no trailing zeros. */
function decimalText(x: Frac): string {
  let d = x.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  let digits = 0;
  let v = x;
  if (d !== 1n) v = roundFrac(x, 10, "half-away");
  // The fewest decimals that hold v exactly: no trailing zeros.
  while (10n ** BigInt(digits) % v.d !== 0n) digits++;
  return fixed(v, digits);
}

/** Text with exactly `digits` decimals of a value that has at most that many. */
function fixed(x: Frac, digits: number): string {
  const s = 10n ** BigInt(digits);
  const k = (x.n * s) / x.d;
  const neg = k < 0n;
  const abs = (neg ? -k : k).toString().padStart(digits + 1, "0");
  const body = digits === 0 ? abs : `${abs.slice(0, abs.length - digits)}.${abs.slice(abs.length - digits)}`;
  return neg ? `-${body}` : body;
}

// ── Calendar: days since 1970-01-01, proleptic Gregorian ─────────────────────

export function dayOf(y: number, m: number, d: number): number {
  // Days from civil (H. Hinnant's algorithm).
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOf(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const FIRST_DAY = dayOf(1, 1, 1);
const LAST_DAY = dayOf(9999, 12, 31);

function checkedDay(day: number): number {
  if (day < FIRST_DAY || day > LAST_DAY) throw new RefError("P0810");
  return day;
}

interface Dur {
  unit: "dagen" | "maanden";
  n: bigint;
}

function addDur(day: number, dur: Dur, sign: 1 | -1): number {
  if (dur.unit === "dagen") return checkedDay(day + sign * Number(dur.n));
  const { y, m, d } = civilOf(day);
  const total = y * 12 + (m - 1) + sign * Number(dur.n);
  const ny = Math.floor(total / 12);
  if (ny < 1 || ny > 9999) throw new RefError("P0810");
  const nm = total - ny * 12 + 1;
  return dayOf(ny, nm, Math.min(d, monthLength(ny, nm)));
}

function isoOf(day: number): string {
  const { y, m, d } = civilOf(day);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// ── Values and errors ──────────────────────────────────────────────────────

/** Half-open [start, end) of days; every empty period is { start: 0, end: 0 }. */
interface Per {
  start: number;
  end: number;
}

const EMPTY: Per = { start: 0, end: 0 };
const period = (start: number, end: number): Per => (end <= start ? EMPTY : { start, end });
const isPer = (v: unknown): v is Per => typeof v === "object" && v !== null && "start" in v && "end" in v;

type Val = Frac | number | boolean | string | Dur | Per | Val[] | { [field: string]: Val };

/** An evaluation (or input) error, by its code. */
export class RefError extends Error {
  /** `veld`: the field an input error names (P0715). */
  constructor(
    readonly code: string,
    readonly veld?: string,
  ) {
    super(code);
  }
}

/**
 * What a back end gives for a case: the outputs as in a case file, or the
 * error: its code, the field it names (case-input errors) and its Dutch
 * message. The reference gives code and field only (its messages are not
 * the runtime's); the other back ends are compared on the message too.
 */
export type Outcome = { outputs: Record<string, unknown> } | { fout: string; veld?: string; bericht?: string };

const LARGEST_COUNT = 4_000_000n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// ── Decoding and encoding (LANGUAGE.md §10) ──────────────────────────────────

function decode(v: unknown, t: Type): Val {
  switch (t.k) {
    case "bedrag":
    case "getal":
    case "aantal":
      return parseDecimalText(String(v));
    case "percentage":
      return div(parseDecimalText(String(v)), frac(100n));
    case "datum": {
      const [y, m, d] = String(v).split("-").map(Number);
      return dayOf(y!, m!, d!);
    }
    case "periode": {
      if (v === null) return EMPTY;
      const p = v as { van: string; tot_en_met: string };
      return period(decode(p.van, { k: "datum" }) as number, (decode(p.tot_en_met, { k: "datum" }) as number) + 1);
    }
    case "duur": {
      const [[unit, n]] = Object.entries(v as Record<string, unknown>) as [[string, unknown]];
      const factor = unit === "weken" ? 7n : unit === "jaren" ? 12n : 1n;
      return { unit: unit === "dagen" || unit === "weken" ? "dagen" : "maanden", n: BigInt(String(n)) * factor };
    }
    case "janee":
    case "tekst":
    case "soort":
      return v as Val;
    case "lijst":
      return (v as unknown[]).map((e) => decode(e, t.elem));
    case "record": {
      const r: Record<string, Val> = {};
      for (const f of t.fields) {
        const raw = (v as Record<string, unknown>)[f.name];
        if (f.optional && (raw === undefined || raw === null)) continue;
        r[f.name] = decode(raw, f.type);
      }
      return r;
    }
    default:
      throw new Error(`reference: no decoding for ${t.k}`);
  }
}

function encode(v: Val, t: Type): unknown {
  switch (t.k) {
    case "bedrag":
      return fixed(v as Frac, 2);
    case "getal":
      return decimalText(v as Frac);
    case "aantal": {
      const n = (v as Frac).n;
      return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n.toString();
    }
    case "percentage":
      return decimalText(mul(v as Frac, frac(100n)));
    case "datum":
      return isoOf(v as number);
    case "duur":
      return { [(v as Dur).unit]: Number((v as Dur).n) };
    case "periode": {
      const p = v as Per;
      return p.end <= p.start ? null : { van: isoOf(p.start), tot_en_met: isoOf(p.end - 1) };
    }
    case "janee":
    case "tekst":
    case "soort":
      return v;
    case "lijst":
      // A lijst van bedrag output has each element rounded to cents once (LANGUAGE.md §6.2).
      return (v as Val[]).map((e) => encode(t.elem.k === "bedrag" ? roundFrac(e as Frac, 2, "half-away") : e, t.elem));
    default:
      throw new Error(`reference: no encoding for ${t.k}`);
  }
}

// ── Evaluation ─────────────────────────────────────────────────────────────

function equal(a: Val, b: Val): boolean {
  if (typeof a === "object" && a !== null && "n" in a && "d" in a) return cmpFrac(a as Frac, b as Frac) === 0;
  if (isPer(a)) return a.start === (b as Per).start && a.end === (b as Per).end;
  if (typeof a === "object" && a !== null && "unit" in a) {
    const x = a as Dur;
    const y = b as Dur;
    if (x.unit !== y.unit) throw new RefError("P0808");
    return x.n === y.n;
  }
  return a === b;
}

function compare(a: Val, b: Val): number {
  if (typeof a === "number") return Math.sign(a - (b as number));
  if ("unit" in (a as object)) {
    const x = a as Dur;
    const y = b as Dur;
    if (x.unit !== y.unit) throw new RefError("P0808");
    return x.n < y.n ? -1 : x.n > y.n ? 1 : 0;
  }
  return cmpFrac(a as Frac, b as Frac);
}

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
    const fix = (v: Val) => (o.type.k === "bedrag" ? roundFrac(v as Frac, 2, "half-away") : v);
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
      for (const c of remaining.slice(1)) if (!equal(value, c.value)) throw new RefError("P0801");
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

function std(fn: string, args: Val[]): Val {
  switch (fn) {
    case "min":
      return args.reduce((a, b) => (compare(b, a) < 0 ? b : a));
    case "max":
      return args.reduce((a, b) => (compare(b, a) > 0 ? b : a));
    case "abs": {
      const x = args[0] as Frac;
      return x.n < 0n ? frac(-x.n, x.d) : x;
    }
    case "jaar_van":
      return frac(BigInt(civilOf(args[0] as number).y));
    case "maand_van":
      return frac(BigInt(civilOf(args[0] as number).m));
    case "dag_van":
      return frac(BigInt(civilOf(args[0] as number).d));
    case "begin_van_jaar":
      return dayOf(civilOf(args[0] as number).y, 1, 1);
    case "einde_van_jaar":
      return dayOf(civilOf(args[0] as number).y, 12, 31);
    case "eerste_dag_volgende_maand": {
      const { y, m } = civilOf(args[0] as number);
      return checkedDay(m === 12 ? dayOf(y + 1, 1, 1) : dayOf(y, m + 1, 1));
    }
    case "dagen_in_jaar":
      return frac(leap(Number((args[0] as Frac).n)) ? 366n : 365n);
    case "verjaardag":
      return birthday(args[0] as number, (args[1] as Frac).n);
    case "leeftijd_op": {
      // The largest n with verjaardag(g, n) <= d; an error when g is after d.
      const [g, d] = args as [number, number];
      if (g > d) throw new RefError("P0805");
      const n = BigInt(civilOf(d).y - civilOf(g).y);
      return frac(birthday(g, n) <= d ? n : n - 1n);
    }
    case "aantal_dagen": {
      const p = args[0] as Per;
      return frac(BigInt(p.end - p.start));
    }
    case "begin":
    case "einde": {
      const p = args[0] as Per;
      if (p.end <= p.start) throw new RefError("P0806");
      return fn === "begin" ? p.start : p.end - 1;
    }
    case "overlap": {
      const [p, q] = args as [Per, Per];
      if (p.end <= p.start || q.end <= q.start) return EMPTY;
      return period(Math.max(p.start, q.start), Math.min(p.end, q.end));
    }
    case "hele_maand": {
      const p = args[0] as Per;
      if (p.end <= p.start) return false;
      const { y, m, d } = civilOf(p.start);
      return d === 1 && p.end - p.start === monthLength(y, m);
    }
    case "werkdagen_tussen_be":
    case "werkdagen_tussen_nl": {
      const [a, b] = args as [number, number];
      const country = fn.endsWith("be") ? "be" : "nl";
      let count = 0;
      for (let day = a; day < b; day++) if (workingDay(day, country)) count++;
      return frac(BigInt(count));
    }
    case "plus_werkdagen_be":
    case "plus_werkdagen_nl": {
      const n = args[1] as Frac;
      if (!isWhole(n)) throw new RefError("P0807");
      const country = fn.endsWith("be") ? "be" : "nl";
      let day = args[0] as number;
      for (let left = n.n; left > 0n; ) {
        day = checkedDay(day + 1);
        if (workingDay(day, country)) left--;
      }
      return day;
    }
    case "feestdag_be":
      return holiday(args[0] as number, "be");
    case "feestdag_nl":
      return holiday(args[0] as number, "nl");
    case "eerste_paasdag":
      return easter(Number((args[0] as Frac).n));
    case "kalendermaanden": {
      // The calendar-month pieces of p, in order.
      const p = args[0] as Per;
      const out: Per[] = [];
      for (let start = p.start; start < p.end; ) {
        const { y, m } = civilOf(start);
        const next = m === 12 ? dayOf(y + 1, 1, 1) : dayOf(y, m + 1, 1);
        out.push(period(start, Math.min(next, p.end)));
        start = next;
      }
      return out;
    }
    case "uren_tussen": {
      // (d2 − d1) × 24 + u2 − u1; an hour of the day outside 0–24 is P0807.
      const [d1, u1, d2, u2] = args as [number, Frac, number, Frac];
      for (const u of [u1, u2]) if (cmpFrac(u, frac(0n)) < 0 || cmpFrac(u, frac(24n)) > 0) throw new RefError("P0807");
      return add(frac(BigInt(d2 - d1) * 24n), sub(u2, u1));
    }
    case "werkdagen_tussen": {
      // Monday to Friday in [a, b): whole weeks have five, then day by day.
      const [a, b] = args as [number, number];
      if (b <= a) return frac(0n);
      const weeks = Math.floor((b - a) / 7);
      let count = 5 * weeks;
      for (let day = a + 7 * weeks; day < b; day++) {
        const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
        if (weekday < 5) count++;
      }
      return frac(BigInt(count));
    }
    default:
      throw new Error(`reference: no stdlib function ${fn}`);
  }
}

/** Easter Sunday of year y (the Gregorian algorithm of Meeus, Jones and Butcher). */
function easter(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, month, day);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;

/** The public holidays of LANGUAGE.md §7.1, by country. */
function holiday(day: number, country: "be" | "nl"): boolean {
  const { y, m, d } = civilOf(day);
  const e = easter(y);
  const moving = [e + 1, e + 39, e + 50];
  if (moving.includes(day)) return true;
  const fixed = (mm: number, dd: number) => m === mm && d === dd;
  if (fixed(1, 1) || fixed(12, 25)) return true;
  if (country === "be") return fixed(5, 1) || fixed(7, 21) || fixed(8, 15) || fixed(11, 1) || fixed(11, 11);
  if (fixed(12, 26) || fixed(5, 5)) return true;
  // Koningsdag / Koninginnedag.
  let king: number;
  if (y >= 2014) {
    king = dayOf(y, 4, 27);
    if (weekday(king) === 6) king = dayOf(y, 4, 26);
  } else if (y >= 1949) {
    king = dayOf(y, 4, 30);
    if (weekday(king) === 6) king = y >= 1980 ? dayOf(y, 4, 29) : dayOf(y, 5, 1);
  } else king = dayOf(y, 8, 31);
  return day === king;
}

const workingDay = (day: number, country: "be" | "nl") => weekday(day) < 5 && !holiday(day, country);

/** `verjaardag(g, n)`: g plus n years, 29 februari clamped to 28 februari. */
function birthday(g: number, n: bigint): number {
  if (n > 20_000n || n < -20_000n) throw new RefError("P0810");
  return addDur(g, { unit: "maanden", n: 12n * n }, 1);
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
