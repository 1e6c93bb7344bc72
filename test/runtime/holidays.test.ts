// runtime/holidays.ts and the stdlib working-day functions (issue 19) against
// published lists: Easter dates (the tables of the Gregorian Easter, e.g. the
// US Naval Observatory list), the Belgian public holidays as published by the
// federal government (belgium.be, "Feestdagen") and the Dutch ones of the
// Algemene termijnenwet as published by rijksoverheid.nl. A day-by-day count
// is the oracle for the counting and adding functions.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYmd, formatIsoDate, type Day } from "../../runtime/calendar.js";
import {
  addWorkingDays,
  easterSunday,
  isPublicHoliday,
  isWorkingDay,
  publicHolidays,
  weekdayOf,
  workingDaysBetween,
  type Country,
} from "../../runtime/holidays.js";
import { ratInt, toInteger } from "../../runtime/rational.js";
import { STDLIB_BY_NAME, addWorkingDaysBE, easterOf, workingDaysBetweenBE } from "../../stdlib/index.js";

const iso = (s: string): Day => {
  const [y, m, d] = s.split("-").map(Number);
  return dayFromYmd(y!, m!, d!)!;
};

describe("Easter Sunday", () => {
  // Published Gregorian Easter dates, including the earliest (22 March) and
  // the latest (25 April) possible dates.
  const published: Record<number, string> = {
    1818: "1818-03-22",
    1943: "1943-04-25",
    2000: "2000-04-23",
    2008: "2008-03-23",
    2011: "2011-04-24",
    2012: "2012-04-08",
    2016: "2016-03-27",
    2017: "2017-04-16",
    2018: "2018-04-01",
    2019: "2019-04-21",
    2020: "2020-04-12",
    2021: "2021-04-04",
    2022: "2022-04-17",
    2023: "2023-04-09",
    2024: "2024-03-31",
    2025: "2025-04-20",
    2026: "2026-04-05",
    2038: "2038-04-25",
    2285: "2285-03-22",
  };
  for (const [y, d] of Object.entries(published)) {
    it(`${y}: ${d}`, () => expect(formatIsoDate(easterSunday(Number(y)))).toBe(d));
  }
  it("is always a Sunday between 22 March and 25 April", () => {
    for (let y = 1583; y <= 4099; y++) {
      const e = easterSunday(y);
      expect(weekdayOf(e)).toBe(6);
      expect(e).toBeGreaterThanOrEqual(iso(`${y}-03-22`));
      expect(e).toBeLessThanOrEqual(iso(`${y}-04-25`));
    }
  });
  it("eerste_paasdag(j) in the stdlib", () => {
    expect(formatIsoDate(easterOf(ratInt(2024)))).toBe("2024-03-31");
  });
});

describe("public holidays", () => {
  const list = (c: Country, y: number) => publicHolidays(c, y).map(formatIsoDate);
  it("Belgium 2018 (belgium.be)", () => {
    expect(list("BE", 2018)).toEqual([
      "2018-01-01", "2018-04-02", "2018-05-01", "2018-05-10", "2018-05-21",
      "2018-07-21", "2018-08-15", "2018-11-01", "2018-11-11", "2018-12-25",
    ]);
  });
  it("Belgium 2024 (belgium.be)", () => {
    expect(list("BE", 2024)).toEqual([
      "2024-01-01", "2024-04-01", "2024-05-01", "2024-05-09", "2024-05-20",
      "2024-07-21", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25",
    ]);
  });
  it("the Netherlands 2024 (rijksoverheid.nl): no Goede Vrijdag", () => {
    expect(list("NL", 2024)).toEqual([
      "2024-01-01", "2024-04-01", "2024-04-27", "2024-05-05", "2024-05-09",
      "2024-05-20", "2024-12-25", "2024-12-26",
    ]);
    expect(isPublicHoliday("NL", iso("2024-03-29"))).toBe(false); // Goede Vrijdag
  });
  it("the Netherlands 2012: Koninginnedag 30 april", () => {
    expect(list("NL", 2012)).toEqual([
      "2012-01-01", "2012-04-09", "2012-04-30", "2012-05-05", "2012-05-17",
      "2012-05-28", "2012-12-25", "2012-12-26",
    ]);
  });
  it("Koningsdag on a Sunday moves to Saturday 26 april (2025); Koninginnedag 2006 to 29 april", () => {
    expect(isPublicHoliday("NL", iso("2025-04-26"))).toBe(true);
    expect(isPublicHoliday("NL", iso("2025-04-27"))).toBe(false);
    expect(isPublicHoliday("NL", iso("2006-04-29"))).toBe(true);
  });
  it("a holiday that falls on another counts once (Ascension on 1 mei 2008, on 5 mei 2016)", () => {
    expect(list("BE", 2008)).toHaveLength(9);
    expect(list("NL", 2016)).toHaveLength(7);
    expect(workingDaysBetween("BE", iso("2008-04-28"), iso("2008-05-05"))).toBe(4);
  });
  it("Belgian holidays are not Dutch ones and the other way round", () => {
    expect(isPublicHoliday("NL", iso("2018-07-21"))).toBe(false);
    expect(isPublicHoliday("BE", iso("2018-12-26"))).toBe(false);
  });
});

/** The oracle: walk day by day. */
function countByDay(c: Country, a: Day, b: Day): number {
  let n = 0;
  for (let d = a; d < b; d++) if (isWorkingDay(c, d)) n++;
  return n;
}

describe("working days", () => {
  it("Belgium, 1 to 31 March 2021: 23 weekdays, no holiday", () => {
    expect(workingDaysBetween("BE", iso("2021-03-01"), iso("2021-04-01"))).toBe(23);
  });
  it("Belgium, April 2018: Easter Monday is not a working day", () => {
    expect(workingDaysBetween("BE", iso("2018-04-01"), iso("2018-05-01"))).toBe(20);
    expect(workingDaysBetween("NL", iso("2018-04-01"), iso("2018-05-01"))).toBe(19); // + Koningsdag 27 april
  });
  it("adding 30 working days over Easter Monday, Ascension and Whit Monday 2018", () => {
    // From Monday 30 april 2018: 1, 10 and 21 mei are Belgian holidays, so the
    // 30th working day is 14 juni (it would be 11 juni without holidays).
    expect(formatIsoDate(addWorkingDays("BE", iso("2018-04-30"), 30))).toBe("2018-06-14");
    expect(formatIsoDate(addWorkingDaysBE(iso("2018-04-30"), ratInt(30)))).toBe("2018-06-14");
  });
  it("adding 0 working days gives the day itself, 1 the next working day", () => {
    expect(addWorkingDays("BE", iso("2018-12-24"), 0)).toBe(iso("2018-12-24"));
    expect(formatIsoDate(addWorkingDays("BE", iso("2018-12-24"), 1))).toBe("2018-12-26");
    expect(formatIsoDate(addWorkingDays("NL", iso("2018-12-24"), 1))).toBe("2018-12-27");
  });
  const country = fc.constantFrom<Country>("BE", "NL");
  const day = fc.integer({ min: iso("1950-01-01"), max: iso("2100-12-31") });
  it("counting agrees with a day-by-day walk", () => {
    fc.assert(
      fc.property(country, day, fc.integer({ min: -10, max: 800 }), (c, a, len) => {
        expect(workingDaysBetween(c, a, a + len)).toBe(len <= 0 ? 0 : countByDay(c, a, a + len));
      }),
      { seed: 19, numRuns: 300 },
    );
  });
  it("adding n working days lands on a working day with exactly n working days after the start", () => {
    fc.assert(
      fc.property(country, day, fc.integer({ min: 1, max: 400 }), (c, d, n) => {
        const r = addWorkingDays(c, d, n);
        expect(isWorkingDay(c, r)).toBe(true);
        expect(countByDay(c, d + 1, r + 1)).toBe(n);
      }),
      { seed: 19, numRuns: 300 },
    );
  });
  it("the stdlib registers the functions with their signatures", () => {
    expect(STDLIB_BY_NAME.get("werkdagen_tussen_be")?.params).toEqual(["datum", "datum"]);
    expect(STDLIB_BY_NAME.get("plus_werkdagen_nl")?.result).toBe("datum");
    expect(toInteger(workingDaysBetweenBE(iso("2018-01-01"), iso("2019-01-01")))).toBe(261 - 8);
  });
  it("a date past 9999 is an evaluation error, not an impossible date", () => {
    expect(() => addWorkingDaysBE(iso("9999-12-01"), ratInt(100))).toThrow(/9999/);
  });
});
