// The reference evaluator's own arithmetic, checked against facts from
// LANGUAGE.md rather than against the runtime it is meant to check.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { civilOf, dayOf, frac, roundFrac } from "../../fuzz/random/reference.js";

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
});
