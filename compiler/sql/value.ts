// SQL values of Polis types, and their errors (LANGUAGE.md §3).
// A value is a set of columns: a number (numerator, denominator), a date (an
// epoch day), a duration (unit 0 = dagen, 1 = maanden; a count), a period
// (half-open [start, end), every empty one (0, 0)), a boolean or a text; a
// record is the raw element it came from; a list is a handle to iterate.
// Every value travels with an error column: NULL, or the decision's error as
// the JSON object `polis run` prints under "fout". When the error is set the
// value columns are meaningless (often NULL).

import type { Num } from "./num.js";
import type { Type } from "../ir/ir.js";

export type V =
  | { k: "num"; x: Num }
  | { k: "day"; x: string }
  | { k: "dur"; u: string; n: string }
  | { k: "per"; s: string; e: string }
  | { k: "bool"; x: string }
  | { k: "text"; x: string }
  | { k: "rec"; raw: string; json: boolean; t: Type & { k: "record" } }
  | { k: "list"; l: ListH };

export type ListH =
  | { kind: "raw"; raw: string; json: boolean; elem: Type }
  /** kalendermaanden(p): the months of the period [s, e). */
  | { kind: "months"; s: string; e: string }
  /** A computed list: an array of element structs (compiler/sql/lists.ts). */
  | { kind: "vals"; sql: string; elem: Type };

export interface Val {
  v: V;
  err: string | null;
}

/** The error text of a static error: `{"code":…,"bericht":…[,"veld":…]}`. */
export function errorJson(code: string, message: string, field?: string): string {
  const o: Record<string, string> = { code, bericht: message };
  if (field !== undefined) o.veld = field;
  return JSON.stringify(o);
}

/** LANGUAGE.md §5 messages name where evaluation was: "regel `x` (artikel 7.1)". */
export function describeWhere(kind: string, name: string, articles: readonly string[]): string {
  if (kind === "beslissing") return "de beslissing";
  const art = articles.length > 0 ? ` (artikel ${articles.join(", ")})` : "";
  return `${kind} \`${name}\`${art}`;
}
