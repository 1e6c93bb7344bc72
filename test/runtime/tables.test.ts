// Table tests for the runtime arithmetic (STYLE.md: "runtime arithmetic is tables").
// In: test/runtime/{rounding,formatting,dates}.csv, one case per row, a header
// row naming the columns. Out: one vitest case per row, named after the row.
// Guarantees: adding a case is adding a line; every row is used.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  addDuration,
  diffDays,
  durationFromCount,
  formatDutchDate,
  formatIsoDate,
  parseIsoDate,
  periodFromThrough,
  periodFromTo,
  type Day,
  type DurationUnitWord,
  type Period,
} from "../../runtime/calendar.js";
import {
  formatDecimal,
  formatDutch,
  formatFixed,
  parseDecimal,
  ratFrac,
  ratInt,
  round,
  toInteger,
  type Rat,
  type RoundingMode,
} from "../../runtime/rational.js";
import { STDLIB_BY_NAME, StdlibError } from "../../stdlib/index.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Minimal RFC 4180 reader: commas, double-quoted fields with "" escapes. */
function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(join(here, name), "utf8");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== "");
  return body.map((r) => {
    if (r.length !== header!.length) throw new Error(`${name}: row ${r.join(",")} has ${r.length} fields`);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}

/** "27.5", "-1/3", "123456789012345678901234567890.5". */
function num(text: string): Rat {
  const slash = text.indexOf("/");
  if (slash >= 0) return ratFrac(BigInt(text.slice(0, slash)), BigInt(text.slice(slash + 1)));
  const r = parseDecimal(text);
  if (r === null) throw new Error(`bad number in table: ${text}`);
  return r;
}

function label(row: Record<string, string>): string {
  const { note, ...rest } = row;
  return Object.values(rest).join(" | ") + (note ? `  (${note})` : "");
}

describe("rounding.csv", () => {
  for (const row of readCsv("rounding.csv")) {
    it(label(row), () => {
      const got = round(num(row.input!), Number(row.decimals), row.mode as RoundingMode);
      expect(formatDecimal(got)).toBe(row.expected);
      expect(got).toEqual(num(row.expected!));
    });
  }
});

describe("formatting.csv", () => {
  for (const row of readCsv("formatting.csv")) {
    it(label(row), () => {
      const x = num(row.input!);
      const arg = row.arg === "" ? undefined : Number(row.arg);
      let got: string;
      switch (row.function) {
        case "decimal":
          got = formatDecimal(x);
          break;
        case "fixed":
          got = formatFixed(x, arg!);
          break;
        case "dutch":
          got = arg === undefined ? formatDutch(x) : formatDutch(x, arg);
          break;
        default:
          throw new Error(`unknown function ${row.function}`);
      }
      expect(got).toBe(row.expected);
    });
  }
});

// ---------------------------------------------------------------- dates

function day(text: string): Day {
  const d = parseIsoDate(text);
  if (d === null) throw new Error(`bad date in table: ${text}`);
  return d;
}

/** "2012-05-16..2012-06-30" (end included) or "leeg". */
function period(text: string): Period {
  if (text === "leeg") return periodFromTo(0, 0);
  const [a, b] = text.split("..");
  return periodFromThrough(day(a!), day(b!));
}

function showPeriod(p: Period): string {
  return p.end <= p.start ? "leeg" : `${formatIsoDate(p.start)}..${formatIsoDate(p.end - 1)}`;
}

function stdlib(name: string, ...args: unknown[]): unknown {
  const entry = STDLIB_BY_NAME.get(name);
  if (entry === undefined) throw new Error(`no stdlib function ${name}`);
  return entry.impl(...args);
}

/** Shows a stdlib result the way the table writes it. */
function show(value: unknown): string {
  if (typeof value === "number") return formatIsoDate(value);
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (Array.isArray(value)) return value.length === 0 ? "leeg" : value.map((p) => showPeriod(p as Period)).join(" ");
  if (value !== null && typeof value === "object" && "start" in value) return showPeriod(value as Period);
  return formatDecimal(value as Rat);
}

function evaluateDateRow(f: string, a: string, b: string): string {
  switch (f) {
    case "add": {
      const [count, unit] = b.split(" ");
      const dur = durationFromCount(ratInt(Number(count)), unit as DurationUnitWord);
      return formatIsoDate(addDuration(day(a), dur, 1));
    }
    case "diff":
      return String(diffDays(day(a), day(b)).n);
    case "periode_tot":
      return show(stdlib("aantal_dagen", periodFromTo(day(a), day(b))));
    case "periode_tot_en_met":
      return show(stdlib("aantal_dagen", periodFromThrough(day(a), day(b))));
    case "iso": {
      const d = parseIsoDate(a);
      return d === null ? "null" : formatIsoDate(d);
    }
    case "nl":
      return formatDutchDate(day(a));
    case "leeftijd_op":
    case "werkdagen_tussen":
      return show(stdlib(f, day(a), day(b)));
    case "verjaardag":
      return show(stdlib(f, day(a), ratInt(Number(b))));
    case "dagen_in_jaar":
      return show(stdlib(f, ratInt(Number(a))));
    case "kalendermaanden":
    case "hele_maand":
    case "aantal_dagen":
    case "begin":
    case "einde":
      return show(stdlib(f, period(a)));
    case "overlap":
      return show(stdlib(f, period(a), period(b)));
    default:
      return show(stdlib(f, day(a)));
  }
}

describe("dates.csv", () => {
  for (const row of readCsv("dates.csv")) {
    it(label(row), () => {
      let got: string;
      try {
        got = evaluateDateRow(row.function!, row.arg1!, row.arg2!);
      } catch (e) {
        if (!(e instanceof StdlibError)) throw e;
        got = `fout ${e.code}`;
      }
      expect(got).toBe(row.expected);
    });
  }

  it("stdlib numbers are Rat integers", () => {
    expect(toInteger(stdlib("jaar_van", day("2012-02-29")) as Rat)).toBe(2012);
  });
});
