// The standard library of LANGUAGE.md §7: English implementations registered
// under their Dutch Polis names with a signature, for the checker (types) and
// for evaluation and generated code (impl).
// In: Polis runtime values — numbers as `Rat`, `datum` as `Day`, `duur` as
// `Duration`, `periode` as `Period`, `janee` as boolean. Out: the same kinds.
// Guarantees: pure and total except for the documented evaluation errors,
// thrown as StdlibError (runtime/messages.ts) with a catalog code and its
// parameters. A leaf: imports only runtime/.

import {
  EMPTY_PERIOD,
  addDuration,
  daysInMonth,
  formatDutchDate,
  durationCompare,
  isEmptyPeriod,
  isLeapYear,
  periodFromTo,
  yearOfDay,
  ymdNumberOf,
  ymdOf,
  type Day,
  type Duration,
  type Period,
} from "../runtime/calendar.js";
import { Rat, abs, cmp, isInteger, ratInt, toInteger } from "../runtime/rational.js";
import { StdlibError } from "../runtime/messages.js";

import {
  addWorkingDaysBE,
  addWorkingDaysNL,
  easterOf,
  isPublicHolidayBE,
  isPublicHolidayNL,
  workingDaysBetweenBE,
  workingDaysBetweenNL,
} from "./workdays.js";

export { StdlibError } from "../runtime/messages.js";
export * from "./workdays.js";

export type PolisTypeName =
  | "bedrag"
  | "getal"
  | "aantal"
  | "percentage"
  | "datum"
  | "duur"
  | "periode"
  | "janee"
  | "lijst van periode";

export type StdlibValue = Rat | Day | Duration | Period | boolean | Period[];

export interface StdlibEntry {
  /** The Polis (Dutch) name. */
  name: string;
  /** Fixed parameter types, or "variadic" for the polymorphic min/max/abs. */
  params: readonly PolisTypeName[] | "variadic";
  /** Result type, or "same": the (common) type of the arguments. */
  result: PolisTypeName | "same";
  /** For "variadic" entries: how many arguments are allowed. */
  minArgs?: number;
  maxArgs?: number;
  impl: (...args: any[]) => StdlibValue;
}

// ---------------------------------------------------------------- dates

function wholeArg(n: Rat, fn: string): number {
  if (!isInteger(n)) throw new StdlibError("P0807", { fn, value: n.toString() });
  return toInteger(n);
}

/** `verjaardag(g, n)`: the n-th birthday; born 29 februari → 28 februari in other years. */
export function birthday(birthDate: Day, n: Rat): Day {
  return addDuration(birthDate, { unit: "maanden", n: 12 * wholeArg(n, "verjaardag") }, 1);
}

/** `leeftijd_op(g, d)`: the largest n with verjaardag(g, n) <= d. */
export function ageOn(birthDate: Day, day: Day): Rat {
  if (birthDate > day) {
    throw new StdlibError("P0805", { birth: formatDutchDate(birthDate), date: formatDutchDate(day) });
  }
  // verjaardag(g, years) with years = year(d) - year(g) lies in d's year, on
  // g's month and day, 29 februari clamped to 28 februari outside leap years
  // (the month arithmetic of addDuration); within one year, (month, day)
  // order is date order.
  const g = ymdNumberOf(birthDate);
  const t = ymdNumberOf(day);
  // Years 1 up to 214748: y * 10000 + m * 100 + d is a positive int32, so
  // `% 10000` and the exact division stay integer operations.
  if (g <= 0 || t > 0x7fffffff) return ageOnGeneral(birthDate, day);
  const gmd = g % 10000;
  const tmd = t % 10000;
  const gy = (g - gmd) / 10000;
  const ty = (t - tmd) / 10000;
  const birthdayMd = gmd === 229 && !isLeapYear(ty) ? 228 : gmd;
  return ratInt(ty - gy - (birthdayMd > tmd ? 1 : 0));
}

/** ageOn far outside any calendar in use: the general month arithmetic. */
function ageOnGeneral(birthDate: Day, day: Day): Rat {
  let years = ymdOf(day).y - ymdOf(birthDate).y;
  if (addDuration(birthDate, { unit: "maanden", n: 12 * years }, 1) > day) years -= 1;
  return ratInt(years);
}

export function yearOf(day: Day): Rat {
  return ratInt(yearOfDay(day));
}
export function monthOf(day: Day): Rat {
  return ratInt(ymdOf(day).m);
}
export function dayOfMonth(day: Day): Rat {
  return ratInt(ymdOf(day).d);
}

function yearStartOf(y: number): Day {
  // Days from 1970-01-01 to 1 January of y (proleptic Gregorian).
  const y1 = y - 1;
  const days = 365 * y1 + Math.floor(y1 / 4) - Math.floor(y1 / 100) + Math.floor(y1 / 400);
  return days - 719162; // 719162 = days from 0001-01-01 to 1970-01-01
}

export function startOfYear(day: Day): Day {
  return yearStartOf(ymdOf(day).y);
}

export function endOfYear(day: Day): Day {
  return yearStartOf(ymdOf(day).y + 1) - 1;
}

/** `eerste_dag_volgende_maand(d)`: also when d is the 1st (1 juli → 1 augustus). */
export function firstDayOfNextMonth(day: Day): Day {
  const { y, m, d } = ymdOf(day);
  return day - d + 1 + daysInMonth(y, m);
}

const DAYS_365 = ratInt(365);
const DAYS_366 = ratInt(366);

export function daysInYear(year: Rat): Rat {
  return isLeapYear(wholeArg(year, "dagen_in_jaar")) ? DAYS_366 : DAYS_365;
}

// ---------------------------------------------------------------- periods

export function dayCount(p: Period): Rat {
  return ratInt(isEmptyPeriod(p) ? 0 : p.end - p.start);
}

function nonEmpty(p: Period, fn: string): void {
  if (isEmptyPeriod(p)) throw new StdlibError("P0806", { fn });
}

/** First day included. */
export function periodStart(p: Period): Day {
  nonEmpty(p, "begin");
  return p.start;
}

/** Last day included. */
export function periodEnd(p: Period): Day {
  nonEmpty(p, "einde");
  return p.end - 1;
}

export function overlap(p: Period, q: Period): Period {
  if (isEmptyPeriod(p) || isEmptyPeriod(q)) return EMPTY_PERIOD;
  return periodFromTo(Math.max(p.start, q.start), Math.min(p.end, q.end));
}

/** The calendar-month pieces of p, in order; [] when p is empty. */
export function calendarMonths(p: Period): Period[] {
  const pieces: Period[] = [];
  if (isEmptyPeriod(p)) return pieces;
  let start = p.start;
  while (start < p.end) {
    const next = firstDayOfNextMonth(start);
    const end = Math.min(next, p.end);
    pieces.push({ start, end });
    start = end;
  }
  return pieces;
}

/** p runs from the 1st to the last day of one month. */
export function isWholeMonth(p: Period): boolean {
  if (isEmptyPeriod(p)) return false;
  const { y, m, d } = ymdOf(p.start);
  return d === 1 && p.end - p.start === daysInMonth(y, m);
}

/** Weekdays (Monday = 0) before epoch day x, counted from Monday 1969-12-29. */
function weekdaysBefore(x: Day): number {
  const t = x + 3; // t = 0 is Monday 1969-12-29
  const weeks = Math.floor(t / 7);
  return 5 * weeks + Math.min(t - 7 * weeks, 5);
}

/** Monday to Friday in [a, b); 0 when b <= a. O(1). */
export function workdaysBetween(a: Day, b: Day): Rat {
  if (b <= a) return Rat.ZERO;
  return ratInt(weekdaysBefore(b) - weekdaysBefore(a));
}

// ---------------------------------------------------------------- min / max / abs

type Ordered = Rat | Day | Duration;

function compareValues(a: Ordered, b: Ordered): number {
  if (a instanceof Rat && b instanceof Rat) return cmp(a, b);
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "object" && typeof b === "object" && !(a instanceof Rat) && !(b instanceof Rat)) {
    return durationCompare(a, b);
  }
  throw new TypeError("min/max over values of different kinds");
}

/** `min(a, b, …)` over numbers, dates or durations of one kind. */
export function minValue<T extends Ordered>(...xs: T[]): T {
  if (xs.length === 2) {
    const a = xs[0]!;
    const b = xs[1]!;
    if (a instanceof Rat && b instanceof Rat) return cmp(b, a) < 0 ? b : a;
  }
  return minOfList(xs);
}

function minOfList<T extends Ordered>(xs: T[]): T {
  if (xs.length === 0) throw new RangeError("min needs at least one value");
  let m = xs[0]!;
  for (let i = 1; i < xs.length; i++) if (compareValues(xs[i]!, m) < 0) m = xs[i]!;
  return m;
}

/** `max(a, b, …)` over numbers, dates or durations of one kind. */
export function maxValue<T extends Ordered>(...xs: T[]): T {
  if (xs.length === 2) {
    const a = xs[0]!;
    const b = xs[1]!;
    if (a instanceof Rat && b instanceof Rat) return cmp(b, a) > 0 ? b : a;
  }
  return maxOfList(xs);
}

function maxOfList<T extends Ordered>(xs: T[]): T {
  if (xs.length === 0) throw new RangeError("max needs at least one value");
  let m = xs[0]!;
  for (let i = 1; i < xs.length; i++) if (compareValues(xs[i]!, m) > 0) m = xs[i]!;
  return m;
}

export function absValue(x: Rat): Rat {
  return abs(x);
}

// ---------------------------------------------------------------- registry

export const STDLIB: StdlibEntry[] = [
  { name: "leeftijd_op", params: ["datum", "datum"], result: "aantal", impl: ageOn },
  { name: "verjaardag", params: ["datum", "aantal"], result: "datum", impl: birthday },
  { name: "jaar_van", params: ["datum"], result: "aantal", impl: yearOf },
  { name: "maand_van", params: ["datum"], result: "aantal", impl: monthOf },
  { name: "dag_van", params: ["datum"], result: "aantal", impl: dayOfMonth },
  { name: "begin_van_jaar", params: ["datum"], result: "datum", impl: startOfYear },
  { name: "einde_van_jaar", params: ["datum"], result: "datum", impl: endOfYear },
  { name: "eerste_dag_volgende_maand", params: ["datum"], result: "datum", impl: firstDayOfNextMonth },
  { name: "dagen_in_jaar", params: ["aantal"], result: "aantal", impl: daysInYear },
  { name: "aantal_dagen", params: ["periode"], result: "aantal", impl: dayCount },
  { name: "begin", params: ["periode"], result: "datum", impl: periodStart },
  { name: "einde", params: ["periode"], result: "datum", impl: periodEnd },
  { name: "overlap", params: ["periode", "periode"], result: "periode", impl: overlap },
  { name: "kalendermaanden", params: ["periode"], result: "lijst van periode", impl: calendarMonths },
  { name: "hele_maand", params: ["periode"], result: "janee", impl: isWholeMonth },
  { name: "werkdagen_tussen", params: ["datum", "datum"], result: "aantal", impl: workdaysBetween },
  // Working days without the public holidays of a country (stdlib/workdays.ts).
  { name: "werkdagen_tussen_be", params: ["datum", "datum"], result: "aantal", impl: workingDaysBetweenBE },
  { name: "werkdagen_tussen_nl", params: ["datum", "datum"], result: "aantal", impl: workingDaysBetweenNL },
  { name: "plus_werkdagen_be", params: ["datum", "aantal"], result: "datum", impl: addWorkingDaysBE },
  { name: "plus_werkdagen_nl", params: ["datum", "aantal"], result: "datum", impl: addWorkingDaysNL },
  { name: "feestdag_be", params: ["datum"], result: "janee", impl: isPublicHolidayBE },
  { name: "feestdag_nl", params: ["datum"], result: "janee", impl: isPublicHolidayNL },
  { name: "eerste_paasdag", params: ["aantal"], result: "datum", impl: easterOf },
  { name: "min", params: "variadic", result: "same", minArgs: 2, impl: minValue },
  { name: "max", params: "variadic", result: "same", minArgs: 2, impl: maxValue },
  { name: "abs", params: "variadic", result: "same", minArgs: 1, maxArgs: 1, impl: absValue },
];

/** STDLIB by Polis name. */
export const STDLIB_BY_NAME: ReadonlyMap<string, StdlibEntry> = new Map(STDLIB.map((e) => [e.name, e]));
