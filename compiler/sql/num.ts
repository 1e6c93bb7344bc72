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
}

export class Arith {
  constructor(
    readonly d: Dialect,
    readonly f: Frame,
  ) {}

  lit(n: bigint): string {
    return this.d.lit(n);
  }

  const(n: bigint, den: bigint): Num {
    return { n: this.lit(n), d: this.lit(den), dl: den };
  }

  /** Floor division a / b for b > 0. */
  floorDiv(a: string, b: string): string {
    const m = `(((${a}) % (${b})) + (${b})) % (${b})`;
    return this.d.idiv(`(${a}) - (${m})`, b);
  }

  /** Reduce by the gcd when the denominator is not a known constant. */
  reduce(x: Num): Num {
    if (x.dl !== undefined) return x;
    const g0 = this.d.gcd(x.n, x.d);
    if (g0 === null) return x;
    const g = this.f.col(`CASE WHEN ${x.n} = 0 THEN ${x.d} ELSE ${g0} END`);
    return { n: this.f.col(this.d.idiv(x.n, g)), d: this.f.col(this.d.idiv(x.d, g)) };
  }

  add(a: Num, b: Num, sign: 1 | -1): Num {
    const op = sign === 1 ? "+" : "-";
    if (a.dl !== undefined && b.dl !== undefined) {
      const l = lcm(a.dl, b.dl);
      const an = l === a.dl ? a.n : `${a.n} * ${this.lit(l / a.dl)}`;
      const bn = l === b.dl ? b.n : `${b.n} * ${this.lit(l / b.dl)}`;
      return { n: this.f.col(`${an} ${op} ${bn}`), d: this.lit(l), dl: l };
    }
    return this.reduce({ n: this.f.col(`${a.n} * ${b.d} ${op} ${b.n} * ${a.d}`), d: this.f.col(`${a.d} * ${b.d}`) });
  }

  mul(a: Num, b: Num): Num {
    const n = this.f.col(`${a.n} * ${b.n}`);
    if (a.dl !== undefined && b.dl !== undefined) return this.shrink({ n, d: this.lit(a.dl * b.dl), dl: a.dl * b.dl });
    return this.reduce({ n, d: this.f.col(`${a.d} * ${b.d}`) });
  }

  /** A constant denominator grows with every product: reduce it once it is large. */
  private shrink(x: Num): Num {
    if (x.dl! < 10n ** 12n) return x;
    return this.reduce({ n: x.n, d: x.d });
  }

  /** a / b; the denominator is NULL when b is 0 (the caller reports P0803). */
  div(a: Num, b: Num): Num {
    const s = `CASE WHEN ${b.n} < 0 THEN -1 ELSE 1 END`;
    const n = this.f.col(`${a.n} * ${b.d} * ${s}`);
    const d = this.f.col(`CASE WHEN ${b.n} = 0 THEN NULL ELSE ${a.d} * ${b.n} * ${s} END`);
    return this.reduce({ n, d });
  }

  neg(a: Num): Num {
    return { ...a, n: this.f.col(`-(${a.n})`) };
  }

  abs(a: Num): Num {
    return { ...a, n: this.f.col(`abs(${a.n})`) };
  }

  /** a <op> b as a boolean SQL expression (denominators are positive). */
  cmp(a: Num, b: Num, op: string): string {
    if (a.dl !== undefined && a.dl === b.dl) return `(${a.n} ${op} ${b.n})`;
    return `(${a.n} * ${b.d} ${op} ${b.n} * ${a.d})`;
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
    const m = `${a.n} * ${this.lit(s)}`;
    let q: string;
    if (mode === "floor") q = this.floorDiv(m, a.d);
    else if (mode === "ceil") q = `-(${this.floorDiv(`-(${m})`, a.d)})`;
    else q = `CASE WHEN ${a.n} < 0 THEN -1 ELSE 1 END * ${this.d.idiv(`2 * abs(${m}) + ${a.d}`, `2 * ${a.d}`)}`;
    return { n: this.f.col(q), d: this.lit(s), dl: s };
  }

  // ------------------------------------------------------------ calendar

  /** Year, month and day of an epoch day (civil_from_days). */
  ymd(day: string): { y: string; m: string; d: string } {
    const f = this.f;
    if (this.d.name === "duckdb") {
      // DuckDB's DATE is the proleptic Gregorian calendar on whole days: year(), month() and day() are exact.
      const date = f.col(`CAST(DATE '1970-01-01' + CAST(${day} AS INTEGER) AS DATE)`);
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
    const yy = f.col(`${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END`);
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
