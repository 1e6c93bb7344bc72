// The intermediate representation: a checked, fully typed, desugared policy.
// In: produced by compiler/check. Out: read by the emitters (JavaScript for
// `polis run`, TypeScript for `polis build`), the constant evaluator and, in
// later work, the SQL back end. It knows nothing of TypeScript.
// INVARIANT: every expression carries its Type and Span; names are resolved
// to their kind; operators are monomorphic (no overloading left to resolve);
// literals are runtime values (Rat, epoch day, Duration, Period).

import type { Span } from "../../runtime/diagnostic.js";
import type { Rat, RoundingMode } from "../../runtime/rational.js";
import type { Duration, Period, DurationUnitWord } from "../../runtime/calendar.js";
import type { FieldDesc, Restriction, TypeDesc } from "../../runtime/types.js";
import type { Decisions } from "./decisions.js";

export type Type =
  | { k: "bedrag" }
  | { k: "getal" }
  | { k: "aantal" }
  | { k: "percentage" }
  | { k: "datum" }
  /** unit is null for a `duur` input, whose unit is known only at run time. */
  | { k: "duur"; unit: "dagen" | "maanden" | null }
  | { k: "periode" }
  | { k: "janee" }
  | { k: "tekst" }
  | { k: "soort"; name: string; values: readonly string[] }
  | { k: "record"; name: string; fields: readonly { name: string; type: Type; restriction?: Restriction; optional?: boolean }[] }
  | { k: "lijst"; elem: Type }
  /** After an error: silences follow-up errors. */
  | { k: "fout" };

export type Value = Rat | number | boolean | string | Duration | Period | Value[] | { [field: string]: Value };

export type RefKind = "input" | "parameter" | "begrip" | "output" | "local";

export type NumOp = "add" | "sub" | "mul" | "div";
export type CmpOp = "=" | "<>" | "<" | "<=" | ">" | ">=";
/** How two values compare: exact numbers, epoch days, durations, or structural equality. */
export type CmpDomain = "num" | "day" | "dur" | "bool" | "text" | "period";

interface Node {
  type: Type;
  span: Span;
}

export type Expr = Node &
  (
    | { e: "const"; value: Value }
    | { e: "ref"; ref: RefKind; name: string }
    | { e: "call"; fn: string; args: Expr[] }
    | { e: "std"; fn: string; args: Expr[] }
    | { e: "field"; object: Expr; field: string; /** an optional record field: reading it when not given is P0715 */ optional?: boolean }
    | { e: "num"; op: NumOp; left: Expr; right: Expr }
    | { e: "neg"; arg: Expr }
    | { e: "cmp"; op: CmpOp; domain: CmpDomain; left: Expr; right: Expr }
    | { e: "and" | "or"; left: Expr; right: Expr }
    | { e: "not"; arg: Expr }
    | { e: "in"; negated: boolean; domain: CmpDomain; arg: Expr; values: Expr[] }
    /** `x in lijst` (issue 19): x equals an element of the list. */
    | { e: "inList"; negated: boolean; domain: CmpDomain; arg: Expr; list: Expr }
    | { e: "between"; domain: CmpDomain; arg: Expr; low: Expr; high: Expr }
    /** `x is bekend`: the optional input `name` was given. */
    | { e: "known"; name: string }
    /** `r.veld is bekend`: the optional record field was given (issue 19). */
    | { e: "fieldKnown"; object: Expr; field: string }
    /** decimals already include the percent scale: a percentage rounds its number of percent. */
    | { e: "round"; arg: Expr; decimals: number; mode: RoundingMode }
    | { e: "if"; cond: Expr; then: Expr; else: Expr }
    | { e: "agg"; op: AggregateOp; variable: string; list: Expr; body?: Expr; filter?: Expr }
    | { e: "date_add"; date: Expr; dur: Expr; sign: 1 | -1 }
    | { e: "date_diff"; left: Expr; right: Expr }
    | { e: "dur"; unit: DurationUnitWord; arg: Expr }
    | { e: "dur_add"; sign: 1 | -1; left: Expr; right: Expr }
    | { e: "dur_neg"; arg: Expr }
    | { e: "period"; from: Expr; to: Expr; inclusive: boolean }
    /** A getal stored where an aantal is declared: checked whole and ≥ 0 (LANGUAGE.md §3). */
    | { e: "to_aantal"; arg: Expr; what: string }
    /** `x %` on a non-literal: hundredths. */
    | { e: "percent"; arg: Expr }
    | { e: "list"; items: Expr[] }
    | { e: "record"; fields: { name: string; value: Expr }[] }
  );

export interface Where {
  kind: "regel" | "begrip" | "parameter" | "functie" | "uitvoer" | "voorwaarde";
  name: string;
  articles: string[];
  span: Span;
}

export interface Input {
  name: string;
  type: Type;
  desc: FieldDesc;
  /** `optioneel`: may be absent from a case; reading it then is an input error (P0715). */
  optional: boolean;
  span: Span;
}

export interface Definition {
  name: string;
  type: Type;
  value: Expr;
  articles: string[];
  span: Span;
  /**
   * A parameter whose value depends on a date (issue 18): `value` is already
   * the choice between the periods (an `if` chain on `by`), so back ends need
   * nothing new; this keeps the periods for diff, doc and explain. A dated
   * parameter is listed among the begrippen, since it reads an input.
   */
  dated?: DatedInfo;
}

export interface DatedInfo {
  /** The input or begrip of type `datum` that picks the period. */
  by: string;
  /** In date order, without gaps or overlaps (checked). */
  periods: { from: number; /** last day, inclusive; absent: open-ended */ through?: number; value: Expr; text: string }[];
}

/** A decision table (issue 18), kept beside the rule it is lowered to. */
export interface TableInfo {
  hitPolicy: "uniek" | "eerste";
  /** The condition columns (inputs or begrippen), then the output columns. */
  columns: string[];
  outputs: string[];
  /** Per row, as written: its condition cells (empty for the default row) and output cells. */
  rows: { cells: string[]; values: string[]; isDefault: boolean; articles: string[] }[];
  /**
   * A `uniek` table whose columns are begrippen or read by a voorwaarde: the
   * overlaps and gaps the column domains allow, which the solver must confirm
   * for a valid case (compiler/proofs/tables.ts) before they are errors.
   * Row numbers are 1-based; `example` is the domain split's case.
   */
  unconfirmed?: {
    span: Span;
    overlaps: { first: number; second: number; example: string; span: Span; firstSpan: Span }[];
    gaps: string[];
  };
}

export interface FunctionDef {
  name: string;
  params: { name: string; type: Type }[];
  result: Type;
  body: Expr;
  articles: string[];
  span: Span;
}

export interface Output {
  name: string;
  type: Type;
  default?: Expr;
  /** Indices into Policy.rules of the rules that can define this output. */
  rules: number[];
  span: Span;
}

export interface Clause {
  head: "indien" | "anders" | "altijd";
  condition?: Expr;
  /** The condition as the author wrote it, for explanations. */
  conditionText?: string;
  /** The conditions of the earlier clauses of the rule, which did not hold when this clause applies. */
  earlierConditions: string[];
  assignments: { output: string; value: Expr; span: Span }[];
  /** Names of inputs, parameters, begrippen and outputs the clause reads (for --explain). */
  reads: { ref: RefKind; name: string; type: Type }[];
  /** The row of a decision table this clause is (0-based; index into `Rule.table.rows`). */
  row?: number;
  /** A table row's own articles, which replace the rule's in explanations. */
  articles?: string[];
  span: Span;
}

export interface Rule {
  name: string;
  articles: string[];
  /** Indices of the rules this one is an exception to (`uitzondering op A, B`). */
  exceptionTo?: number[];
  /** The rule's sentence for members (`lid "…"`), with `{naam}` placeholders. */
  lid?: string;
  clauses: Clause[];
  /** Present when the rule is a decision table: clause k is row k. */
  table?: TableInfo;
  span: Span;
}

export interface Condition {
  expr: Expr;
  text: string;
  /** The first input the condition names (LANGUAGE.md §4), reported as the field. */
  field: string;
  span: Span;
}

export interface Example {
  name: string;
  given: { name: string; value: Expr }[];
  expected: { name: string; value: Expr; span: Span }[];
  expectedError?: string;
  span: Span;
}

export interface Property {
  name: string;
  expr: Expr;
  text: string;
  span: Span;
}

export interface Metadata {
  name: string;
  title: string;
  version?: string;
  validFrom?: number;
  /** Last valid day, inclusive. */
  validThrough?: number;
  source?: string;
  file: string;
  /** Where `geldig` is written (for `polis build`'s check of a family of versions). */
  validitySpan?: Span;
}

export interface Policy {
  metadata: Metadata;
  soorten: { name: string; values: string[] }[];
  records: { name: string; fields: { name: string; type: Type; optional?: boolean }[] }[];
  inputs: Input[];
  conditions: Condition[];
  /** In dependency order: a parameter only reads parameters before it. */
  parameters: Definition[];
  begrippen: Definition[];
  functions: FunctionDef[];
  outputs: Output[];
  rules: Rule[];
  examples: Example[];
  properties: Property[];
}

/**
 * A checked policy with its rule semantics lowered to data (ir/decisions.ts):
 * what compiler/pipeline.ts returns and every back end reads.
 */
export interface LoweredPolicy extends Policy {
  decisions: Decisions;
}

export function typeDescOf(t: Type): TypeDesc {
  switch (t.k) {
    case "soort":
      return { k: "soort", name: t.name, values: t.values };
    case "record":
      return {
        k: "record",
        name: t.name,
        fields: t.fields.map((f) => ({
          name: f.name,
          type: typeDescOf(f.type),
          ...(f.restriction ? { restriction: f.restriction } : {}),
          ...(f.optional ? { optional: true } : {}),
        })),
      };
    case "lijst":
      return { k: "lijst", elem: typeDescOf(t.elem) };
    case "duur":
      return { k: "duur" };
    case "fout":
      throw new Error("internal: type error reached the IR");
    default:
      return { k: t.k };
  }
}

/** LANGUAGE.md §6 aggregations and those of issue 19 (lists as values). */
export type AggregateOp = "aantal" | "som" | "er is een" | "voor alle" | "grootste" | "kleinste" | "eerste" | "laatste" | "lopende som" | "elke";
