// Evaluation support for generated modules (LANGUAGE.md §5, §6): rule
// resolution across rules (conflicts, exceptions, defaults), aggregations,
// checked conversions, and turning low-level failures (division by zero, a
// stdlib error) into PolisErrors that name the rule or begrip and its
// article. Both execution paths (`polis run` and a built module) call these.

import type { Span } from "./diagnostic.js";
import { PolisError } from "./diagnostic.js";
import { DivisionByZero, add, eq, isInteger, le, sign, type Rat, ratInt, formatDecimal } from "./rational.js";
import { DateOutOfRange, DurationKindMismatch, DurationOutOfRange, NotWhole, durationCompare, type Duration } from "./calendar.js";
import { StdlibError } from "../stdlib/index.js";
import { runtimeError } from "./messages.js";
import { formatValueDutch } from "./case.js";
import type { ExplainRule } from "./explain.js";
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
  /** The index of the rule this one is an exception to, or -1. */
  exceptionTo: number;
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
    const err = runtimeError(e.code in CODES ? e.code : "P0809", { detail: e.message, birth: "", date: "", fn: "", value: "" }, extras);
    err.diagnostic.message = `${e.message} in ${describeWhere(w)}`;
    return withSpan(err, w, line);
  }
  if (e instanceof NotWhole) {
    const err = runtimeError("P0807", { value: e.message }, extras);
    err.diagnostic.message = `${err.diagnostic.message} in ${describeWhere(w)}`;
    return withSpan(err, w, line);
  }
  if (e instanceof DurationOutOfRange) {
    return withSpan(runtimeError("P0811", { detail: e.message, where: describeWhere(w) }, extras), w, line);
  }
  if (e instanceof DateOutOfRange) {
    const err = runtimeError("P0810", { where: describeWhere(w) }, extras);
    return withSpan(err, w, line);
  }
  if (e instanceof DurationKindMismatch) {
    const err = runtimeError("P0808", { a: "dagen", b: "maanden" }, extras);
    err.diagnostic.message = `${err.diagnostic.message} in ${describeWhere(w)}`;
    return withSpan(err, w, line);
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return withSpan(runtimeError("P0809", { detail: "de berekening is te diep genest" }, extras), w, line);
  }
  return e;
}

const CODES: Record<string, true> = { P0805: true, P0806: true, P0807: true };

/** LANGUAGE.md §3: a value stored where an `aantal` is declared must be whole and ≥ 0. */
export function toAantal(x: Rat, name: string): Rat {
  if (!isInteger(x) || sign(x) < 0) throw runtimeError("P0804", { name, value: formatDecimal(x).replace(".", ",") });
  return x;
}

/**
 * Resolve the candidates for one output (LANGUAGE.md §5): `rules[i]` and
 * `values[i]` are the rules whose applied clause defines the output, in
 * declaration order. An exception replaces the rule it is an exception to;
 * what remains must agree, or it is a conflict naming both rules.
 */
export function resolveOutput(
  output: string,
  type: TypeDesc,
  rules: readonly number[],
  values: readonly unknown[],
  info: readonly RuleInfo[],
): unknown {
  let keep: boolean[] | null = null;
  for (let i = 0; i < rules.length; i++) {
    const target = info[rules[i]!]!.exceptionTo;
    if (target < 0) continue;
    const j = rules.indexOf(target);
    if (j >= 0) (keep ??= rules.map(() => true))[j] = false;
  }
  let first = -1;
  for (let i = 0; i < rules.length; i++) {
    if (keep && !keep[i]) continue;
    if (first < 0) {
      first = i;
      continue;
    }
    if (!valueEquals(values[first], values[i], type)) {
      const a = info[rules[first]!]!;
      const b = info[rules[i]!]!;
      const err = runtimeError("P0801", {
        a: a.name,
        artA: articles(a.articles),
        b: b.name,
        artB: articles(b.articles),
        output,
        va: formatValueDutch(values[first], type),
        vb: formatValueDutch(values[i], type),
      });
      if (b.span) err.diagnostic.span = b.span;
      if (a.span) err.diagnostic.related = [{ span: a.span, message: `de regel \`${a.name}\`` }];
      throw err;
    }
  }
  return values[first];
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

/** In an explanation, mark the rules whose value an applied exception replaced. */
export function markReplaced(rules: ExplainRule[], info: readonly RuleInfo[]): void {
  for (const r of rules) {
    const own = info.find((x) => x.name === r.name);
    if (!own || own.exceptionTo < 0) continue;
    const target = info[own.exceptionTo]!.name;
    const replaced = rules.find((q) => q.name === target);
    if (replaced) replaced.replaced = true;
  }
}

/** Read an optional input (extension): not given is an input error naming the field (P0715). */
export function given<T>(v: T | undefined, name: string): T {
  if (v === undefined) throw runtimeError("P0715", { field: name }, { field: name, hint: `geef \`${name}\` in de case, of lees het alleen \`indien ${name} is bekend\`` });
  return v;
}
