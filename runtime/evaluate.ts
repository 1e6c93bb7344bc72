// Evaluation support for generated modules (LANGUAGE.md §5, §6): the
// conflict check across rules, aggregations,
// checked conversions, and turning low-level failures (division by zero, a
// stdlib error) into PolisErrors that name the rule or begrip and its
// article. Both execution paths (`polis run` and a built module) call these.

import type { Span } from "./diagnostic.js";
import { PolisError } from "./diagnostic.js";
import { DivisionByZero, add, eq, isInteger, le, sign, type Rat, ratInt, formatDecimal } from "./rational.js";
import { DateOutOfRange, DurationKindMismatch, DurationOutOfRange, NotWhole, durationCompare, type Duration } from "./calendar.js";
import { StdlibError, runtimeError } from "./messages.js";
import { formatValueDutch } from "./case.js";
import { valueEquals, type TypeDesc } from "./types.js";

/** Where evaluation is: a rule, begrip, function, … with its articles (for error messages). */
export interface Where {
  kind: "regel" | "begrip" | "parameter" | "functie" | "uitvoer" | "voorwaarde" | "beslissing";
  name: string;
  articles: readonly string[];
  span?: Span;
}

export interface RuleInfo {
  name: string;
  articles: readonly string[];
  span?: Span;
}

export const TOP: Where = { kind: "beslissing", name: "", articles: [] };

function describeWhere(w: Where): string {
  if (w.kind === "beslissing") return "de beslissing";
  const art = w.articles.length > 0 ? ` (artikel ${w.articles.join(", ")})` : "";
  return `${w.kind} \`${w.name}\`${art}`;
}

function withSpan(e: PolisError, w: Where, line: number | undefined): PolisError {
  if (w.span && !e.diagnostic.span) e.diagnostic.span = w.span;
  if (line !== undefined && e.diagnostic.line === undefined) e.diagnostic.line = line;
  return e;
}

/**
 * A failure during evaluation, as a PolisError naming where it happened.
 * Anything that is not a known evaluation failure is a Polis bug and is
 * rethrown unchanged.
 */
export function asPolisError(e: unknown, w: Where, line?: number): unknown {
  const extras = line !== undefined ? { line } : {};
  if (e instanceof PolisError) return withSpan(e, w, line);
  if (e instanceof DivisionByZero) return withSpan(runtimeError("P0803", { where: describeWhere(w) }, extras), w, line);
  if (e instanceof StdlibError) {
    return withSpan(runtimeError(e.code, { ...(e.params as object), where: describeWhere(w) } as never, extras), w, line);
  }
  if (e instanceof DurationOutOfRange) {
    return withSpan(runtimeError("P0811", { detail: e.message, where: describeWhere(w) }, extras), w, line);
  }
  if (e instanceof NotWhole) return withSpan(runtimeError("P0807", { value: e.message, where: describeWhere(w) }, extras), w, line);
  if (e instanceof DateOutOfRange) return withSpan(runtimeError("P0810", { where: describeWhere(w) }, extras), w, line);
  if (e instanceof DurationKindMismatch) {
    return withSpan(runtimeError("P0808", { a: "dagen", b: "maanden", where: describeWhere(w) }, extras), w, line);
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return withSpan(runtimeError("P0809", { detail: "de berekening is te diep genest" }, extras), w, line);
  }
  return e;
}

/** LANGUAGE.md §3: a value stored where an `aantal` is declared must be whole and ≥ 0. */
export function toAantal(x: Rat, name: string): Rat {
  if (!isInteger(x) || sign(x) < 0) throw runtimeError("P0804", { name, value: formatDecimal(x).replace(".", ",") });
  return x;
}

/**
 * The conflict check of LANGUAGE.md §5 for one output: `rules[i]` gave
 * `values[i]` (the candidates that remain after exceptions, in declaration
 * order; which ones is decided by the generated code from
 * compiler/ir/decisions.ts). They must all equal the first, or it is a
 * conflict naming both rules. Returns the agreed value.
 */
export function agree<T>(output: string, type: TypeDesc, rules: readonly number[], values: readonly T[], info: readonly RuleInfo[]): T {
  for (let i = 1; i < rules.length; i++) {
    if (!valueEquals(values[0], values[i], type)) {
      const a = info[rules[0]!]!;
      const b = info[rules[i]!]!;
      const err = runtimeError("P0801", {
        a: a.name,
        artA: articles(a.articles),
        b: b.name,
        artB: articles(b.articles),
        output,
        va: formatValueDutch(values[0], type),
        vb: formatValueDutch(values[i], type),
      });
      if (b.span) err.diagnostic.span = b.span;
      if (a.span) err.diagnostic.related = [{ span: a.span, message: `de regel \`${a.name}\`` }];
      throw err;
    }
  }
  return values[0]!;
}

function articles(as: readonly string[]): string {
  return as.length === 0 ? "zonder artikel" : `artikel ${as.join(", ")}`;
}

export function noRule(output: string): PolisError {
  return runtimeError("P0802", { output });
}

// ------------------------------------------------------------ aggregations

export function count<T>(list: readonly T[], pred: (x: T) => boolean): Rat {
  let n = 0;
  for (const x of list) if (pred(x)) n++;
  return ratInt(n);
}

export function sum<T>(list: readonly T[], body: (x: T) => Rat, pred?: (x: T) => boolean): Rat {
  let acc = ratInt(0);
  for (const x of list) if (!pred || pred(x)) acc = add(acc, body(x));
  return acc;
}

export function exists<T>(list: readonly T[], pred: (x: T) => boolean): boolean {
  for (const x of list) if (pred(x)) return true;
  return false;
}

export function forall<T>(list: readonly T[], pred: (x: T) => boolean): boolean {
  for (const x of list) if (!pred(x)) return false;
  return true;
}

// ------------------------------------------------------------ comparisons

export function inNum(x: Rat, set: readonly Rat[]): boolean {
  for (const v of set) if (eq(x, v)) return true;
  return false;
}

export function betweenNum(x: Rat, low: Rat, high: Rat): boolean {
  return le(low, x) && le(x, high);
}

export function betweenDay(x: number, low: number, high: number): boolean {
  return low <= x && x <= high;
}

export function durCmp(a: Duration, b: Duration): number {
  return durationCompare(a, b);
}

export function betweenDur(x: Duration, low: Duration, high: Duration): boolean {
  return durationCompare(low, x) <= 0 && durationCompare(x, high) <= 0;
}

export function inDur(x: Duration, set: readonly Duration[]): boolean {
  for (const v of set) if (durationCompare(x, v) === 0) return true;
  return false;
}

/** Read an optional field of a record (issue 19): not given is an input error naming field and record (P0715). */
export function givenField<T>(v: T | undefined, record: string, field: string): T {
  if (v === undefined) throw runtimeError("P0715", { field, record }, { field });
  return v;
}

/** Read an optional input (extension): not given is an input error naming the field (P0715). */
export function given<T>(v: T | undefined, name: string): T {
  if (v === undefined) throw runtimeError("P0715", { field: name }, { field: name });
  return v;
}
