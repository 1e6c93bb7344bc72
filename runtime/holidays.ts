// Public holidays and working days per country, for "30 werkdagen" in a
// Belgian text and "werkdagen" in a Dutch one (issue 19).
// In: epoch days (`Day`), a country code ("BE" or "NL"), whole counts.
// Out: whether a day is a public holiday, the working days in [a, b), the
// date N working days after a date.
// Guarantees: pure integer arithmetic on the proleptic Gregorian calendar
// (no Date, no time zone, no data file); a working day is Monday to Friday
// and not a public holiday of the country.
//
// Why computed here and not taken from a holiday library (e.g. date-holidays):
// the legal lists are short and fixed by statute, every movable day hangs on
// Easter (one well-known algorithm), and a library brings regional days,
// observances that are not days off and data that changes between versions —
// a decision must not change because a dependency was upgraded. The lists are
// tested against published calendars (test/runtime/holidays.test.ts).
//
// Belgium — wet van 4 januari 1974 betreffende de feestdagen, KB 18 april 1974:
//   Nieuwjaar, Paasmaandag, 1 mei, Hemelvaart, Pinkstermaandag, 21 juli,
//   15 augustus, 1 november, 11 november, Kerstmis.
// The Netherlands — Algemene termijnenwet, artikel 3: Nieuwjaarsdag, tweede
//   Paasdag, Hemelvaartsdag, tweede Pinksterdag, eerste en tweede Kerstdag, de
//   dag waarop de verjaardag van de Koning wordt gevierd, en 5 mei.
//   Goede Vrijdag is not in that list, so it is a working day.
//   The King's or Queen's day: 27 april since 2014 (26 april when the 27th is
//   a Sunday); 30 april from 1949 to 2013 (a Sunday moved it to 1 mei until
//   1979, to 29 april from 1980); 31 augustus before 1949 (1 september when a
//   Sunday).
// Easter Sunday and Whit Sunday fall on a Sunday and need no entry.

import { dayFromYmd, yearOfDay, type Day } from "./calendar.js";

export type Country = "BE" | "NL";

/** Easter Sunday of year y (Gregorian; anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(y: number): Day {
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
  return ymd(y, month, day);
}

function ymd(y: number, m: number, d: number): Day {
  const day = dayFromYmd(y, m, d);
  if (day === null) throw new RangeError(`internal: no date ${y}-${m}-${d}`);
  return day;
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function weekdayOf(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}

function dutchRoyalDay(y: number): Day {
  if (y >= 2014) {
    const d = ymd(y, 4, 27);
    return weekdayOf(d) === 6 ? d - 1 : d;
  }
  if (y >= 1949) {
    const d = ymd(y, 4, 30);
    if (weekdayOf(d) !== 6) return d;
    return y >= 1980 ? d - 1 : d + 1;
  }
  const d = ymd(y, 8, 31);
  return weekdayOf(d) === 6 ? d + 1 : d;
}

function computeHolidays(country: Country, y: number): Day[] {
  // Outside the years 1–9999 there are no dates a policy can hold.
  if (y < 1 || y > 9999) return [];
  const easter = easterSunday(y);
  const common = [ymd(y, 1, 1), easter + 1, easter + 39, easter + 50, ymd(y, 12, 25)];
  const days =
    country === "BE"
      ? [...common, ymd(y, 5, 1), ymd(y, 7, 21), ymd(y, 8, 15), ymd(y, 11, 1), ymd(y, 11, 11)]
      : [...common, ymd(y, 12, 26), ymd(y, 5, 5), dutchRoyalDay(y)];
  // Two holidays can share a day (Ascension on 1 mei in 2008, on 5 mei in
  // 2016): each day counts once.
  return [...new Set(days)].sort((p, q) => p - q);
}

const cache = new Map<string, readonly Day[]>();

/** The public holidays of a country in year y, in date order (weekends included). */
export function publicHolidays(country: Country, y: number): readonly Day[] {
  const key = `${country}${y}`;
  let days = cache.get(key);
  if (days === undefined) {
    days = Object.freeze(computeHolidays(country, y));
    if (cache.size > 4096) cache.clear();
    cache.set(key, days);
  }
  return days;
}

export function isPublicHoliday(country: Country, day: Day): boolean {
  return publicHolidays(country, yearOfDay(day)).includes(day);
}

/** Monday to Friday, not a public holiday. */
export function isWorkingDay(country: Country, day: Day): boolean {
  return weekdayOf(day) < 5 && !isPublicHoliday(country, day);
}

/** Weekdays (Monday to Friday) before epoch day x, counted from Monday 1969-12-29. */
function weekdaysBefore(x: Day): number {
  const t = x + 3;
  const weeks = Math.floor(t / 7);
  return 5 * weeks + Math.min(t - 7 * weeks, 5);
}

/** Working days in [a, b); 0 when b <= a. O(years spanned). */
export function workingDaysBetween(country: Country, a: Day, b: Day): number {
  if (b <= a) return 0;
  let n = weekdaysBefore(b) - weekdaysBefore(a);
  const last = yearOfDay(b - 1);
  for (let y = yearOfDay(a); y <= last; y++) {
    for (const h of publicHolidays(country, y)) if (h >= a && h < b && weekdayOf(h) < 5) n--;
  }
  return n;
}

/**
 * The date n working days after `day`: the day on which the n-th working day
 * after `day` falls (`day` itself does not count, as a term that starts the
 * day after an event). n = 0 gives `day` itself.
 */
export function addWorkingDays(country: Country, day: Day, n: number): Day {
  if (n <= 0) return day;
  // count(x) = working days in (day, x] grows by 0 or 1 a day: find the
  // smallest x with count(x) = n. Every 7 days hold 5 weekdays, and a year at
  // most 11 holidays, so x - day <= 2n + 30 for every n.
  let lo = day + n; // count(lo) <= n
  let hi = day + 2 * n + 30; // count(hi) >= n
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (workingDaysBetween(country, day + 1, mid + 1) >= n) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
