// The working-day and public-holiday functions of LANGUAGE.md §7.1 in SQL
// (`werkdagen_tussen_be/_nl`, `plus_werkdagen_be/_nl`, `feestdag_be/_nl`,
// `eerste_paasdag`), with the rules of runtime/holidays.ts written out as
// integer formulas, in every dialect.
// In: compiled arguments (dates as epoch days, counts as rationals).
// Out: a Val with the errors of stdlib/workdays.ts (P0807 for a count that is
// not whole, P0810 for a date outside the years 1–9999).
// How: the holidays of one year are a few days computed from the year
// (1 januari as a day number, the leap day, Easter by the anonymous Gregorian
// algorithm): `feestdag` compares one date with its year's list; counting
// and adding working days walk the years a range spans (a DuckDB or Spark
// list of years with lambdas, a PostgreSQL `generate_series` subquery) and
// subtract the holidays on a weekday from a closed formula for weekdays.
// INVARIANT: every operand of a truncating division here is ≥ 0 (years ≥ 1),
// or the division is a floor division written out.

import type { DialectName } from "./dialect.js";
import { num, type Ctx } from "./expr.js";
import { END_DAY } from "./num.js";
import type { Num } from "./num.js";
import type { V, Val } from "./value.js";

type Country = "BE" | "NL";
type Ref = (name: string) => string;

/** More working days than the years 1–9999 hold (stdlib/workdays.ts). */
const MAX_WORKING_DAYS = 3_000_000;
const LAST_DAY = END_DAY - 1;

/** Integer arithmetic on BIGINT in one dialect. */
class Ints {
  constructor(readonly name: DialectName) {}
  /** Truncating division; exact floor division for a ≥ 0, b > 0. */
  q(a: string, b: string | number): string {
    if (this.name === "duckdb") return `((${a}) // ${b})`;
    if (this.name === "spark") return `((${a}) div ${b})`;
    return `((${a}) / ${b})`;
  }
  /** a mod b in [0, b) for any a (b > 0). */
  mod(a: string, b: number): string {
    return `((((${a}) % ${b}) + ${b}) % ${b})`;
  }
  /** floor(a / b) for any a (b > 0). */
  fdiv(a: string, b: number): string {
    return this.q(`(${a}) - ${this.mod(a, b)}`, b);
  }
  /** 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday. */
  weekday(x: string): string {
    return this.mod(`(${x}) + 3`, 7);
  }
  /** Weekdays (Monday to Friday) before day x, counted from Monday 1969-12-29. */
  weekdaysBefore(x: string): string {
    const t = `((${x}) + 3)`;
    const w = this.fdiv(t, 7);
    return `(5 * ${w} + CASE WHEN ${t} - 7 * ${w} < 5 THEN ${t} - 7 * ${w} ELSE 5 END)`;
  }
  /** The day of weekday number w (0 = Monday 1969-12-29; the inverse of weekdaysBefore on weekdays). */
  weekdayNumbered(w: string): string {
    const k = this.fdiv(w, 5);
    return `(7 * ${k} + (${w}) - 5 * ${k} - 3)`;
  }
}

/**
 * The per-year quantities, in stages (a stage reads only earlier ones): hys =
 * the day of 1 januari, hlp = 1 in a leap year, hh and hl the Meeus/Jones/
 * Butcher intermediates, he = Easter Sunday. Easter lies in March or April, so
 * its day of the year is 59 + leap + (t - 93) with t = h + l - 7m + 114.
 */
function yearStages(i: Ints): Record<string, (r: Ref) => string>[] {
  const q = (a: string, b: number) => i.q(a, b);
  return [
    {
      hys: (r) => `(365 * (${r("hj")} - 1) + ${q(`${r("hj")} - 1`, 4)} - ${q(`${r("hj")} - 1`, 100)} + ${q(`${r("hj")} - 1`, 400)} - 719162)`,
      hlp: (r) => `CASE WHEN (${r("hj")} % 4 = 0 AND ${r("hj")} % 100 <> 0) OR ${r("hj")} % 400 = 0 THEN 1 ELSE 0 END`,
      hh: (r) => {
        const b = q(r("hj"), 100);
        return `((19 * (${r("hj")} % 19) + ${b} - ${q(b, 4)} - ${q(`${b} - ${q(`${b} + 8`, 25)} + 1`, 3)} + 15) % 30)`;
      },
    },
    {
      hl: (r) => `((32 + 2 * (${q(r("hj"), 100)} % 4) + 2 * ${q(`${r("hj")} % 100`, 4)} - ${r("hh")} - (${r("hj")} % 100) % 4) % 7)`,
    },
    {
      he: (r) => `(${r("hys")} + ${r("hlp")} + ${r("hh")} + ${r("hl")} - 7 * ${q(`${r("hj")} % 19 + 11 * ${r("hh")} + 22 * ${r("hl")}`, 451)} + 80)`,
    },
  ];
}

/** The public holidays of a year (runtime/holidays.ts computeHolidays), possibly with repeats. */
function holidayDays(i: Ints, country: Country, r: Ref): string[] {
  const at = (offset: number) => `${r("hys")} + ${r("hlp")} + ${offset}`;
  const e = r("he");
  const common = [r("hys"), `${e} + 1`, `${e} + 39`, `${e} + 50`, at(358)];
  if (country === "BE") return [...common, at(120), at(201), at(226), at(304), at(314)];
  const sunday = (d: string) => `${i.weekday(d)} = 6`;
  const y = r("hj");
  // Koningsdag: 27 april (26 when a Sunday) from 2014; 30 april from 1949
  // (a Sunday: 29 april from 1980, 1 mei before); 31 augustus before 1949
  // (a Sunday: 1 september).
  const royal =
    `CASE WHEN ${y} >= 2014 THEN ${at(116)} - (CASE WHEN ${sunday(at(116))} THEN 1 ELSE 0 END) ` +
    `WHEN ${y} >= 1949 THEN ${at(119)} + CASE WHEN ${sunday(at(119))} THEN CASE WHEN ${y} >= 1980 THEN -1 ELSE 1 END ELSE 0 END ` +
    `ELSE ${at(242)} + CASE WHEN ${sunday(at(242))} THEN 1 ELSE 0 END END`;
  return [...common, at(359), at(124), royal];
}

/** The year's quantities as columns of the frame (one year per row). */
function scalarYear(c: Ctx, i: Ints, year: string): Ref {
  const cols = new Map<string, string>([["hj", year]]);
  const r: Ref = (n) => cols.get(n)!;
  for (const stage of yearStages(i)) for (const [n, fn] of Object.entries(stage)) cols.set(n, c.f.col(fn(r)));
  return r;
}

/**
 * The public holidays of the years y0 … y1 that satisfy `keep(hx)`, distinct,
 * as a DuckDB LIST / Spark ARRAY (sorted when asked).
 */
function holidayList(c: Ctx, i: Ints, country: Country, y0: string, y1: string, keep: (x: string) => string, sort: boolean): string {
  const duck = c.d.name === "duckdb";
  const map = (l: string, x: string, body: string) => (duck ? `list_transform(${l}, ${x} -> ${body})` : `transform(${l}, ${x} -> ${body})`);
  const struct = (fields: [string, string][]) =>
    duck ? `{${fields.map(([k, v]) => `'${k}': ${v}`).join(", ")}}` : `named_struct(${fields.map(([k, v]) => `'${k}', ${v}`).join(", ")})`;
  let list = map(duck ? `range(${y0}, ${y1} + 1)` : `sequence(${y0}, greatest(${y0}, ${y1}))`, "hy", struct([["hj", "hy"]]));
  const known = ["hj"];
  const r: Ref = (n) => `hr.${n}`;
  for (const stage of yearStages(i)) {
    const fields: [string, string][] = known.map((n) => [n, r(n)]);
    for (const [n, fn] of Object.entries(stage)) fields.push([n, fn(r)]);
    list = map(list, "hr", struct(fields));
    known.push(...Object.keys(stage));
  }
  const days = holidayDays(i, country, r);
  const perYear = map(list, "hr", duck ? `list_distinct([${days.join(", ")}])` : `array_distinct(array(${days.join(", ")}))`);
  const kept = duck ? `list_filter(flatten(${perYear}), hx -> ${keep("hx")})` : `filter(flatten(${perYear}), hx -> ${keep("hx")})`;
  return sort ? (duck ? `list_sort(${kept})` : `array_sort(${kept})`) : kept;
}

/** PostgreSQL: `FROM … WHERE` of the distinct public holidays of the years y0 … y1 with keep(hx), one per row. */
function holidayRows(i: Ints, country: Country, y0: string, y1: string, keep: (x: string) => string): string {
  const r: Ref = (n) => n;
  let from = `generate_series(CAST(${y0} AS BIGINT), CAST(${y1} AS BIGINT)) AS hy(hj)`;
  yearStages(i).forEach((stage, k) => {
    const names = Object.keys(stage);
    from += ` CROSS JOIN LATERAL (SELECT ${Object.values(stage).map((fn) => fn(r)).join(", ")}) AS hs${k}(${names.join(", ")})`;
  });
  const days = holidayDays(i, country, r);
  from += ` CROSS JOIN LATERAL (VALUES ${days.map((d) => `(${d})`).join(", ")}) AS hd(hx)`;
  return `(SELECT DISTINCT hx FROM ${from} WHERE ${keep("hx")}) AS hu`;
}

function countryOf(fn: string): Country {
  return fn.endsWith("_be") ? "BE" : "NL";
}

/** A whole count as BIGINT, or NULL when it is not whole or out of [lo, hi] (the errors say why). */
function wholeNumber(c: Ctx, fn: string, v: Num): { whole: string; n: string; notWhole: string | null } {
  const whole = c.a.isInteger(v);
  const n = c.a.toInt(v);
  if (whole === "TRUE") return { whole, n, notWhole: null };
  // The value as runtime/rational.ts toString() writes it: "n/d" in lowest terms.
  const g = c.d.gcd(v.n, v.d);
  const part = (x: string) => c.d.digits(g === null ? x : c.d.idiv(x, g));
  const notWhole = c.whenDyn(`NOT ${whole}`, "P0807", [`\`${fn}\` verwacht een heel getal, niet `, { sql: c.d.concat([part(v.n), "'/'", part(v.d)]) }, ` in ${c.where}`]);
  return { whole, n, notWhole };
}

function dayOf(v: V): string {
  if (v.k !== "day") throw new Error("internal: expected a date");
  return v.x;
}

/** The calls of §7.1, or undefined for another function. */
export function holidayCall(c: Ctx, fn: string, args: Val[]): Val | undefined {
  const i = new Ints(c.d.name);
  const err = c.first(...args.map((a) => a.err));
  const f = c.f;
  const big = (x: string) => f.col(`CAST(${x} AS BIGINT)`);
  const yearOf = (d: string) => big(c.a.ymd(d).y);
  const outside = (cond: string) => c.when(cond, "P0810", `een berekende datum valt buiten de jaren 1 tot en met 9999 in ${c.where}`);
  switch (fn) {
    case "eerste_paasdag": {
      const w = wholeNumber(c, fn, num(args[0]!.v));
      const ok = `${w.whole} AND ${w.n} >= 1 AND ${w.n} <= 9999`;
      const y = f.col(`CASE WHEN ${ok} THEN CAST(${w.n} AS BIGINT) END`);
      const easter = scalarYear(c, i, y)("he");
      return { v: { k: "day", x: easter }, err: c.first(err, w.notWhole, outside(`${w.whole} AND NOT (${ok})`)) };
    }
    case "feestdag_be": case "feestdag_nl": {
      const d = big(dayOf(args[0]!.v));
      const days = holidayDays(i, countryOf(fn), scalarYear(c, i, yearOf(d)));
      return { v: { k: "bool", x: f.col(`(${d} IN (${days.join(", ")}))`) }, err };
    }
    case "werkdagen_tussen_be": case "werkdagen_tussen_nl": {
      const a = big(dayOf(args[0]!.v));
      const b = big(dayOf(args[1]!.v));
      const keep = (x: string) => `${x} >= ${a} AND ${x} < ${b} AND ${i.weekday(x)} < 5`;
      const y0 = yearOf(a);
      const y1 = yearOf(f.col(`CASE WHEN ${b} > ${a} THEN ${b} - 1 ELSE ${a} END`));
      const holidays =
        c.d.name === "postgres" ? `(SELECT count(*) FROM ${holidayRows(i, countryOf(fn), y0, y1, keep)})` : `${c.d.name === "duckdb" ? "len" : "size"}(${holidayList(c, i, countryOf(fn), y0, y1, keep, false)})`;
      const n = f.col(`CASE WHEN ${b} <= ${a} THEN 0 ELSE ${i.weekdaysBefore(b)} - ${i.weekdaysBefore(a)} - ${holidays} END`);
      return { v: { k: "num", x: c.a.small(n, BigInt(END_DAY)) }, err };
    }
    case "plus_werkdagen_be": case "plus_werkdagen_nl":
      return plusWorkingDays(c, i, fn, args, err);
  }
  return undefined;
}

/**
 * `plus_werkdagen(d, n)`: the n-th working day after d. With h_1 < h_2 < … the
 * public holidays on a weekday after d, the answer is the (n + K)-th weekday
 * after d, K the number of j with h_j on or before the (n + j − 1)-th weekday
 * after d (the holidays met before the n-th working day; the test is
 * monotone in j). The answer lies before d + 2n + 30 (runtime/holidays.ts),
 * so only the holidays of the years up to that day are listed.
 */
function plusWorkingDays(c: Ctx, i: Ints, fn: string, args: Val[], err: string | null): Val {
  const f = c.f;
  const d = f.col(`CAST(${dayOf(args[0]!.v)} AS BIGINT)`);
  const w = wholeNumber(c, fn, num(args[1]!.v));
  const tooMany = c.when(`${w.whole} AND ${w.n} > ${MAX_WORKING_DAYS}`, "P0810", `een berekende datum valt buiten de jaren 1 tot en met 9999 in ${c.where}`);
  const count = f.col(`CASE WHEN NOT ${w.whole} OR ${w.n} > ${MAX_WORKING_DAYS} THEN NULL WHEN ${w.n} <= 0 THEN 0 ELSE CAST(${w.n} AS BIGINT) END`);
  // The weekday number of the count-th weekday after d; that of the (count + j − 1)-th is w0 + j − 1.
  const w0 = f.col(`${i.weekdaysBefore(`${d} + 1`)} + ${count} - 1`);
  const year = (x: string) => f.col(`CAST(${c.a.ymd(f.col(`CASE WHEN ${x} < ${LAST_DAY} THEN ${x} ELSE ${LAST_DAY} END`)).y} AS BIGINT)`);
  const y0 = year(`${d} + 1`);
  const y1 = year(`${d} + 2 * ${count} + 30`);
  const keep = (x: string) => `${x} > ${d} AND ${i.weekday(x)} < 5`;
  let k: string;
  if (c.d.name === "postgres") {
    const ranked = `(SELECT hx, row_number() OVER (ORDER BY hx) AS hn FROM ${holidayRows(i, countryOf(fn), y0, y1, keep)}) AS hk`;
    k = `(SELECT count(*) FROM ${ranked} WHERE hx <= ${i.weekdayNumbered(`${w0} + hn - 1`)})`;
  } else {
    const sorted = holidayList(c, i, countryOf(fn), y0, y1, keep, true);
    // DuckDB's lambda index is 1-based, Spark's 0-based.
    k =
      c.d.name === "duckdb"
        ? `len(list_filter(${sorted}, (hx, hn) -> hx <= ${i.weekdayNumbered(`${w0} + hn - 1`)}))`
        : `size(filter(${sorted}, (hx, hn) -> hx <= ${i.weekdayNumbered(`${w0} + hn`)}))`;
  }
  // w0 + K is the number of the (count + K)-th weekday after d.
  const result = f.col(`CASE WHEN ${count} = 0 THEN ${d} ELSE ${i.weekdayNumbered(`${w0} + ${k}`)} END`);
  const past = c.when(`${count} > 0 AND ${result} > ${LAST_DAY}`, "P0810", `een berekende datum valt buiten de jaren 1 tot en met 9999 in ${c.where}`);
  return { v: { k: "day", x: result }, err: c.first(err, w.notWhole, tooMany, past) };
}
