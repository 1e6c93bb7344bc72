// The exact overlap and gap analysis of decision tables (compiler/check/
// table-cover.ts), on boxes written directly: witnesses lie in the overlap or
// gap they stand for, whole-number and whole-cent domains have no gap between
// `<= 9` and `>= 10`, and a random table agrees with brute force over a small
// grid that contains every boundary.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { contains, findGaps, findOverlaps, type CellSet, type Domain, type Interval, type Table, type Witness } from "../../../../compiler/check/table-cover.js";
import { ratFrac, ratInt, type Rat } from "../../../../runtime/rational.js";

const n = (x: number) => ratInt(x);
const iv = (lo?: [number, boolean], hi?: [number, boolean]): Interval => ({
  ...(lo ? { lo: { value: n(lo[0]), closed: lo[1] } } : {}),
  ...(hi ? { hi: { value: n(hi[0]), closed: hi[1] } } : {}),
});
const ivs = (...parts: Interval[]): CellSet => ({ kind: "intervals", parts });
const set = (...values: string[]): CellSet => ({ kind: "enum", values: new Set(values) });
const ANY: CellSet = { kind: "any" };
const AANTAL: Domain = { kind: "ordered", min: n(0), step: n(1) };
const GETAL: Domain = { kind: "ordered" };
const ZORG: Domain = { kind: "enum", values: ["thuis", "ziekenhuis", "hotel"] };
const show = (w: Witness) => (typeof w === "string" ? w : `${w.n}/${w.d}`);

describe("overlap", () => {
  it("finds two rows that share a value, with a witness in both", () => {
    const t: Table = { domains: [AANTAL, ZORG], rows: [[ivs(iv(undefined, [18, false])), ANY], [ivs(iv([17, true])), set("thuis")]] };
    const o = findOverlaps(t);
    expect(o).toHaveLength(1);
    expect(o[0]!.witness.map(show)).toEqual(["17/1", "thuis"]);
    for (const row of t.rows) expect(row.every((c, i) => contains(c, o[0]!.witness[i]!))).toBe(true);
  });

  it("sees no overlap between `< 18` and `>= 18`, nor between disjoint soort sets", () => {
    const t: Table = { domains: [AANTAL, ZORG], rows: [[ivs(iv(undefined, [18, false])), ANY], [ivs(iv([18, true])), ANY], [ANY, set()]] };
    expect(findOverlaps(t)).toEqual([]);
  });

  it("finds the single shared point of `<= 9` and `>= 9`", () => {
    const o = findOverlaps({ domains: [GETAL], rows: [[ivs(iv(undefined, [9, true]))], [ivs(iv([9, true]))]] });
    expect(o.map((x) => x.witness.map(show))).toEqual([["9/1"]]);
  });
});

describe("gaps", () => {
  it("has none between `tot en met 9` and `vanaf 10` for whole numbers", () => {
    expect(findGaps({ domains: [AANTAL], rows: [[ivs(iv(undefined, [9, true]))], [ivs(iv([10, true]))]] })).toEqual([]);
  });

  it("finds 9,5 between `<= 9` and `>= 10` for a getal", () => {
    expect(findGaps({ domains: [GETAL], rows: [[ivs(iv(undefined, [9, true]))], [ivs(iv([10, true]))]] }).map((g) => g.map(show))).toEqual([["19/2"]]);
  });

  it("has none between `<= € 100` and `>= € 100,01` in whole cents, but one in exact amounts", () => {
    const rows: CellSet[][] = [
      [{ kind: "intervals", parts: [{ hi: { value: n(100), closed: true } }] }],
      [{ kind: "intervals", parts: [{ lo: { value: ratFrac(10001, 100), closed: true } }] }],
    ];
    expect(findGaps({ domains: [{ kind: "ordered", step: ratFrac(1, 100) }], rows })).toEqual([]);
    expect(findGaps({ domains: [GETAL], rows })).toHaveLength(1);
  });

  it("reports each uncovered region of a two-column table once, inside the domain", () => {
    const t: Table = {
      domains: [ZORG, { kind: "ordered", min: n(1), max: n(30), step: n(1) }],
      rows: [
        [set("thuis", "hotel"), ANY],
        [set("ziekenhuis"), ivs(iv(undefined, [10, true]))],
        [set("ziekenhuis"), ivs(iv([20, false]))],
      ],
    };
    expect(findGaps(t).map((g) => g.map(show))).toEqual([["ziekenhuis", "11/1"]]);
  });

  it("reports nothing when the domain is empty", () => {
    expect(findGaps({ domains: [{ kind: "ordered", min: n(5), max: n(4), step: n(1) }], rows: [] })).toEqual([]);
  });
});

// Brute force: every integer in [-2, 12] and every half in between covers
// every region of intervals with whole bounds in [0, 10].
describe("agrees with brute force on random tables", () => {
  const bound = fc.record({ at: fc.integer({ min: 0, max: 10 }), closed: fc.boolean() });
  const interval = fc.record({ lo: fc.option(bound, { nil: undefined }), hi: fc.option(bound, { nil: undefined }) });
  const cell = fc.oneof(fc.constant<CellSet>(ANY), fc.array(interval, { minLength: 1, maxLength: 2 }).map((ps): CellSet => ivs(...ps.map((p) => iv(p.lo ? [p.lo.at, p.lo.closed] : undefined, p.hi ? [p.hi.at, p.hi.closed] : undefined)))));
  const grid: Rat[] = [];
  for (let k = -4; k <= 24; k++) grid.push(ratFrac(k, 2));
  it("for overlaps and gaps of two getal columns", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 0, maxLength: 4 }), (rows) => {
        const t: Table = { domains: [GETAL, GETAL], rows };
        const holds = (r: readonly CellSet[], a: Rat, b: Rat) => contains(r[0]!, a) && contains(r[1]!, b);
        const uncovered = grid.some((a) => grid.some((b) => !rows.some((r) => holds(r, a, b))));
        expect(findGaps(t).length > 0).toBe(uncovered);
        for (const g of findGaps(t)) expect(rows.some((r) => holds(r, g[0] as Rat, g[1] as Rat))).toBe(false);
        rows.forEach((r, i) =>
          rows.forEach((s, j) => {
            if (j <= i) return;
            const both = grid.some((a) => grid.some((b) => holds(r, a, b) && holds(s, a, b)));
            expect(findOverlaps(t).some((o) => o.first === i && o.second === j)).toBe(both);
          }),
        );
      }),
      { numRuns: 150, seed: 18 },
    );
  });
});
