// Deterministic generator of valid LANGUAGE.md §9.1 cases in the case-file
// encoding (§10), for `npm run bench`: the compiled module and the
// hand-written baseline decide the very same cases.
//
// - geboortedatum in 1930–2012 and never after polis_start (some born on
//   29 februari, some turning 18 around the start of the policy);
// - polis_start <= polis_eind, both in 2012 (full years, from 1 januari, to
//   31 december, arbitrary periods; extra weight on month ends and 2012-02-29);
// - vrijwillig_eigen_risico from {0, 100, …, 500} as "0", "100", …;
// - kosten 0–5000.00 in whole cents, mostly as "123.45", sometimes as "50";
// - zorgsoort from the six values.

const ZORGSOORTEN = ["huisarts", "ziekenhuis", "geneesmiddel", "kraamzorg", "verloskunde", "hulpmiddel_bruikleen"];
const VRIJWILLIG = ["0", "100", "200", "300", "400", "500"];

/** mulberry32: a small, fast, deterministic 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** A date as yyyymmdd, which orders like the date. */
function ymd(y: number, m: number, d: number): number {
  return y * 10_000 + m * 100 + d;
}

function iso(n: number): string {
  const y = Math.floor(n / 10_000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

export function generateCases(n: number, seed: number): Record<string, string>[] {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  /** A date in year y: mostly uniform, sometimes a month end or (leap years) 29 februari. */
  const dateIn = (y: number): number => {
    const r = rnd();
    const m = int(1, 12);
    if (r < 0.1) return ymd(y, m, daysInMonth(y, m));
    if (r < 0.13 && isLeap(y)) return ymd(y, 2, 29);
    return ymd(y, m, int(1, daysInMonth(y, m)));
  };

  const cases: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) {
    // The policy period, in 2012.
    let start: number;
    let eind: number;
    const p = rnd();
    if (p < 0.4) {
      start = ymd(2012, 1, 1);
      eind = ymd(2012, 12, 31);
    } else if (p < 0.6) {
      start = ymd(2012, 1, 1);
      eind = dateIn(2012);
    } else if (p < 0.8) {
      start = dateIn(2012);
      eind = ymd(2012, 12, 31);
    } else {
      const a = dateIn(2012);
      const b = dateIn(2012);
      start = Math.min(a, b);
      eind = Math.max(a, b);
    }

    // The birth date, never after polis_start.
    let geboorte: number;
    const g = rnd();
    if (g < 0.05) {
      geboorte = ymd(4 * int(483, 503), 2, 29); // a leap year 1932–2012
    } else if (g < 0.15) {
      geboorte = dateIn(int(1993, 1995)); // around 18 on polis_start
    } else {
      geboorte = dateIn(int(1930, 2012));
    }
    if (geboorte > start) geboorte = start;

    const centen = int(0, 500_000); // 0.00 – 5000.00
    const euro = Math.floor(centen / 100);
    const kosten =
      rnd() < 0.15
        ? String(euro) // a whole amount, written without decimals
        : `${euro}.${String(centen % 100).padStart(2, "0")}`;

    cases.push({
      geboortedatum: iso(geboorte),
      polis_start: iso(start),
      polis_eind: iso(eind),
      vrijwillig_eigen_risico: pick(VRIJWILLIG),
      kosten,
      zorgsoort: pick(ZORGSOORTEN),
    });
  }
  return cases;
}
