// Dates, durations and periods of LANGUAGE.md §3, §6 and §7.
// In: epoch days, (year, month, day) triples, ISO text, whole counts with units.
// Out: `Day` (integer days since 1970-01-01, proleptic Gregorian), `Duration`
// ({unit: "dagen" | "maanden", n}), `Period` (half-open [start, end)).
// Guarantees: every function is pure integer arithmetic (no Date, no time
// zones); month arithmetic clamps to the month's last day; every empty period
// is returned as EMPTY_PERIOD; days and months are never mixed silently.

import { isInteger, toInteger, type Rat } from "./rational.js";

/** Days since 1970-01-01; negative before. */
export type Day = number;

export interface Duration {
  unit: "dagen" | "maanden";
  /** Whole number; weeks are stored as 7 × dagen, years as 12 × maanden. */
  n: number;
}

/** Half-open [start, end). INVARIANT: empty iff end <= start, and then it is EMPTY_PERIOD. */
export interface Period {
  start: Day;
  end: Day;
}

export const EMPTY_PERIOD: Period = Object.freeze({ start: 0, end: 0 }) as Period;

export const MONTHS_NL: readonly string[] = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

export class DurationKindMismatch extends Error {
  constructor(message = "een duur in dagen en een duur in maanden zijn niet te vergelijken") {
    super(message);
    this.name = "DurationKindMismatch";
  }
}

export class NotWhole extends Error {
  constructor(message = "een duur moet een heel getal zijn") {
    super(message);
    this.name = "NotWhole";
  }
}

// ---------------------------------------------------------------- civil dates

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

/** H. Hinnant's days_from_civil; no validation. */
function civilToDay(y: number, m: number, d: number): Day {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day, or null for an impossible date (30 Feb, month 13, year outside 1..9999). */
export function dayFromYmd(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return civilToDay(y, m, d);
}

/**
 * The year of a day alone (H. Hinnant's civil_from_days without building the
 * {y, m, d} object); the same as `ymdOf(day).y`.
 */
export function yearOfDay(day: Day): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  // doy >= 306 is januari or februari (the year starts in maart here).
  return yoe + era * 400 + (doy >= 306 ? 1 : 0);
}

/**
 * The date of a day as one integer y * 10000 + m * 100 + d (which orders like
 * the date), without building the {y, m, d} object of `ymdOf`.
 */
export function ymdNumberOf(day: Day): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10000 + m * 100 + d;
}

/** H. Hinnant's civil_from_days. */
export function ymdOf(day: Day): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The ASCII digit at i, or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Exactly `YYYY-MM-DD`; null when malformed or impossible. */
export function parseIsoDate(s: string): Day | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y0 = digitAt(s, 0);
  const y1 = digitAt(s, 1);
  const y2 = digitAt(s, 2);
  const y3 = digitAt(s, 3);
  const m0 = digitAt(s, 5);
  const m1 = digitAt(s, 6);
  const d0 = digitAt(s, 8);
  const d1 = digitAt(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return civilToDay(y, m, d);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function formatIsoDate(day: Day): string {
  const { y, m, d } = ymdOf(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** "1 januari 2012". */
export function formatDutchDate(day: Day): string {
  const { y, m, d } = ymdOf(day);
  return `${d} ${MONTHS_NL[m - 1]} ${y}`;
}

// ---------------------------------------------------------------- durations

/**
 * LANGUAGE.md §6: `datum + duur` / `datum - duur` (sign -1). Months clamp to
 * the last day of the resulting month: 31 januari 2012 + 1 maand = 29 februari 2012.
 */
export function addDuration(day: Day, dur: Duration, sign: 1 | -1): Day {
  if (dur.unit === "dagen") return day + sign * dur.n;
  const { y, m, d } = ymdOf(day);
  const total = y * 12 + (m - 1) + sign * dur.n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return civilToDay(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** `a - b` for two dates: a duration in days. */
export function diffDays(a: Day, b: Day): Duration {
  return { unit: "dagen", n: a - b };
}

function sameUnit(a: Duration, b: Duration): void {
  if (a.unit !== b.unit) throw new DurationKindMismatch();
}

export function durationCompare(a: Duration, b: Duration): -1 | 0 | 1 {
  sameUnit(a, b);
  return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
}

export function durationEquals(a: Duration, b: Duration): boolean {
  sameUnit(a, b);
  return a.n === b.n;
}

export function durationAdd(a: Duration, b: Duration): Duration {
  sameUnit(a, b);
  return { unit: a.unit, n: a.n + b.n };
}

export function durationNeg(a: Duration): Duration {
  return { unit: a.unit, n: 0 - a.n };
}

export type DurationUnitWord = "dag" | "dagen" | "week" | "weken" | "maand" | "maanden" | "jaar" | "jaren";

/** `n dagen`, `n weken`, … (§2): n must be whole (NotWhole otherwise). */
export function durationFromCount(n: Rat, unit: DurationUnitWord): Duration {
  if (!isInteger(n)) throw new NotWhole(`een duur moet een heel aantal ${unit} zijn, niet ${n.toString()}`);
  const k = toInteger(n);
  switch (unit) {
    case "dag":
    case "dagen":
      return { unit: "dagen", n: k };
    case "week":
    case "weken":
      return { unit: "dagen", n: 7 * k };
    case "maand":
    case "maanden":
      return { unit: "maanden", n: k };
    case "jaar":
    case "jaren":
      return { unit: "maanden", n: 12 * k };
  }
}

// ---------------------------------------------------------------- periods

/** `periode van a tot b`: b excluded; empty when b <= a. */
export function periodFromTo(a: Day, b: Day): Period {
  return b <= a ? EMPTY_PERIOD : { start: a, end: b };
}

/** `periode van a tot en met b`: b included; empty when b < a. */
export function periodFromThrough(a: Day, b: Day): Period {
  return periodFromTo(a, b + 1);
}

export function isEmptyPeriod(p: Period): boolean {
  return p.end <= p.start;
}

/** All empty periods are equal. */
export function periodEquals(p: Period, q: Period): boolean {
  const pe = isEmptyPeriod(p);
  const qe = isEmptyPeriod(q);
  if (pe || qe) return pe && qe;
  return p.start === q.start && p.end === q.end;
}
