// The standard library of the reference evaluator (reference.ts), from
// LANGUAGE.md §7, §7.1 (public holidays, Easter) and §7.2 (hours), on the
// values of reference-values.ts. Independent of stdlib/.

import { frac, add, sub, cmpFrac, isWhole, dayOf, civilOf, leap, monthLength, checkedDay, addDur, EMPTY, period, RefError, compare, type Frac, type Per, type Val } from "./reference-values.js";

export function std(fn: string, args: Val[]): Val {
  switch (fn) {
    case "min":
      return args.reduce((a, b) => (compare(b, a) < 0 ? b : a));
    case "max":
      return args.reduce((a, b) => (compare(b, a) > 0 ? b : a));
    case "abs": {
      const x = args[0] as Frac;
      return x.n < 0n ? frac(-x.n, x.d) : x;
    }
    case "jaar_van":
      return frac(BigInt(civilOf(args[0] as number).y));
    case "maand_van":
      return frac(BigInt(civilOf(args[0] as number).m));
    case "dag_van":
      return frac(BigInt(civilOf(args[0] as number).d));
    case "begin_van_jaar":
      return dayOf(civilOf(args[0] as number).y, 1, 1);
    case "einde_van_jaar":
      return dayOf(civilOf(args[0] as number).y, 12, 31);
    case "eerste_dag_volgende_maand": {
      const { y, m } = civilOf(args[0] as number);
      return checkedDay(m === 12 ? dayOf(y + 1, 1, 1) : dayOf(y, m + 1, 1));
    }
    case "dagen_in_jaar":
      return frac(leap(Number((args[0] as Frac).n)) ? 366n : 365n);
    case "verjaardag":
      return birthday(args[0] as number, (args[1] as Frac).n);
    case "leeftijd_op": {
      // The largest n with verjaardag(g, n) <= d; an error when g is after d.
      const [g, d] = args as [number, number];
      if (g > d) throw new RefError("P0805");
      const n = BigInt(civilOf(d).y - civilOf(g).y);
      return frac(birthday(g, n) <= d ? n : n - 1n);
    }
    case "aantal_dagen": {
      const p = args[0] as Per;
      return frac(BigInt(p.end - p.start));
    }
    case "begin":
    case "einde": {
      const p = args[0] as Per;
      if (p.end <= p.start) throw new RefError("P0806");
      return fn === "begin" ? p.start : p.end - 1;
    }
    case "overlap": {
      const [p, q] = args as [Per, Per];
      if (p.end <= p.start || q.end <= q.start) return EMPTY;
      return period(Math.max(p.start, q.start), Math.min(p.end, q.end));
    }
    case "hele_maand": {
      const p = args[0] as Per;
      if (p.end <= p.start) return false;
      const { y, m, d } = civilOf(p.start);
      return d === 1 && p.end - p.start === monthLength(y, m);
    }
    case "werkdagen_tussen_be":
    case "werkdagen_tussen_nl": {
      const [a, b] = args as [number, number];
      const country = fn.endsWith("be") ? "be" : "nl";
      let count = 0;
      for (let day = a; day < b; day++) if (workingDay(day, country)) count++;
      return frac(BigInt(count));
    }
    case "plus_werkdagen_be":
    case "plus_werkdagen_nl": {
      const n = args[1] as Frac;
      if (!isWhole(n)) throw new RefError("P0807");
      const country = fn.endsWith("be") ? "be" : "nl";
      let day = args[0] as number;
      for (let left = n.n; left > 0n; ) {
        day = checkedDay(day + 1);
        if (workingDay(day, country)) left--;
      }
      return day;
    }
    case "feestdag_be":
      return holiday(args[0] as number, "be");
    case "feestdag_nl":
      return holiday(args[0] as number, "nl");
    case "eerste_paasdag":
      return easter(Number((args[0] as Frac).n));
    case "kalendermaanden": {
      // The calendar-month pieces of p, in order.
      const p = args[0] as Per;
      const out: Per[] = [];
      for (let start = p.start; start < p.end; ) {
        const { y, m } = civilOf(start);
        const next = m === 12 ? dayOf(y + 1, 1, 1) : dayOf(y, m + 1, 1);
        out.push(period(start, Math.min(next, p.end)));
        start = next;
      }
      return out;
    }
    case "uren_tussen": {
      // (d2 − d1) × 24 + u2 − u1; an hour of the day outside 0–24 is P0807.
      const [d1, u1, d2, u2] = args as [number, Frac, number, Frac];
      for (const u of [u1, u2]) if (cmpFrac(u, frac(0n)) < 0 || cmpFrac(u, frac(24n)) > 0) throw new RefError("P0807");
      return add(frac(BigInt(d2 - d1) * 24n), sub(u2, u1));
    }
    case "werkdagen_tussen": {
      // Monday to Friday in [a, b): whole weeks have five, then day by day.
      const [a, b] = args as [number, number];
      if (b <= a) return frac(0n);
      const weeks = Math.floor((b - a) / 7);
      let count = 5 * weeks;
      for (let day = a + 7 * weeks; day < b; day++) {
        const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
        if (weekday < 5) count++;
      }
      return frac(BigInt(count));
    }
    default:
      throw new Error(`reference: no stdlib function ${fn}`);
  }
}

/** Easter Sunday of year y (the Gregorian algorithm of Meeus, Jones and Butcher). */
export function easter(y: number): number {
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
  return dayOf(y, month, day);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;

/** The public holidays of LANGUAGE.md §7.1, by country. */
export function holiday(day: number, country: "be" | "nl"): boolean {
  const { y, m, d } = civilOf(day);
  const e = easter(y);
  const moving = [e + 1, e + 39, e + 50];
  if (moving.includes(day)) return true;
  const fixed = (mm: number, dd: number) => m === mm && d === dd;
  if (fixed(1, 1) || fixed(12, 25)) return true;
  if (country === "be") return fixed(5, 1) || fixed(7, 21) || fixed(8, 15) || fixed(11, 1) || fixed(11, 11);
  if (fixed(12, 26) || fixed(5, 5)) return true;
  // Koningsdag / Koninginnedag.
  let king: number;
  if (y >= 2014) {
    king = dayOf(y, 4, 27);
    if (weekday(king) === 6) king = dayOf(y, 4, 26);
  } else if (y >= 1949) {
    king = dayOf(y, 4, 30);
    if (weekday(king) === 6) king = y >= 1980 ? dayOf(y, 4, 29) : dayOf(y, 5, 1);
  } else king = dayOf(y, 8, 31);
  return day === king;
}

export const workingDay = (day: number, country: "be" | "nl") => weekday(day) < 5 && !holiday(day, country);

/** `verjaardag(g, n)`: g plus n years, 29 februari clamped to 28 februari. */
export function birthday(g: number, n: bigint): number {
  if (n > 20_000n || n < -20_000n) throw new RefError("P0810");
  return addDur(g, { unit: "maanden", n: 12n * n }, 1);
}

