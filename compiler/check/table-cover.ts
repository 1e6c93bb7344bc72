// Exact overlap and gap analysis of a decision table (issue 18). In: per
// column its domain and per row its cells as sets (a set of soort values, or
// a union of intervals over exact rationals; dates are day numbers). Out: the
// pairs of rows that both hold for some case, and the regions no row covers,
// each with one concrete witness value per column. No solver and no
// sampling: a row is a box (one set per column), so two rows overlap exactly
// when every column's sets intersect, and the domain splits at every row
// boundary into atoms on which every row is constant, so searching the atoms
// column by column finds every uncovered region.
// INVARIANT: a witness value lies in its column's domain (beperking, whole
// numbers for `aantal`/`datum`, whole cents for a `bedrag` input).

import { add, cmp, div, mul, ratInt, round, sub, type Rat } from "../../runtime/rational.js";

export interface Bound {
  value: Rat;
  closed: boolean;
}

/** One interval; an absent bound is infinite. */
export interface Interval {
  lo?: Bound;
  hi?: Bound;
}

export type Domain =
  | { kind: "enum"; values: readonly string[] }
  /** Inclusive bounds; `step`: values are whole multiples of it (1 for aantal and datum); `points`: only these values. */
  | { kind: "ordered"; min?: Rat; max?: Rat; step?: Rat; points?: readonly Rat[] };

export type CellSet = { kind: "any" } | { kind: "enum"; values: ReadonlySet<string> } | { kind: "intervals"; parts: readonly Interval[] };

/** A concrete value of a column: a soort value name, or a number. */
export type Witness = string | Rat;

export interface Overlap {
  first: number;
  second: number;
  witness: Witness[];
}

/** Rows and domains; `rows[r][c]` is row r's set for column c. */
export interface Table {
  domains: readonly Domain[];
  rows: readonly (readonly CellSet[])[];
}

export function findOverlaps(t: Table): Overlap[] {
  const out: Overlap[] = [];
  for (let i = 0; i < t.rows.length; i++) {
    for (let j = i + 1; j < t.rows.length; j++) {
      const witness: Witness[] = [];
      const both = t.domains.every((d, c) => {
        const w = atoms(d, [t.rows[i]![c]!, t.rows[j]![c]!]).find((a) => contains(t.rows[i]![c]!, a) && contains(t.rows[j]![c]!, a));
        if (w !== undefined) witness.push(w);
        return w !== undefined;
      });
      if (both) out.push({ first: i, second: j, witness });
    }
  }
  return out;
}

/**
 * Up to `limit` uncovered regions, each as one witness case; with `region`
 * (one set per column), only the uncovered part of that box: none means the
 * rows cover all of it (an `eerste` row after them can never apply).
 */
export function findGaps(t: Table, limit = 10, region?: readonly CellSet[]): Witness[][] {
  const gaps: Witness[][] = [];
  const ANY: CellSet = { kind: "any" };
  const inside = (col: number) => region?.[col] ?? ANY;
  const values = (col: number, cells: readonly CellSet[]) => atoms(t.domains[col]!, [...cells, inside(col)]).filter((a) => contains(inside(col), a));
  const search = (col: number, active: number[], prefix: Witness[]): void => {
    if (gaps.length >= limit) return;
    if (active.length === 0) {
      const rest = t.domains.slice(col).map((_, k) => values(col + k, [])[0]);
      if (rest.every((w) => w !== undefined)) gaps.push([...prefix, ...(rest as Witness[])]);
      return;
    }
    if (col === t.domains.length) return;
    const groups = new Map<string, { rows: number[]; witness: Witness }>();
    for (const a of values(col, active.map((r) => t.rows[r]![col]!))) {
      const rows = active.filter((r) => contains(t.rows[r]![col]!, a));
      const key = rows.join(",");
      if (!groups.has(key)) groups.set(key, { rows, witness: a });
    }
    for (const g of groups.values()) search(col + 1, g.rows, [...prefix, g.witness]);
  };
  // A column whose domain (within the region) is empty has no cases.
  if (t.domains.every((_, c) => values(c, []).length > 0)) search(0, t.rows.map((_, i) => i), []);
  return gaps;
}

export function contains(s: CellSet, w: Witness): boolean {
  if (s.kind === "any") return true;
  if (s.kind === "enum") return typeof w === "string" && s.values.has(w);
  return typeof w !== "string" && s.parts.some((iv) => inInterval(iv, w));
}

function inInterval(iv: Interval, x: Rat): boolean {
  if (iv.lo) {
    const c = cmp(x, iv.lo.value);
    if (c < 0 || (c === 0 && !iv.lo.closed)) return false;
  }
  if (iv.hi) {
    const c = cmp(x, iv.hi.value);
    if (c > 0 || (c === 0 && !iv.hi.closed)) return false;
  }
  return true;
}

/**
 * One representative per atom of the domain split at every bound of `cells`:
 * every cell is constant on an atom, so testing its representative is exact.
 * Atoms outside the domain, or holding no allowed value, are left out.
 */
export function atoms(d: Domain, cells: readonly CellSet[]): Witness[] {
  if (d.kind === "enum") return [...d.values];
  if (d.points) return [...d.points];
  const cuts: Rat[] = [];
  for (const c of cells) {
    if (c.kind !== "intervals") continue;
    for (const iv of c.parts) for (const b of [iv.lo, iv.hi]) if (b) cuts.push(b.value);
  }
  if (d.min) cuts.push(d.min);
  if (d.max) cuts.push(d.max);
  cuts.sort(cmp);
  const points = cuts.filter((x, i) => i === 0 || cmp(x, cuts[i - 1]!) !== 0);
  const reps: Rat[] = [];
  if (points.length === 0) {
    reps.push(ratInt(0));
  } else {
    reps.push(below(points[0]!, d.step));
    points.forEach((p, i) => {
      if (onGrid(p, d.step)) reps.push(p);
      const next = points[i + 1];
      const r = next ? between(p, next, d.step) : above(p, d.step);
      if (r) reps.push(r);
    });
  }
  return reps.filter((r) => (!d.min || cmp(r, d.min) >= 0) && (!d.max || cmp(r, d.max) <= 0) && onGrid(r, d.step));
}

function onGrid(x: Rat, step: Rat | undefined): boolean {
  return !step || cmp(mul(round(div(x, step), 0, "floor"), step), x) === 0;
}

/** The largest grid value strictly below `p`. */
function below(p: Rat, step: Rat | undefined): Rat {
  if (!step) return sub(p, ratInt(1));
  return mul(sub(round(div(p, step), 0, "ceil"), ratInt(1)), step);
}

/** The smallest grid value strictly above `p`. */
function above(p: Rat, step: Rat | undefined): Rat {
  if (!step) return add(p, ratInt(1));
  return mul(add(round(div(p, step), 0, "floor"), ratInt(1)), step);
}

/** A value strictly between `a` and `b` (a < b), or undefined when the grid has none. */
function between(a: Rat, b: Rat, step: Rat | undefined): Rat | undefined {
  if (!step) return div(add(a, b), ratInt(2));
  const r = above(a, step);
  return cmp(r, b) < 0 ? r : undefined;
}
