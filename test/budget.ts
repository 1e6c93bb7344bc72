// How much work the property tests do. `npm test` (what CI runs) stays
// bounded on a loaded 2-core machine; `npm run test:long` (POLIS_LONG=1)
// runs the same properties at length, and `npm run fuzz` the front-end
// properties with 100.000+ inputs. Counts only: the seeds stay fixed.

/** POLIS_LONG=1: the long runs. */
export const LONG = process.env.POLIS_LONG === "1";

/** `normal` runs in `npm test`, `long` with POLIS_LONG=1. */
export function runs(normal: number, long: number): number {
  return LONG ? long : normal;
}

/**
 * Runs for a property whose every run costs time in proportion to `size`
 * (characters of a policy): about `budget` characters in all, between `min`
 * and `max` runs; with POLIS_LONG=1 always `max` × 10.
 */
export function runsFor(size: number, options: { budget: number; min: number; max: number }): number {
  if (LONG) return options.max * 10;
  return Math.max(options.min, Math.min(options.max, Math.floor(options.budget / Math.max(1, size))));
}
