// Timing helpers for `npm run bench`: decisions per second over a fixed list
// of cases, the median of several rounds after a warm-up.
//
// `interleave` alternates the contenders round by round, so that noise on a
// small (2-core) machine — another process, a frequency change, GC pressure —
// hits every contender alike instead of whichever ran during the disturbance.
// It also rotates which contender goes first each round (A B, B A, A B, …) to
// cancel any systematic "second in the round" effect.

export interface Bench {
  name: string;
  fn: (c: Record<string, string>) => unknown;
}

export interface Measurement {
  name: string;
  /** Median decisions per second over the rounds. */
  perSecond: number;
  /** Decisions per second of each round, in the order they ran. */
  samples: number[];
}

/** Keeps the results observable so the calls cannot be optimised away. */
let sink: unknown;
export function lastResult(): unknown {
  return sink;
}

const DEFAULT_ROUNDS = 7;

function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function maybeGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === "function") gc();
}

/** One timed pass over every case; decisions per second. */
function pass(fn: Bench["fn"], cases: readonly Record<string, string>[]): number {
  const n = cases.length;
  let last: unknown;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) last = fn(cases[i]!);
  const t1 = process.hrtime.bigint();
  sink = last;
  const seconds = Number(t1 - t0) / 1e9;
  return seconds > 0 ? n / seconds : Number.POSITIVE_INFINITY;
}

/** Untimed passes so the JIT has compiled the hot paths before measuring. */
function warmUp(fn: Bench["fn"], cases: readonly Record<string, string>[]): void {
  // At least ~20.000 calls, and at least one full pass.
  const passes = Math.max(1, Math.ceil(20_000 / Math.max(1, cases.length)));
  for (let p = 0; p < passes; p++) pass(fn, cases);
}

/** Warm-up, then `rounds` timed passes over all cases; the median decisions/second. */
export function measure(
  name: string,
  fn: (c: Record<string, string>) => unknown,
  cases: Record<string, string>[],
  opts?: { rounds?: number },
): Measurement {
  const rounds = Math.max(1, opts?.rounds ?? DEFAULT_ROUNDS);
  warmUp(fn, cases);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    maybeGc();
    samples.push(pass(fn, cases));
  }
  return { name, perSecond: median(samples), samples };
}

/**
 * Warm every contender up, then run `rounds` rounds in which each contender
 * makes one timed pass over all cases, alternating the order each round.
 * Returns the median decisions/second of each contender, in the given order.
 */
export function interleave(
  benches: Bench[],
  cases: Record<string, string>[],
  rounds: number = DEFAULT_ROUNDS,
): Measurement[] {
  const r = Math.max(1, rounds);
  for (const b of benches) warmUp(b.fn, cases);
  const samples: number[][] = benches.map(() => []);
  for (let round = 0; round < r; round++) {
    const order = benches.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      maybeGc();
      samples[i]!.push(pass(benches[i]!.fn, cases));
    }
  }
  return benches.map((b, i) => ({ name: b.name, perSecond: median(samples[i]!), samples: samples[i]! }));
}
