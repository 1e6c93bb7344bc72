// Dates, durations and periods of LANGUAGE.md §3, §6 and §7.
// In: epoch days, (year, month, day) triples, ISO text, whole counts with units.
// Out: `Day` (integer days since 1970-01-01, proleptic Gregorian), `Duration`
// ({unit: "dagen" | "maanden", n}), `Period` (half-open [start, end)).
// Guarantees: every function is pure integer arithmetic (no Date, no time
// zones); month arithmetic clamps to the month's last day; every empty period
// is returned as EMPTY_PERIOD; days and months are never mixed silently.

import { abs, formatDecimal, isInteger, le, ratInt, toInteger, type Rat } from "./rational.js";

const LARGEST_DURATION = ratInt(4_000_000);

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
  // For an int32 y: divisible by 4, and not by 100 unless by 400; given 4 | y,
  // 100 | y iff 25 | y, and then 400 | y iff 16 | y.
  if ((y | 0) === y) return (y & 3) === 0 && (y % 25 !== 0 || (y & 15) === 0);
  return isLeapYearGeneral(y);
}

function isLeapYearGeneral(y: number): boolean {
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
  return tableDay(y, m, d);
}

// Tables for the years 1..9999 (every date a case can hold): the first day
// of each year, and (month, day) by day of the year. Outside that range the
// arithmetic of civilToDay / hinnantYmd below is used.

/** YEAR_START[y] = the day of 1 januari of y, for 0 <= y <= 10001. */
const YEAR_START = new Int32Array(10002);
YEAR_START[0] = civilToDay(0, 1, 1);
for (let y = 1; y < YEAR_START.length; y++) YEAR_START[y] = YEAR_START[y - 1]! + (isLeapYear(y - 1) ? 366 : 365);
/** The table range: 1 januari 0001 up to (excluding) 1 januari 10000. */
const TABLE_FIRST_DAY = YEAR_START[1]!;
const TABLE_END_DAY = YEAR_START[10000]!;

/** m * 100 + d by 0-based day of the year, for a common and for a leap year. */
const MONTH_DAY_COMMON = new Int16Array(366);
const MONTH_DAY_LEAP = new Int16Array(366);
for (let m = 1, common = 0, leap = 0; m <= 12; m++) {
  for (let d = 1; d <= daysInMonth(2001, m); d++) MONTH_DAY_COMMON[common++] = m * 100 + d;
  for (let d = 1; d <= daysInMonth(2000, m); d++) MONTH_DAY_LEAP[leap++] = m * 100 + d;
}

/** Days before the 1st of month m (1..12) in a common year. */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The day of a valid date in the years 1..9999. */
function tableDay(y: number, m: number, d: number): Day {
  const start = YEAR_START[y]!;
  const leapDay = m > 2 && YEAR_START[y + 1]! - start === 366 ? 1 : 0;
  return start + DAYS_BEFORE_MONTH[m]! + leapDay + d - 1;
}

/**
 * BUCKET_YEAR[b] = the year of day TABLE_FIRST_DAY + b * 256. A bucket of 256
 * days holds at most one 1 januari, so a day's year is its bucket's year or
 * the next.
 */
const BUCKET_YEAR = new Int16Array(((TABLE_END_DAY - TABLE_FIRST_DAY) >> 8) + 1);
for (let b = 0, y = 1; b < BUCKET_YEAR.length; b++) {
  const day = TABLE_FIRST_DAY + b * 256;
  while (YEAR_START[y + 1]! <= day) y++;
  BUCKET_YEAR[b] = y;
}

/** The year of a day in the table range. */
function tableYear(day: Day): number {
  const y = BUCKET_YEAR[(day - TABLE_FIRST_DAY) >> 8]!;
  return day >= YEAR_START[y + 1]! ? y + 1 : y;
}

/** H. Hinnant's civil_from_days, as y * 10000 + m * 100 + d. */
function hinnantYmd(day: Day): number {
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

/** The year of a day; the same as `ymdOf(day).y`, without building an object. */
export function yearOfDay(day: Day): number {
  if (day >= TABLE_FIRST_DAY && day < TABLE_END_DAY) return tableYear(day);
  return ymdOf(day).y;
}

/**
 * The date of a day as one integer y * 10000 + m * 100 + d (which orders like
 * the date), without building the {y, m, d} object of `ymdOf`. Exact while
 * |day| is below about 10^11 (y * 10000 stays below 2**53).
 */
export function ymdNumberOf(day: Day): number {
  if (day >= TABLE_FIRST_DAY && day < TABLE_END_DAY) {
    const y = tableYear(day);
    const start = YEAR_START[y]!;
    const doy = day - start;
    const md = YEAR_START[y + 1]! - start === 366 ? MONTH_DAY_LEAP[doy]! : MONTH_DAY_COMMON[doy]!;
    return y * 10000 + md;
  }
  return hinnantYmd(day);
}

/** The calendar date of a day (table lookup within 1..9999, else H. Hinnant's civil_from_days). */
export function ymdOf(day: Day): { y: number; m: number; d: number } {
  const n = ymdNumberOf(day);
  const y = Math.floor(n / 10000);
  const md = n - y * 10000;
  const m = (md / 100) | 0;
  return { y, m, d: md - m * 100 };
}

/** The number written by the two ASCII digits at s[i], s[i + 1]; -1 when they are not both digits. */
function twoDigits(s: string, i: number): number {
  // A non-digit is outside 0..9, as unsigned (`>>> 0`) also below "0".
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >>> 0 <= 9 && b >>> 0 <= 9 ? a * 10 + b : -1;
}

/** Exactly `YYYY-MM-DD`; null when malformed or impossible. */
export function parseIsoDate(s: string): Day | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const m = twoDigits(s, 5);
  const d = twoDigits(s, 8);
  if ((century | yy | m | d) < 0) return null;
  const y = century * 100 + yy;
  if (y < 1 || m < 1 || m > 12 || d < 1) return null;
  const start = YEAR_START[y]!;
  const leap = YEAR_START[y + 1]! - start - 365; // 1 in a leap year, else 0
  if (d > (m === 2 ? 28 + leap : DAYS_IN_MONTH[m - 1]!)) return null;
  return start + DAYS_BEFORE_MONTH[m]! + (m > 2 ? leap : 0) + d - 1;
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
  // Four digits, as a date literal needs them: `1 januari 0999` (issue 12: fmt wrote `999`).
  return `${d} ${MONTHS_NL[m - 1]} ${String(y).padStart(4, "0")}`;
}

// ---------------------------------------------------------------- durations

/**
 * LANGUAGE.md §6: `datum + duur` / `datum - duur` (sign -1). Months clamp to
 * the last day of the resulting month: 31 januari 2012 + 1 maand = 29 februari 2012.
 */
export function addDuration(day: Day, dur: Duration, sign: 1 | -1): Day {
  if (dur.unit === "dagen") return inRange(day + sign * dur.n);
  const { y, m, d } = ymdOf(day);
  const total = y * 12 + (m - 1) + sign * dur.n;
  const ny = Math.floor(total / 12);
  if (ny < 1 || ny > 9999) throw new DateOutOfRange();
  const nm = total - ny * 12 + 1;
  return civilToDay(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * Dates computed by a policy stay in the years 1–9999, the dates a case file
 * can hold (found by a reviewer: `d + n dagen` with a huge n printed
 * impossible dates).
 */
function inRange(day: Day): Day {
  if (!(day >= TABLE_FIRST_DAY && day < TABLE_END_DAY)) throw new DateOutOfRange();
  return day;
}

/** A computed date outside the years 1–9999. */
export class DateOutOfRange extends Error {
  constructor() {
    super("een berekende datum valt buiten de jaren 1 tot en met 9999");
    this.name = "DateOutOfRange";
  }
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
  return { unit: a.unit, n: safeCount(a.n + b.n, a.unit) };
}

/**
 * A duration's count is a safe integer: beyond 2^53 - 1 a JS number is no
 * longer exact, so a sum past it is an error rather than a wrong value (issue 12).
 * Exact for any two safe operands: their float sum is exact or unsafe.
 */
function safeCount(n: number, unit: Duration["unit"]): number {
  if (!Number.isSafeInteger(n)) throw new DurationOutOfRange(unit);
  return n;
}

/** A computed duration too large to hold exactly. */
export class DurationOutOfRange extends Error {
  constructor(readonly unit: Duration["unit"], limit = "9.007.199.254.740.991") {
    super(`een berekende duur is groter dan ${limit} ${unit}`);
    this.name = "DurationOutOfRange";
  }
}

export function durationNeg(a: Duration): Duration {
  return { unit: a.unit, n: 0 - a.n };
}

export type DurationUnitWord = "dag" | "dagen" | "week" | "weken" | "maand" | "maanden" | "jaar" | "jaren";

/** `n dagen`, `n weken`, … (§2): n must be whole (NotWhole otherwise). */
export function durationFromCount(n: Rat, unit: DurationUnitWord): Duration {
  if (!isInteger(n)) throw new NotWhole(formatDecimal(n).replace(".", ","));
  // No date is more than 3.652.059 days (or 120.000 months) from another in the years 1–9999.
  if (!le(abs(n), LARGEST_DURATION)) {
    const months = unit.startsWith("maand") || unit.startsWith("ja");
    throw new DurationOutOfRange(months ? "maanden" : "dagen", "4.000.000");
  }
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
