// Exact numbers and calendar dates in SQL (LANGUAGE.md §3, §6, §7).
// A number is a rational: numerator and denominator columns of the dialect's
// exact integer type (DuckDB HUGEINT, PostgreSQL NUMERIC, Spark DECIMAL(38,0)),
// the denominator > 0. Every operation is integer arithmetic; rounding is a
// floor division written out (never `round`, `trunc` or `//` on a negative
// number); a date is its epoch day and the civil calendar is computed with
// integer formulas (proleptic Gregorian, as runtime/calendar.ts).
// In: column names in a Frame. Out: column names.

import type { Dialect } from "./dialect.js";
import type { Frame } from "./frame.js";
import type { RoundingMode } from "../../runtime/rational.js";

export interface Num {
  n: string;
  d: string;
  /** The denominator when it is a known constant. */
  dl?: bigint;
  /** Upper bounds of |n| and d, where the checker's types bound them (undefined: unknown). */
  nb?: bigint;
  db?: bigint;
  /** Upper bound of the value's magnitude |n / d| (undefined: unknown). */
  vb?: bigint;
  /** A lower bound of n, where known (a positive divisor needs no sign or zero test). */
  lo?: bigint;
  /** Set when n / d may not be in lowest terms (a non-constant denominator whose reduction was skipped). */
  raw?: true;
}

/**
 * An operation whose every intermediate value is bounded by NARROW is
 * computed in the dialect's narrow integer type (DuckDB BIGINT, several times
 * faster than HUGEINT); each operation below bounds all the intermediate
 * values it writes, not only its result. Otherwise it casts its first operand
 * to the wide type; a bound beyond the wide type is unknown: such an
 * operation is guarded (Dialect.guard: NULL where it overflows) and recorded
 * in Arith.ov, which compile() (expr.ts) turns into the row's P0903, never a
 * wrong number and never a stopped query.
 */
export const NARROW = (1n << 63n) - 1n;
const WIDE = 1n << 126n;

function cap(x: bigint): bigint | undefined {
  return x > WIDE ? undefined : x;
}
export function bmul(...xs: (bigint | undefined)[]): bigint | undefined {
  let r = 1n;
  for (const x of xs) {
    if (x === undefined) return undefined;
    r *= x;
  }
  return cap(r);
}
export function badd(...xs: (bigint | undefined)[]): bigint | undefined {
  let r = 0n;
  for (const x of xs) {
    if (x === undefined) return undefined;
    r += x;
  }
  return cap(r);
}
export function bmax(a: bigint | undefined, b: bigint | undefined): bigint | undefined {
  return a === undefined || b === undefined ? undefined : a > b ? a : b;
}
const absBig = (x: bigint) => (x < 0n ? -x : x);
const bmin = (a: bigint | undefined, b: bigint | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/** A constant denominator bounds the numerator by the value: |n| <= vb * dl. */
function tight(x: Num): Num {
  if (x.dl === undefined || x.vb === undefined) return x;
  const nb = bmin(x.nb, bmul(x.vb, x.dl));
  return nb === undefined ? x : { ...x, nb };
}

/** A guarded operation: cond holds for a row where it overflowed; op names it in Dutch ("vermenigvuldiging"). */
export interface Overflow {
  cond: string;
  op: string;
}

export class Arith {
  /** Overflow checks not yet part of an error (compile() in expr.ts takes them). */
  readonly ov: Overflow[] = [];
  /**
   * > 0 while someone takes the checks (compile(), the outputs in query.ts,
   * a message's safe()): only then is an operation guarded. Elsewhere (list
   * lambdas written by lists.ts) an overflow stops the query: never a wrong
   * number.
   */
  tracking = 0;

  constructor(
    readonly d: Dialect,
    readonly f: Frame,
  ) {}

  /**
   * x, an integer operation whose bound is unknown (undefined: it may not fit
   * the wide type), as a column that is NULL where it overflows, with its
   * check recorded; other operations are plain columns. PostgreSQL NUMERIC
   * does not overflow at 38 digits: nothing to guard.
   */
  col(x: string, bound: bigint | undefined, op: string): string {
    const g = this.d.guard;
    if (bound !== undefined || g === undefined || this.tracking === 0) return this.f.col(x);
    const c = this.f.col(g(x));
    this.ov.push({ cond: `${c} IS NULL`, op });
    return c;
  }

  /** An integer literal: narrow when it fits. */
  lit(n: bigint): string {
    return absBig(n) <= NARROW ? this.d.nlit(n) : this.d.lit(n);
  }

  /** Whether every bound is known and narrow. */
  narrow(...bs: (bigint | undefined)[]): boolean {
    return bs.every((b) => b !== undefined && b <= NARROW);
  }

  /** x in the wide type unless ok. */
  w(x: string, ok: boolean): string {
    return ok ? x : this.d.wide(x);
  }

  const(n: bigint, den: bigint): Num {
    return { n: this.lit(n), d: this.lit(den), dl: den, nb: absBig(n), db: den, vb: (absBig(n) + den - 1n) / den, lo: n };
  }

  /** A whole number from a small integer expression with |x| <= bound (and x >= lo). */
  small(x: string, bound: bigint, lo?: bigint): Num {
    return { n: this.f.col(`CAST(${x} AS ${this.d.narrowType ?? this.d.int})`), d: this.lit(1n), dl: 1n, nb: bound, db: 1n, vb: bound, ...(lo !== undefined ? { lo } : {}) };
  }

  /** x · y as SQL, without a factor that is the literal 1. */
  private times(x: string, y: string): string {
    if (y === this.lit(1n) || y === this.d.lit(1n)) return x;
    if (x === this.lit(1n) || x === this.d.lit(1n)) return y;
    return `${x} * ${y}`;
  }

  /** x with the constant denominator l (a multiple of x.dl). */
  at(x: Num, l: bigint): Num {
    const k = l / x.dl!;
    if (k === 1n) return x;
    const nb = bmul(x.nb, k);
    return { n: this.col(`${this.w(x.n, this.narrow(nb))} * ${this.lit(k)}`, nb, "vermenigvuldiging"), d: this.lit(l), dl: l, nb, db: l, vb: x.vb };
  }

  /** Floor division a / b for b > 0. */
  floorDiv(a: string, b: string): string {
    const m = `(((${a}) % (${b})) + (${b})) % (${b})`;
    return this.d.idiv(`(${a}) - (${m})`, b);
  }

  /** Reduce by the gcd when the denominator is not a known constant and the parts may be large. */
  reduce(x: Num): Num {
    if (x.dl !== undefined) return x;
    if (this.d.narrowType !== undefined && this.narrow(x.nb, x.db)) return { ...x, raw: true };
    return this.gcdReduce(x);
  }

  /** In lowest terms: reduced when it may not be. */
  normal(x: Num): Num {
    return x.dl === undefined && x.raw ? this.gcdReduce(x) : x;
  }

  private gcdReduce(x: Num): Num {
    if (x.dl !== undefined) return x;
    const g0 = this.d.gcd(x.n, x.d);
    if (g0 === null) return x;
    const g = this.f.col(`CASE WHEN ${x.n} = 0 THEN ${x.d} ELSE ${g0} END`);
    return { n: this.f.col(this.d.idiv(x.n, g)), d: this.f.col(this.d.idiv(x.d, g)), nb: x.nb, db: x.db, vb: x.vb };
  }

  add(a: Num, b: Num, sign: 1 | -1): Num {
    const op = sign === 1 ? "+" : "-";
    const what = sign === 1 ? "optelling" : "aftrekking";
    const vb = badd(a.vb, b.vb);
    if (a.dl !== undefined && b.dl !== undefined) {
      const l = lcm(a.dl, b.dl);
      const fa = l / a.dl;
      const fb = l / b.dl;
      const nb = badd(bmul(a.nb, fa), bmul(b.nb, fb));
      const ok = this.narrow(nb);
      const an = fa === 1n ? this.w(a.n, ok) : `${this.w(a.n, ok)} * ${this.lit(fa)}`;
      const bn = fb === 1n ? this.w(b.n, ok) : `${this.w(b.n, ok)} * ${this.lit(fb)}`;
      return tight({ n: this.col(`${an} ${op} ${bn}`, nb, what), d: this.lit(l), dl: l, nb, db: l, vb });
    }
    const nb = badd(bmul(a.nb, b.db), bmul(b.nb, a.db));
    const db = bmul(a.db, b.db);
    const ok = this.narrow(nb, db);
    return this.reduce({
      n: this.col(`${this.times(this.w(a.n, ok), b.d)} ${op} ${this.times(this.w(b.n, ok), a.d)}`, nb, what),
      d: this.col(this.times(this.w(a.d, ok), b.d), db, what),
      nb,
      db,
      vb,
    });
  }

  mul(a: Num, b: Num): Num {
    const nb = bmul(a.nb, b.nb);
    const vb = bmul(a.vb, b.vb);
    if (a.dl !== undefined && b.dl !== undefined) {
      const ok = this.narrow(nb);
      const dl = a.dl * b.dl;
      return this.shrink(tight({ n: this.col(`${this.w(a.n, ok)} * ${b.n}`, nb, "vermenigvuldiging"), d: this.lit(dl), dl, nb, db: dl, vb }));
    }
    const db = bmul(a.db, b.db);
    if ((nb === undefined || db === undefined) && this.d.narrowType !== undefined) {
      // Parts of unknown size: reduce across before multiplying, so that
      // only a result that is itself too large can overflow (reduced
      // operands give a reduced product).
      const x = this.normal(a);
      const y = this.normal(b);
      return { ...this.crossMul(x.n, x.d, y.n, y.d, nb, db, "vermenigvuldiging"), ...(vb !== undefined ? { vb } : {}) };
    }
    const ok = this.narrow(nb, db);
    return this.reduce({ n: this.col(this.times(this.w(a.n, ok), b.n), nb, "vermenigvuldiging"), d: this.col(this.times(this.w(a.d, ok), b.d), db, "vermenigvuldiging"), nb, db, vb });
  }

  /** (an/ad) * (bn/bd) with an, bn reduced against bd, ad first (all wide); d > 0. */
  private crossMul(an: string, ad: string, bn: string, bd: string, nb: bigint | undefined, db: bigint | undefined, op: string): Num {
    // Callers pass parts in lowest terms (see normal()).
    const g = (x: string, y: string) => this.f.col(`CASE WHEN ${x} = 0 THEN ${y} ELSE ${this.d.gcd(x, y)} END`);
    const g1 = g(an, bd);
    const g2 = g(bn, ad);
    const n = this.col(`${this.d.wide(this.d.idiv(an, g1))} * ${this.d.idiv(bn, g2)}`, nb, op);
    const d = this.col(`${this.d.wide(this.d.idiv(ad, g2))} * ${this.d.idiv(bd, g1)}`, db, op);
    return { n, d };
  }

  /** A constant denominator grows with every product: reduce it once it is large. */
  private shrink(x: Num): Num {
    if (x.dl! < 10n ** 12n) return x;
    return this.gcdReduce({ n: x.n, d: x.d, nb: x.nb, db: x.db, vb: x.vb });
  }

  /** a / b; the denominator is NULL when b is 0 (the caller reports P0803). */
  div(a: Num, b: Num): Num {
    const s = `CASE WHEN ${b.n} < 0 THEN -1 ELSE 1 END`;
    const nb = bmul(a.nb, b.db);
    const db = bmul(a.db, b.nb);
    // b <> 0 has |b.n| >= 1, so |b| >= 1 / b.db; a positive divisor has |b| >= b.lo / b.db.
    const vb = b.lo !== undefined && b.lo > 1n && a.vb !== undefined && b.db !== undefined ? cap((a.vb * b.db + b.lo - 1n) / b.lo) : bmul(a.vb, b.db);
    if ((nb === undefined || db === undefined) && this.d.narrowType !== undefined) {
      // a * (1 / b), reduced across; 1 / b has the sign in its numerator.
      const x = this.normal(a);
      const y = this.normal(b);
      const inv = { n: this.f.col(`${this.d.wide(y.d)} * CASE WHEN ${y.n} < 0 THEN -1 ELSE 1 END`), d: this.f.col(`CASE WHEN ${y.n} = 0 THEN NULL ELSE abs(${this.d.wide(y.n)}) END`) };
      return { ...this.crossMul(x.n, x.d, inv.n, inv.d, nb, db, "deling"), ...(vb !== undefined ? { vb } : {}) };
    }
    const ok = this.narrow(nb, db);
    if (b.lo !== undefined && b.lo > 0n) {
      // A positive divisor: no sign to move, no zero to test.
      return this.reduce({ n: this.col(this.times(this.w(a.n, ok), b.d), nb, "deling"), d: this.col(this.times(this.w(a.d, ok), b.n), db, "deling"), nb, db, vb });
    }
    const n = this.col(`${this.w(a.n, ok)} * ${b.d} * ${s}`, nb, "deling");
    const d = this.col(`CASE WHEN ${b.n} = 0 THEN NULL ELSE ${this.w(a.d, ok)} * ${b.n} * ${s} END`, db, "deling");
    return this.reduce({ n, d, nb, db, vb });
  }

  neg(a: Num): Num {
    const { lo: _lo, ...rest } = a;
    return { ...rest, n: this.f.col(`-(${a.n})`) };
  }

  abs(a: Num): Num {
    const { lo: _lo, ...rest } = a;
    return { ...rest, n: this.f.col(`abs(${a.n})`) };
  }

  /** a <op> b as a boolean SQL expression (denominators are positive). */
  cmp(a: Num, b: Num, op: string): string {
    if (a.dl !== undefined && a.dl === b.dl) return `(${a.n} ${op} ${b.n})`;
    const pa = bmul(a.nb, b.db);
    const pb = bmul(b.nb, a.db);
    const ok = this.narrow(pa, pb);
    const test = `(${this.times(this.w(a.n, ok), b.d)} ${op} ${this.times(this.w(b.n, ok), a.d)})`;
    // A product that may overflow: a guarded column (NULL, and the row's P0903, where it does).
    return (pa === undefined || pb === undefined) && this.d.guard && this.tracking > 0 ? this.col(test, undefined, "vergelijking") : test;
  }

  isInteger(a: Num): string {
    return a.dl === 1n ? "TRUE" : `(${a.n} % ${a.d} = 0)`;
  }

  /** The integer value of a whole number. */
  toInt(a: Num): string {
    return a.dl === 1n ? a.n : this.f.col(this.d.idiv(a.n, a.d));
  }

  /** LANGUAGE.md §6: round to k decimals, half away from zero, down (floor) or up (ceil). */
  round(a: Num, k: number, mode: RoundingMode): Num {
    const s = 10n ** BigInt(k);
    if (a.dl !== undefined && s % a.dl === 0n) return a;
    const bound = badd(bmul(2n, a.nb, s), bmul(2n, a.db));
    const ok = this.narrow(bound);
    const m = `${this.w(a.n, ok)} * ${this.lit(s)}`;
    let q: string;
    if (bound === undefined && this.d.guard && this.tracking > 0) q = this.roundSplit(a, s, mode);
    else if (mode === "floor") q = this.floorDiv(m, a.d);
    else if (mode === "ceil") q = `-(${this.floorDiv(`-(${m})`, a.d)})`;
    else q = `CASE WHEN ${a.n} < 0 THEN -1 ELSE 1 END * ${this.d.idiv(`2 * abs(${m}) + ${a.d}`, `2 * ${a.d}`)}`;
    const vb = badd(a.vb, 1n);
    const nb = badd(bmul(a.nb, s), 1n);
    return tight({ n: this.col(q, bound === undefined ? undefined : nb, "afronding"), d: this.lit(s), dl: s, nb, db: s, vb });
  }

  /**
   * round(a · s) for parts of unknown size, split at the whole part
   * (a = whole + rem / d, 0 <= rem < d), so that no intermediate is much
   * larger than the result: never n · s first.
   */
  private roundSplit(a: Num, s: bigint, mode: RoundingMode): string {
    const idiv = this.d.idiv;
    const sl = this.d.lit(s);
    if (mode === "half-away") {
      const an = this.f.col(`abs(${this.d.wide(a.n)})`);
      const frac = idiv(`2 * (${an} % ${a.d}) * ${sl} + ${a.d}`, `2 * ${this.d.wide(a.d)}`);
      return `CASE WHEN ${a.n} < 0 THEN -1 ELSE 1 END * (${idiv(an, a.d)} * ${sl} + ${frac})`;
    }
    // floor(n · s / d) = floor(n / d) · s + floor(r · s / d), r = n mod d >= 0; naar boven as -floor(-n · s / d).
    const n = this.f.col(mode === "floor" ? this.d.wide(a.n) : `-(${this.d.wide(a.n)})`);
    const r = this.f.col(`((${n} % ${a.d}) + ${a.d}) % ${a.d}`);
    const q = `${idiv(`${n} - ${r}`, a.d)} * ${sl} + ${idiv(`${r} * ${sl}`, a.d)}`;
    return mode === "floor" ? q : `-(${q})`;
  }

  // ------------------------------------------------------------ calendar

  /** Year, month and day of an epoch day (civil_from_days). */
  ymd(day: string): { y: string; m: string; d: string } {
    const f = this.f;
    if (this.d.name === "duckdb") {
      // DuckDB's DATE is the proleptic Gregorian calendar on whole days: year(), month() and day() are exact.
      const date = f.names.dates.get(day) ?? f.col(`CAST(DATE '1970-01-01' + CAST(${day} AS INTEGER) AS DATE)`);
      return { y: f.col(`CAST(year(${date}) AS BIGINT)`), m: f.col(`CAST(month(${date}) AS BIGINT)`), d: f.col(`CAST(day(${date}) AS BIGINT)`) };
    }
    const idiv = this.d.idiv;
    const z = f.col(`${day} + 719468`);
    const era = f.col(this.floorDiv(z, "146097"));
    const doe = f.col(`${z} - ${era} * 146097`);
    const yoe = f.col(idiv(`${doe} - ${idiv(doe, "1460")} + ${idiv(doe, "36524")} - ${idiv(doe, "146096")}`, "365"));
    const doy = f.col(`${doe} - (365 * ${yoe} + ${idiv(yoe, "4")} - ${idiv(yoe, "100")})`);
    const mp = f.col(idiv(`5 * ${doy} + 2`, "153"));
    const d = f.col(`${doy} - ${idiv(`153 * ${mp} + 2`, "5")} + 1`);
    const m = f.col(`CASE WHEN ${mp} < 10 THEN ${mp} + 3 ELSE ${mp} - 9 END`);
    const y = f.col(`${yoe} + ${era} * 400 + CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END`);
    return { y, m, d };
  }

  /** Epoch day of a civil date (days_from_civil); y ≥ 1. */
  day(y: string, m: string, d: string): string {
    const f = this.f;
    if (this.d.name === "duckdb") return f.col(`CAST(make_date(CAST(${y} AS INTEGER), CAST(${m} AS INTEGER), CAST(${d} AS INTEGER)) - DATE '1970-01-01' AS BIGINT)`);
    const idiv = this.d.idiv;
    const yy = f.col(`${y} - (CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`);
    const era = f.col(this.floorDiv(yy, "400"));
    const yoe = f.col(`${yy} - ${era} * 400`);
    const doy = f.col(`${idiv(`153 * (${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END) + 2`, "5")} + ${d} - 1`);
    const doe = f.col(`${yoe} * 365 + ${idiv(yoe, "4")} - ${idiv(yoe, "100")} + ${doy}`);
    return f.col(`${era} * 146097 + ${doe} - 719468`);
  }

  isLeap(y: string): string {
    return `((${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0)`;
  }

  daysInMonth(y: string, m: string): string {
    return this.f.col(
      `CASE WHEN ${m} = 2 THEN CASE WHEN ${this.isLeap(y)} THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`,
    );
  }

  /** day + k months, clamped to the month's last day; NULL outside the years 1–9999. */
  addMonths(day: string, k: string): string {
    const { y, m, d } = this.ymd(day);
    const total = this.f.col(`${y} * 12 + ${m} - 1 + ${k}`);
    const ny = this.f.col(this.floorDiv(total, "12"));
    const nm = this.f.col(`${total} - ${ny} * 12 + 1`);
    const dim = this.daysInMonth(ny, nm);
    const nd = this.f.col(`CASE WHEN ${d} < ${dim} THEN ${d} ELSE ${dim} END`);
    return this.f.col(`CASE WHEN ${ny} BETWEEN 1 AND 9999 THEN ${this.day(ny, nm, nd)} END`);
  }
}

/** Epoch days of 0001-01-01 and 10000-01-01: the dates Polis holds are in [FIRST_DAY, END_DAY). */
export const FIRST_DAY = -719162;
export const END_DAY = 2932897;

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcdBig(a, b)) * b;
}
