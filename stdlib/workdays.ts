// Working days with public holidays, per country (issue 19): the Polis
// functions `werkdagen_tussen_be/_nl`, `plus_werkdagen_be/_nl`,
// `feestdag_be/_nl` and `eerste_paasdag`, built on runtime/holidays.ts.
// In: `datum` as Day, `aantal` as Rat. Out: Rat, Day or boolean.
// Guarantees: a computed date outside the years 1–9999 is DateOutOfRange
// (an evaluation error), as for `datum + duur`.

import { DateOutOfRange, dayFromYmd, type Day } from "../runtime/calendar.js";
import {
  addWorkingDays,
  easterSunday,
  isPublicHoliday,
  workingDaysBetween,
  type Country,
} from "../runtime/holidays.js";
import { isInteger, ratInt, toInteger, type Rat } from "../runtime/rational.js";
import { StdlibError } from "../runtime/messages.js";

const FIRST_DAY = dayFromYmd(1, 1, 1)!;
const LAST_DAY = dayFromYmd(9999, 12, 31)!;
/** More working days than the years 1–9999 hold (about 2,6 million). */
const MAX_WORKING_DAYS = 3_000_000;

function whole(n: Rat, fn: string): number {
  if (!isInteger(n)) throw new StdlibError("P0807", { fn, value: n.toString() });
  return toInteger(n);
}

function plus(country: Country, day: Day, n: Rat, fn: string): Day {
  const count = whole(n, fn);
  if (count > MAX_WORKING_DAYS) throw new DateOutOfRange();
  const result = addWorkingDays(country, day, count);
  if (result < FIRST_DAY || result > LAST_DAY) throw new DateOutOfRange();
  return result;
}

/** `werkdagen_tussen_be(a, b)`: Belgian working days in [a, b). */
export function workingDaysBetweenBE(a: Day, b: Day): Rat {
  return ratInt(workingDaysBetween("BE", a, b));
}

/** `werkdagen_tussen_nl(a, b)`: Dutch working days in [a, b). */
export function workingDaysBetweenNL(a: Day, b: Day): Rat {
  return ratInt(workingDaysBetween("NL", a, b));
}

/** `plus_werkdagen_be(d, n)`: the n-th Belgian working day after d (d itself not counted). */
export function addWorkingDaysBE(day: Day, n: Rat): Day {
  return plus("BE", day, n, "plus_werkdagen_be");
}

/** `plus_werkdagen_nl(d, n)`: the n-th Dutch working day after d. */
export function addWorkingDaysNL(day: Day, n: Rat): Day {
  return plus("NL", day, n, "plus_werkdagen_nl");
}

/** `feestdag_be(d)`: d is a Belgian public holiday. */
export function isPublicHolidayBE(day: Day): boolean {
  return isPublicHoliday("BE", day);
}

/** `feestdag_nl(d)`: d is a Dutch public holiday (Algemene termijnenwet). */
export function isPublicHolidayNL(day: Day): boolean {
  return isPublicHoliday("NL", day);
}

/** `eerste_paasdag(j)`: Easter Sunday of year j. */
export function easterOf(year: Rat): Day {
  const y = whole(year, "eerste_paasdag");
  if (y < 1 || y > 9999) throw new DateOutOfRange();
  return easterSunday(y);
}
