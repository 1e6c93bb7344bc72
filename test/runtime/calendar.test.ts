// Properties of runtime/calendar.ts and stdlib/index.ts beyond the tables:
// epoch days against Date.UTC as an oracle, O(1) werkdagen_tussen against a
// day-by-day count, month arithmetic, duration kinds, min/max polymorphism.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EMPTY_PERIOD,
  DurationKindMismatch,
  NotWhole,
  addDuration,
  dayFromYmd,
  daysInMonth,
  durationAdd,
  durationCompare,
  durationEquals,
  durationFromCount,
  durationNeg,
  formatIsoDate,
  parseIsoDate,
  periodEquals,
  periodFromThrough,
  periodFromTo,
  ymdOf,
  type Day,
  type Duration,
} from "../../runtime/calendar.js";
import { parseDecimal, ratFrac, ratInt, toInteger } from "../../runtime/rational.js";
import {
  ageOn,
  calendarMonths,
  dayCount,
  maxValue,
  minValue,
  overlap,
  absValue,
  workdaysBetween,
  STDLIB,
} from "../../stdlib/index.js";

const MS_PER_DAY = 86_400_000;
const anyDay = fc.integer({ min: dayFromYmd(1, 1, 1)!, max: dayFromYmd(9999, 12, 31)! });
const modernDay = fc.integer({ min: dayFromYmd(1900, 1, 1)!, max: dayFromYmd(2100, 12, 31)! });

function utcDay(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / MS_PER_DAY);
}

describe("epoch days", () => {
  it("agree with Date.UTC and round-trip through ymdOf and ISO text", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const { y, m, d } = ymdOf(day);
        expect(dayFromYmd(y, m, d)).toBe(day);
        expect(utcDay(y, m, d)).toBe(day);
        expect(parseIsoDate(formatIsoDate(day))).toBe(day);
      }),
      { numRuns: 20_000, seed: 1 },
    );
  });

  it("reject impossible dates", () => {
    expect(dayFromYmd(2011, 2, 29)).toBeNull();
    expect(dayFromYmd(2012, 4, 31)).toBeNull();
    expect(dayFromYmd(2012, 13, 1)).toBeNull();
    expect(dayFromYmd(0, 1, 1)).toBeNull();
    expect(dayFromYmd(10000, 1, 1)).toBeNull();
    expect(dayFromYmd(2012, 1, 1.5)).toBeNull();
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
  });
});

describe("month arithmetic", () => {
  it("adds months with clamping, and days plainly", () => {
    fc.assert(
      fc.property(modernDay, fc.integer({ min: -240, max: 240 }), (day, n) => {
        const { y, m, d } = ymdOf(day);
        const got = ymdOf(addDuration(day, { unit: "maanden", n }, 1));
        const total = y * 12 + m - 1 + n;
        expect(got.y * 12 + got.m - 1).toBe(total);
        expect(got.d).toBe(Math.min(d, daysInMonth(got.y, got.m)));
        expect(addDuration(day, { unit: "maanden", n }, -1)).toBe(addDuration(day, { unit: "maanden", n: -n }, 1));
        expect(addDuration(day, { unit: "dagen", n }, -1)).toBe(day - n);
      }),
      { numRuns: 5000, seed: 2 },
    );
  });
});

describe("durations", () => {
  it("refuse to mix days and months", () => {
    const days: Duration = { unit: "dagen", n: 31 };
    const months: Duration = { unit: "maanden", n: 1 };
    expect(() => durationCompare(days, months)).toThrow(DurationKindMismatch);
    expect(() => durationAdd(days, months)).toThrow(DurationKindMismatch);
    expect(() => durationEquals(days, months)).toThrow(DurationKindMismatch);
    expect(() => maxValue(days, months)).toThrow(DurationKindMismatch);
  });

  it("are built from whole counts only", () => {
    expect(durationFromCount(ratInt(2), "weken")).toEqual({ unit: "dagen", n: 14 });
    expect(durationFromCount(ratInt(1), "jaar")).toEqual({ unit: "maanden", n: 12 });
    expect(durationFromCount(ratInt(-1), "dag")).toEqual({ unit: "dagen", n: -1 });
    expect(() => durationFromCount(parseDecimal("1.5")!, "dagen")).toThrow(NotWhole);
    expect(durationAdd({ unit: "dagen", n: 7 }, { unit: "dagen", n: 3 })).toEqual({ unit: "dagen", n: 10 });
    expect(durationNeg({ unit: "maanden", n: 0 })).toEqual({ unit: "maanden", n: 0 });
    expect(durationCompare({ unit: "maanden", n: 14 }, { unit: "maanden", n: 12 })).toBe(1);
  });
});

describe("periods", () => {
  it("normalize every empty period to EMPTY_PERIOD", () => {
    expect(periodFromTo(10, 5)).toBe(EMPTY_PERIOD);
    expect(periodFromThrough(10, 9)).toBe(EMPTY_PERIOD);
    expect(overlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(EMPTY_PERIOD);
    expect(periodEquals({ start: 3, end: 1 }, EMPTY_PERIOD)).toBe(true);
    expect(periodEquals({ start: 3, end: 4 }, EMPTY_PERIOD)).toBe(false);
  });

  it("split into calendar months that cover the period exactly", () => {
    fc.assert(
      fc.property(modernDay, fc.integer({ min: -40, max: 800 }), (a, len) => {
        const p = periodFromTo(a, a + len);
        const pieces = calendarMonths(p);
        const total = pieces.reduce((s, q) => s + (q.end - q.start), 0);
        expect(total).toBe(toInteger(dayCount(p)));
        for (let i = 0; i < pieces.length; i++) {
          const q = pieces[i]!;
          expect(q.end).toBeGreaterThan(q.start);
          expect(ymdOf(q.start).m).toBe(ymdOf(q.end - 1).m);
          if (i > 0) expect(q.start).toBe(pieces[i - 1]!.end);
        }
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});

describe("stdlib", () => {
  it("werkdagen_tussen equals a day-by-day count", () => {
    fc.assert(
      fc.property(modernDay, fc.integer({ min: -20, max: 400 }), (a: Day, len) => {
        let count = 0;
        for (let x = a; x < a + len; x++) {
          const weekday = new Date(x * MS_PER_DAY).getUTCDay();
          if (weekday >= 1 && weekday <= 5) count++;
        }
        expect(toInteger(workdaysBetween(a, a + len))).toBe(count);
      }),
      { numRuns: 3000, seed: 4 },
    );
  });

  it("leeftijd_op is the largest n with verjaardag(g, n) <= d", () => {
    fc.assert(
      fc.property(modernDay, fc.integer({ min: 0, max: 40_000 }), (g, extra) => {
        const d = g + extra;
        const n = toInteger(ageOn(g, d));
        expect(addDuration(g, { unit: "maanden", n: 12 * n }, 1)).toBeLessThanOrEqual(d);
        expect(addDuration(g, { unit: "maanden", n: 12 * (n + 1) }, 1)).toBeGreaterThan(d);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it("min, max and abs work on numbers, dates and durations", () => {
    expect(minValue(ratInt(3), ratFrac(5, 2), ratInt(4))).toEqual(ratFrac(5, 2));
    expect(maxValue(ratInt(3), ratFrac(5, 2), ratInt(4))).toEqual(ratInt(4));
    expect(minValue(20, 10, 30)).toBe(10);
    expect(maxValue({ unit: "dagen", n: 3 }, { unit: "dagen", n: 9 })).toEqual({ unit: "dagen", n: 9 });
    expect(absValue(ratFrac(-5, 2))).toEqual(ratFrac(5, 2));
  });

  it("registers every §7 function once, and the working-day functions per country", () => {
    const names = STDLIB.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(
      [
        "aantal_dagen",
        "abs",
        "begin",
        "begin_van_jaar",
        "dag_van",
        "dagen_in_jaar",
        "eerste_dag_volgende_maand",
        "eerste_paasdag",
        "einde",
        "einde_van_jaar",
        "feestdag_be",
        "feestdag_nl",
        "hele_maand",
        "jaar_van",
        "kalendermaanden",
        "leeftijd_op",
        "maand_van",
        "max",
        "min",
        "overlap",
        "plus_werkdagen_be",
        "plus_werkdagen_nl",
        "verjaardag",
        "werkdagen_tussen",
        "werkdagen_tussen_be",
        "werkdagen_tussen_nl",
      ].sort(),
    );
  });
});
