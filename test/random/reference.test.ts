// The reference evaluator's own arithmetic, checked against facts from
// LANGUAGE.md rather than against the runtime it is meant to check.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { civilOf, dayOf, easter, frac, holiday, roundFrac } from "../../fuzz/random/reference.js";

const text = (x: { n: bigint; d: bigint }) => (x.d === 1n ? `${x.n}` : `${x.n}/${x.d}`);

describe("the reference evaluator's arithmetic", () => {
  it("rounds as LANGUAGE.md §6 says", () => {
    expect(text(roundFrac(frac(55n, 2n), 0, "half-away"))).toBe("28");
    expect(text(roundFrac(frac(-55n, 2n), 0, "half-away"))).toBe("-28");
    expect(text(roundFrac(frac(-55n, 2n), 0, "floor"))).toBe("-28");
    expect(text(roundFrac(frac(-55n, 2n), 0, "ceil"))).toBe("-27");
    expect(text(roundFrac(frac(1n, 3n), 2, "half-away"))).toBe("33/100");
    expect(text(roundFrac(frac(1n, 200n), 2, "half-away"))).toBe("1/100");
    expect(text(roundFrac(frac(-1n, 200n), 2, "half-away"))).toBe("-1/100");
  });
  it("keeps fractions in lowest terms and rejects division by zero", () => {
    expect(text(frac(6n, -4n))).toBe("-3/2");
    expect(() => frac(1n, 0n)).toThrow("P0803");
  });
  it("counts days like the proleptic Gregorian calendar", () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(dayOf(2000, 3, 1) - dayOf(2000, 2, 28)).toBe(2);
    expect(dayOf(1900, 3, 1) - dayOf(1900, 2, 28)).toBe(1);
    expect(dayOf(2012, 1, 1)).toBe(Date.UTC(2012, 0, 1) / 86_400_000);
    fc.assert(
      fc.property(fc.integer({ min: dayOf(1, 1, 1), max: dayOf(9999, 12, 31) }), (day) => {
        const { y, m, d } = civilOf(day);
        expect(dayOf(y, m, d)).toBe(day);
      }),
      { seed: 3, numRuns: 2000 },
    );
  });

  it("knows Easter and the public holidays of LANGUAGE.md §7.1 (published calendars)", () => {
    const iso = (day: number) => {
      const { y, m, d } = civilOf(day);
      return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    };
    expect([1990, 2000, 2011, 2012, 2019, 2024].map((y) => iso(easter(y)))).toEqual(["1990-04-15", "2000-04-23", "2011-04-24", "2012-04-08", "2019-04-21", "2024-03-31"]);
    const nl = (y: number, m: number, d: number) => holiday(dayOf(y, m, d), "nl");
    const be = (y: number, m: number, d: number) => holiday(dayOf(y, m, d), "be");
    // Koningsdag: 26 april when the 27th is a Sunday (2014, 2025); Koninginnedag on a Sunday: 29 april from 1980, 1 mei before.
    expect([nl(2014, 4, 26), nl(2014, 4, 27), nl(2024, 4, 27), nl(2025, 4, 26)]).toEqual([true, false, true, true]);
    expect([nl(2006, 4, 29), nl(2006, 4, 30), nl(1978, 5, 1), nl(1978, 4, 30), nl(1989, 4, 29)]).toEqual([true, false, true, false, true]);
    // Hemelvaart 17 mei 2012, Pinkstermaandag 28 mei 2012; Goede Vrijdag (6 april 2012) is a working day.
    expect([nl(2012, 5, 17), be(2012, 5, 28), nl(2012, 4, 6), be(2012, 4, 9), nl(2012, 4, 9)]).toEqual([true, true, false, true, true]);
    expect([be(2012, 7, 21), nl(2012, 7, 21), nl(2012, 12, 26), be(2012, 12, 26), nl(2012, 5, 5), be(2012, 11, 11)]).toEqual([true, false, true, false, true, true]);
  });
});
