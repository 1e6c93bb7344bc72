// The calendar of runtime/calendar.ts as SMT terms (issue 18): a date is an
// Int day number (days since 1 januari 1970, proleptic Gregorian), and its
// (year, month, day) are fresh Ints tied to it by `dayFromYmd`, which is linear
// arithmetic with division by constants. Month arithmetic clamps to the last
// day of the month, as addDuration does; `leeftijd_op` counts birthdays, with
// 29 februari celebrated on 28 februari outside leap years, as ageOn does.
// In: a z3 context and Int terms. Out: Int and Bool terms.
// INVARIANT: every function here is exact for the years 1–9999; `ymd` adds the
// constraints that define its fresh variables to `side`, which the caller
// asserts unconditionally (every day has exactly one date).

import type { Arith, Bool } from "z3-solver";
import type { Z3 } from "./z3.js";

type Int = Arith<"polis">;
type B = Bool<"polis">;

/** Days before the 1st of month m in a common year, m = 1..12. */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** 1 januari 0001 as a day number. */
const DAY_OF_YEAR_ONE = -719162;

export interface Ymd {
  y: Int;
  m: Int;
  d: Int;
}

export class SmtCalendar {
  private fresh = 0;
  private readonly cache = new Map<string, Ymd>();
  /** Definitions of the fresh variables, asserted by the caller. */
  readonly side: B[] = [];

  constructor(private readonly z: Z3) {}

  /**
   * Most dates a policy meets lie in 1901–2099, where a leap year is every
   * fourth: the solver gets that case cheaply, and the full rule outside it.
   */
  private modern(y: Int): B {
    return this.z.And(y.ge(1901), y.le(2099));
  }

  isLeap(y: Int): B {
    const { z } = this;
    const four = y.mod(4).eq(0);
    return z.If(this.modern(y), four, z.Or(z.And(four, y.mod(100).neq(0)), y.mod(400).eq(0))) as B;
  }

  daysInMonth(y: Int, m: Int): Int {
    const { z } = this;
    const thirty = z.Or(m.eq(4), m.eq(6), m.eq(9), m.eq(11));
    const feb = z.If(this.isLeap(y), z.Int.val(29), z.Int.val(28));
    return z.If(m.eq(2), feb, z.If(thirty, z.Int.val(30), z.Int.val(31))) as Int;
  }

  /** The day number of a valid date (no range check). */
  dayFromYmd(y: Int, m: Int, d: Int): Int {
    const { z } = this;
    const p = y.sub(1);
    let before: Int = z.Int.val(0);
    for (let k = 12; k >= 2; k--) before = z.If(m.eq(k), z.Int.val(DAYS_BEFORE_MONTH[k]!), before) as Int;
    const leapDay = z.If(z.And(m.gt(2), this.isLeap(y)), z.Int.val(1), z.Int.val(0)) as Int;
    // In 1901–2099, (y − 1) div 100 − (y − 1) div 400 is 19 − 4 = 15.
    const centuries = z.If(this.modern(y), z.Int.val(15), p.div(100).sub(p.div(400))) as Int;
    return p.mul(365).add(p.div(4)).sub(centuries).add(before).add(leapDay).add(d).sub(1).add(DAY_OF_YEAR_ONE);
  }

  /** The constraints that (y, m, d) is a date in the years 1–9999. */
  validYmd(y: Int, m: Int, d: Int): B {
    const { z } = this;
    return z.And(y.ge(1), y.le(9999), m.ge(1), m.le(12), d.ge(1), d.le(this.daysInMonth(y, m)));
  }

  /** The date of a day: fresh variables, defined once per distinct term. */
  ymd(day: Int): Ymd {
    const key = day.sexpr();
    const found = this.cache.get(key);
    if (found) return found;
    const { z } = this;
    const n = this.fresh++;
    const r = { y: z.Int.const(`cal_y${n}`), m: z.Int.const(`cal_m${n}`), d: z.Int.const(`cal_d${n}`) };
    this.side.push(this.validYmd(r.y, r.m, r.d), this.dayFromYmd(r.y, r.m, r.d).eq(day));
    // Redundant, but it lets the solver bound the year from the day at once:
    // 1 januari of year y lies within -1…+1,21 days of 365,2425 × (y − 1970)
    // for every year 1–9999 (checked against runtime/calendar.ts), so
    // 10000 × day − 3652425 × (y − 1970) lies in −10000 … 3680000.
    const spread = day.mul(10000).sub(r.y.sub(1970).mul(3652425));
    this.side.push(spread.ge(-10000), spread.le(3680000));
    this.cache.set(key, r);
    return r;
  }

  /** `day + n maanden` (n may be negative), clamped to the month's last day. */
  addMonths(day: Int, n: Int): { day: Int; clamped: B } {
    const { z } = this;
    const { y, m, d } = this.ymd(day);
    const { ny, nm } = this.monthStep(y, m, n);
    const last = this.daysInMonth(ny, nm);
    const clamped = d.gt(last);
    const nd = z.If(clamped, last, d) as Int;
    const result = this.dayFromYmd(ny, nm, nd);
    // The result's date is known: a later step on it (`(d + 1 maand) + 1
    // maand`, `jaar_van(d + 1 maand)`) reuses it instead of solving for it.
    const key = result.sexpr();
    if (!this.cache.has(key)) this.cache.set(key, { y: ny, m: nm, d: nd });
    return { day: result, clamped };
  }

  /**
   * The year and month `n` months after (y, m). A constant step (the usual
   * `+ 18 jaar`, `- 1 maand`) needs no division: the solver gets one choice
   * instead of `div`/`mod` on a variable, which it often cannot decide in time.
   */
  private monthStep(y: Int, m: Int, n: Int): { ny: Int; nm: Int } {
    const { z } = this;
    if (z.isIntVal(n)) {
      const k = BigInt(n.value());
      const rem = ((k % 12n) + 12n) % 12n;
      const jump = (k - rem) / 12n;
      const m1 = m.add(Number(rem));
      const over = m1.gt(12);
      return { ny: z.If(over, y.add(Number(jump + 1n)), y.add(Number(jump))) as Int, nm: z.If(over, m1.sub(12), m1) as Int };
    }
    const total = y.mul(12).add(m).sub(1).add(n);
    return { ny: total.div(12), nm: total.mod(12).add(1) };
  }

  /** `leeftijd_op(birth, day)`: whole years, a 29 februari birthday falls on 28 februari in a common year. */
  age(birth: Int, day: Int): Int {
    const { z } = this;
    const g = this.ymd(birth);
    const t = this.ymd(day);
    const gmd = g.m.mul(100).add(g.d);
    const tmd = t.m.mul(100).add(t.d);
    const birthday = z.If(z.And(gmd.eq(229), z.Not(this.isLeap(t.y))), z.Int.val(228), gmd) as Int;
    return t.y.sub(g.y).sub(z.If(birthday.gt(tmd), z.Int.val(1), z.Int.val(0)) as Int);
  }
}
