// The abstract syntax of a .polis file. Built by from-cst.ts; read by the
// resolver and checker, the formatter and the AST printer (golden tests).
// INVARIANT: every node carries the Span of the source it came from; literal
// values are already validated (numbers exact, dates possible).

import type { Span } from "../../runtime/diagnostic.js";
import type { Rat } from "../../runtime/rational.js";

export type BuiltinTypeName =
  | "bedrag" | "getal" | "aantal" | "percentage" | "datum" | "duur" | "periode" | "janee" | "tekst";

export type TypeRef =
  | { kind: "BuiltinType"; name: BuiltinTypeName; span: Span }
  | { kind: "NamedType"; name: string; span: Span }
  | { kind: "ListType"; element: TypeRef; span: Span };

export interface Article {
  /** As the author wrote it: `7.4`, `9 lid 2`, `34 § 1 b`. */
  label: string;
  span: Span;
}

export type UnitWord = "dag" | "dagen" | "week" | "weken" | "maand" | "maanden" | "jaar" | "jaren";
export type CompareOp = "=" | "<>" | "<" | "<=" | ">" | ">=";
export type ArithOp = "+" | "-" | "*" | "/";
export type RoundMode = "half-away" | "floor" | "ceil";

export type Expr =
  | { kind: "Number"; value: Rat; text: string; span: Span }
  | { kind: "Money"; value: Rat; text: string; span: Span }
  | { kind: "Text"; value: string; span: Span }
  | { kind: "Bool"; value: boolean; span: Span }
  | { kind: "Date"; day: number; text: string; span: Span }
  | { kind: "Name"; name: string; span: Span }
  | { kind: "Call"; callee: string; calleeSpan: Span; args: Expr[]; span: Span }
  | { kind: "Field"; object: Expr; field: string; fieldSpan: Span; span: Span }
  | { kind: "Unit"; operand: Expr; unit: UnitWord; span: Span }
  | { kind: "Percent"; operand: Expr; span: Span }
  | { kind: "Neg"; operand: Expr; span: Span }
  | { kind: "Arith"; op: ArithOp; left: Expr; right: Expr; opSpan: Span; span: Span }
  | { kind: "Compare"; op: CompareOp; left: Expr; right: Expr; opSpan: Span; span: Span }
  | { kind: "In"; negated: boolean; operand: Expr; values: Expr[]; span: Span }
  /** `x in lijst` (issue 19): x is an element of the list. */
  | { kind: "InList"; negated: boolean; operand: Expr; list: Expr; span: Span }
  | { kind: "Between"; operand: Expr; low: Expr; high: Expr; span: Span }
  /** `x is bekend`: an optional input was given (extension). */
  | { kind: "Known"; operand: Expr; span: Span }
  | { kind: "Not"; operand: Expr; span: Span }
  | { kind: "Logic"; op: "en" | "of"; left: Expr; right: Expr; span: Span }
  | { kind: "Round"; operand: Expr; mode: RoundMode; decimals: number; unit: "hele euro" | "centen" | "decimalen"; span: Span }
  | { kind: "If"; condition: Expr; then: Expr; else: Expr; span: Span }
  | {
      kind: "Aggregate";
      op: AggregateOp;
      variable: string;
      variableSpan: Span;
      list: Expr;
      /** `som van BODY voor …`; absent for the other forms. */
      body?: Expr;
      /** `waarvoor …`, or the `geldt …` of `voor alle`. */
      filter?: Expr;
      span: Span;
    }
  | { kind: "Period"; from: Expr; to: Expr; inclusive: boolean; span: Span }
  | { kind: "ListLiteral"; items: Expr[]; span: Span }
  | { kind: "RecordLiteral"; fields: { name: string; value: Expr; span: Span }[]; span: Span };

export type Restriction =
  | { kind: "Range"; min?: Expr; max?: Expr; span: Span; text: string }
  | { kind: "OneOf"; values: Expr[]; span: Span; text: string };

export interface FieldDecl {
  kind: "Field";
  name: string;
  nameSpan: Span;
  type: TypeRef;
  /** `optioneel`: the input may be absent from a case (extension). */
  optional?: boolean;
  restriction?: Restriction;
  default?: Expr;
  span: Span;
}

export interface Header {
  version?: { text: string; span: Span };
  /** `to` is the last valid day; absent for `geldig vanaf A`. */
  validity?: { from: number; to?: number; inclusive: boolean; text: string; span: Span };
  source?: { text: string; span: Span };
}

export type Decl =
  | { kind: "Soort"; name: string; nameSpan: Span; values: { name: string; span: Span }[]; span: Span }
  | { kind: "Gegevens"; name: string; nameSpan: Span; fields: FieldDecl[]; span: Span }
  | { kind: "Invoer"; fields: FieldDecl[]; span: Span }
  | { kind: "Uitvoer"; fields: FieldDecl[]; span: Span }
  | { kind: "Voorwaarde"; condition: Expr; text: string; span: Span }
  | ParameterDecl
  | { kind: "Begrip"; name: string; nameSpan: Span; type: TypeRef; value: Expr; articles: Article[]; span: Span }
  | {
      kind: "Functie";
      name: string;
      nameSpan: Span;
      params: { name: string; type: TypeRef; span: Span }[];
      result: TypeRef;
      body: Expr;
      articles: Article[];
      span: Span;
    }
  | RuleDecl
  | TableDecl
  | {
      kind: "Voorbeeld";
      name: string;
      given: NamedValue[];
      expected: NamedValue[];
      /** `verwacht fout "…"`. */
      expectedError?: string;
      span: Span;
    }
  | { kind: "Eigenschap"; name: string; /** `altijd als premise dan condition` (issue 19) */ premise?: Expr; condition: Expr; text: string; span: Span };

/**
 * `parameter naam: type = V1 vanaf D1, V2 vanaf D2 volgens datum_invoer`: a
 * value that depends on a date (issue 18). `dated` holds the periods as
 * written; `value` is then the first period's value (for tools that show one).
 */
export interface ParameterDecl {
  kind: "Parameter";
  name: string;
  nameSpan: Span;
  type: TypeRef;
  value: Expr;
  dated?: DatedValues;
  articles: Article[];
  span: Span;
}

export interface DatedValues {
  periods: DatedPeriod[];
  /** `volgens NAAM`: the date (an input or begrip of type `datum`) that picks the period. */
  by: { name: string; span: Span };
}

/** `V vanaf D` (until the next period starts), or `V van D tot en met E` / `V van D tot E`. */
export interface DatedPeriod {
  value: Expr;
  from: number;
  /** Last day included; absent for `vanaf`. */
  through?: number;
  /** The dates as written (`vanaf 1 januari 2013`). */
  text: string;
  span: Span;
}

/**
 * A decision table (issue 18): condition columns (inputs or begrippen), output
 * columns, and rows. Checked by desugaring into a RuleDecl (syntax/table-rule.ts):
 * a row is a clause. `uniek`: exactly one row applies (proved by the checker);
 * `eerste`: the first row that applies.
 */
export interface TableDecl {
  kind: "Tabel";
  name: string;
  nameSpan: Span;
  articles: Article[];
  exceptionTo?: { name: string; span: Span }[];
  hitPolicy: "uniek" | "eerste";
  hitSpan: Span;
  columns: { name: string; span: Span }[];
  outputs: { name: string; span: Span }[];
  rows: TableRow[];
  span: Span;
}

export interface TableRow {
  /** One per condition column; empty for the default row (`anders`). */
  cells: TableCell[];
  /** `| anders || … |`: applies when no other row does. */
  isDefault: boolean;
  /** One per output column. */
  values: Expr[];
  articles: Article[];
  span: Span;
}

/** A condition cell: `-`, a value or `{a, b}`, a comparison `< 18`, or a range `vanaf 10 tot en met 18`. */
export type TableCell =
  | { kind: "Any"; span: Span }
  | { kind: "Values"; values: Expr[]; span: Span }
  | { kind: "Compare"; op: CompareOp; value: Expr; span: Span }
  | { kind: "Range"; min?: Expr; max?: Expr; maxInclusive: boolean; span: Span };

export interface RuleDecl {
  kind: "Regel";
  name: string;
  nameSpan: Span;
  articles: Article[];
  /** `uitzondering op A, B, …`: the rules this one is an exception to (at least one). */
  exceptionTo?: { name: string; span: Span }[];
  /** `lid "…"`: the rule's sentence for members, with `{naam}` placeholders. */
  lid?: { text: string; span: Span };
  clauses: Clause[];
  span: Span;
}

export interface Clause {
  /** `indien … dan`, `anders`, or no head. */
  head: "indien" | "anders" | "altijd";
  condition?: Expr;
  assignments: Assignment[];
  span: Span;
}

export interface Assignment {
  target: string;
  targetSpan: Span;
  value: Expr;
  span: Span;
}

export interface NamedValue {
  name: string;
  nameSpan: Span;
  value: Expr;
  span: Span;
}

export interface Program {
  kind: "Program";
  name: string;
  nameSpan: Span;
  title: string;
  header: Header;
  declarations: Decl[];
  file: string;
  span: Span;
}

/**
 * The aggregations of LANGUAGE.md §6 and those of issue 19: `grootste van`,
 * `kleinste van`, `eerste van`, `laatste van`, `lopende som van` and
 * `de … van elke` (a list).
 */
export type AggregateOp = "aantal" | "som" | "er is een" | "voor alle" | "grootste" | "kleinste" | "eerste" | "laatste" | "lopende som" | "elke";
