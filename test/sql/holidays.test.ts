// The working-day and holiday functions of LANGUAGE.md §7.1 in SQL
// (compiler/sql/holidays.ts) against the JavaScript path: every day of the
// years where a rule changes or a boundary lies (the first and last years of
// the calendar, Koninginnedag 1948/1949 and 1979/1980, Koningsdag 2014,
// Hemelvaart on 1 and 5 mei, Easter on 22 maart 2285 and 25 april 2038, leap
// years), and the extremes: spans of the whole calendar, counts that run past
// 9999 or past the largest count, years outside 1–9999. The generated-case
// differential tests (duckdb.test.ts, postgres.test.ts) run
// test/sql/programs/feestdagen*.polis; the Spark query is parsed here
// (POLIS_LONG=1).

import { describe, expect, it } from "vitest";
import { SparkSQL } from "dt-sql-parser";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { dayFromYmd, formatIsoDate } from "../../runtime/calendar.js";
import { decideLinesInDuckDb } from "../../cli/engine.js";
import { sqlOf } from "../../cli/sql.js";
import { LONG } from "../budget.js";
import { jsLine } from "./js-line.js";

const SOURCE = `polis feestdagen_per_dag "Elke dag van de grensjaren"
  versie 2012

invoer
  a: datum vanaf 0001-01-01 tot en met 31 december 9999
  b: datum vanaf 0001-01-01 tot en met 31 december 9999
  n: aantal
  j: aantal

uitvoer
  fbe: janee
  fnl: janee
  wbe: aantal
  wnl: aantal
  pbe: datum
  pnl: datum
  pasen: datum

regel alles (artikel 1):
  fbe feestdag_be(a)
  fnl feestdag_nl(a)
  wbe werkdagen_tussen_be(a, b)
  wnl werkdagen_tussen_nl(b, a)
  pbe plus_werkdagen_be(a, n)
  pnl plus_werkdagen_nl(b, n)
  pasen eerste_paasdag(j)
`;

const policy = compile(SOURCE, "feestdagen-per-dag.polis").policy!;
const module = load(policy);


const iso = (y: number, m: number, d: number) => formatIsoDate(dayFromYmd(y, m, d)!);
const line = (a: string, b: string, n: number | string, j: number | string) => JSON.stringify({ a, b, n, j });

async function differences(cases: string[]): Promise<string[]> {
  const actual = await decideLinesInDuckDb(policy, "feestdagen-per-dag.polis", cases);
  const diffs: string[] = [];
  for (let i = 0; i < cases.length && diffs.length < 5; i++) {
    const expected = jsLine(module, cases[i]!, i + 1);
    if (actual[i] !== expected) diffs.push(`case ${cases[i]}\n  js:  ${expected}\n  sql: ${actual[i]}`);
  }
  expect(actual.length).toBe(cases.length);
  return diffs;
}

describe("§7.1 working days and holidays in DuckDB equal the JavaScript path", () => {
  it("on every day of the years where a rule changes or a boundary lies", async () => {
    const years = [1, 2, 1947, 1948, 1949, 1979, 1980, 2008, 2013, 2014, 2016, 2024, 2038, 2285, 9998, 9999];
    const cases: string[] = [];
    for (const y of years) {
      const first = dayFromYmd(y, 1, 1)!;
      const last = dayFromYmd(y, 12, 31)!;
      for (let d = first; d <= last; d++) {
        const k = cases.length;
        // b: up to 400 days on, within the calendar; n: 0 to 69 working days; j: the year.
        const b = Math.min(d + (k % 400), dayFromYmd(9999, 12, 31)!);
        cases.push(line(formatIsoDate(d), formatIsoDate(b), k % 70, y));
      }
    }
    expect(cases.length).toBeGreaterThan(5800);
    expect((await differences(cases)).join("\n")).toBe("");
  }, 240_000);

  it("at the extremes: spans of the whole calendar, counts past 9999 and past the largest count, years outside 1–9999", async () => {
    const cases = [
      line(iso(1, 1, 1), iso(9999, 12, 31), 0, 1),
      line(iso(9999, 12, 31), iso(1, 1, 1), 1, 9999),
      line(iso(1, 1, 3), iso(1, 1, 3), 2_500_000, 2000),
      line(iso(1, 1, 3), iso(1, 1, 3), 3_000_000, 2000),
      line(iso(1, 1, 3), iso(1, 1, 3), 3_000_001, 2000),
      line(iso(9999, 12, 30), iso(9999, 12, 24), 1, 2000),
      line(iso(9999, 12, 24), iso(9999, 12, 28), 3, 2000),
      line(iso(2024, 2, 29), iso(2028, 2, 29), 1461, 0),
      line(iso(2024, 2, 29), iso(2028, 2, 29), 1, 10_000),
      line(iso(1980, 4, 29), iso(2014, 4, 26), 250, 1980),
    ];
    expect((await differences(cases)).join("\n")).toBe("");
  }, 240_000);
});

// dt-sql-parser takes minutes for this 25 kB query on the shared machine: POLIS_LONG=1 only.
describe.runIf(LONG)("§7.1 in Spark SQL", () => {
  it("parses with a Spark SQL parser", () => {
    const q = sqlOf(policy, "feestdagen-per-dag.polis", { dialect: "spark", table: "cases" });
    if (typeof q !== "string") throw new Error(q.error);
    expect(new SparkSQL().validate(q).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`)).toEqual([]);
  }, 240_000);
});
