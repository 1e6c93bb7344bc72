// Name resolution: the declaration tables of a program (LANGUAGE.md §4
// "Names", §12). In: the AST. Out: Symbols, and diagnostics for names
// declared twice and reserved words used as names. Uses inside expressions are
// resolved by the checker against these tables, with scopes for function
// parameters and aggregation variables.

import type { Diagnostic, Span } from "../../runtime/diagnostic.js";
import { KEYWORD_WORDS } from "../../grammar/tokens.js";
import type * as A from "../syntax/ast.js";
import { diagnostic } from "../../runtime/messages.js";
import { tableToRule } from "../syntax/table-rule.js";

export type ValueSymbol =
  | { kind: "input"; decl: A.FieldDecl; span: Span }
  | { kind: "parameter"; decl: Extract<A.Decl, { kind: "Parameter" }>; span: Span }
  | { kind: "begrip"; decl: Extract<A.Decl, { kind: "Begrip" }>; span: Span }
  | { kind: "functie"; decl: Extract<A.Decl, { kind: "Functie" }>; span: Span }
  | { kind: "output"; decl: A.FieldDecl; span: Span }
  | { kind: "soortValue"; soort: string; span: Span };

export type TypeSymbol =
  | { kind: "soort"; decl: Extract<A.Decl, { kind: "Soort" }> }
  | { kind: "gegevens"; decl: Extract<A.Decl, { kind: "Gegevens" }> };

export interface Symbols {
  types: Map<string, TypeSymbol>;
  values: Map<string, ValueSymbol>;
  /** Rules and decision tables (a table is checked as the rule it desugars to, `decl`). */
  rules: Map<string, { index: number; decl: A.RuleDecl; table?: A.TableDecl }>;
}

const WHAT: Record<ValueSymbol["kind"], string> = {
  input: "invoer",
  parameter: "parameter",
  begrip: "begrip",
  functie: "functie",
  output: "uitvoer",
  soortValue: "soortwaarde",
};

export function isReserved(name: string): boolean {
  return KEYWORD_WORDS.has(name);
}

export function resolve(program: A.Program): { symbols: Symbols; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const symbols: Symbols = { types: new Map(), values: new Map(), rules: new Map() };

  const reserved = (name: string, span: Span, what: string): boolean => {
    if (!isReserved(name)) return false;
    diagnostics.push(diagnostic("P0304", span, { name, what }));
    return true;
  };

  const declareValue = (name: string, sym: ValueSymbol) => {
    if (reserved(name, sym.span, WHAT[sym.kind])) return;
    const previous = symbols.values.get(name);
    if (previous) {
      diagnostics.push(
        diagnostic("P0302", sym.span, { name }, {
          related: [{ span: previous.span, message: `eerder gedeclareerd als ${WHAT[previous.kind]}` }],
        }),
      );
      return;
    }
    symbols.values.set(name, sym);
  };

  reserved(program.name, program.nameSpan, "polisnaam");

  const rules: { decl: A.RuleDecl; table?: A.TableDecl }[] = [];
  for (const d of program.declarations) {
    switch (d.kind) {
      case "Soort":
      case "Gegevens": {
        if (reserved(d.name, d.nameSpan, "type")) break;
        const previous = symbols.types.get(d.name);
        if (previous) {
          diagnostics.push(
            diagnostic("P0302", d.nameSpan, { name: d.name }, {
              related: [{ span: previous.decl.nameSpan, message: "eerder gedeclareerd" }],
            }),
          );
          break;
        }
        symbols.types.set(d.name, d.kind === "Soort" ? { kind: "soort", decl: d } : { kind: "gegevens", decl: d });
        if (d.kind === "Soort") for (const v of d.values) declareValue(v.name, { kind: "soortValue", soort: d.name, span: v.span });
        else {
          const seen = new Set<string>();
          for (const f of d.fields) {
            if (seen.has(f.name)) diagnostics.push(diagnostic("P0302", f.nameSpan, { name: f.name }));
            seen.add(f.name);
          }
        }
        break;
      }
      case "Invoer":
        for (const f of d.fields) declareValue(f.name, { kind: "input", decl: f, span: f.nameSpan });
        break;
      case "Uitvoer":
        for (const f of d.fields) declareValue(f.name, { kind: "output", decl: f, span: f.nameSpan });
        break;
      case "Parameter":
        declareValue(d.name, { kind: "parameter", decl: d, span: d.nameSpan });
        break;
      case "Begrip":
        declareValue(d.name, { kind: "begrip", decl: d, span: d.nameSpan });
        break;
      case "Functie":
        declareValue(d.name, { kind: "functie", decl: d, span: d.nameSpan });
        break;
      case "Regel":
        rules.push({ decl: d });
        break;
      case "Tabel":
        rules.push({ decl: tableToRule(d), table: d });
        break;
      default:
        break;
    }
  }
  // Rule names (and table names) have their own namespace.
  for (const { decl: r, table } of rules) {
    if (reserved(r.name, r.nameSpan, "regelnaam")) continue;
    const previous = symbols.rules.get(r.name);
    if (previous) {
      diagnostics.push(
        diagnostic("P0308", r.nameSpan, { name: r.name }, {
          related: [{ span: previous.decl.nameSpan, message: "eerder gedeclareerd" }],
        }),
      );
      continue;
    }
    symbols.rules.set(r.name, { index: symbols.rules.size, decl: r, ...(table ? { table } : {}) });
  }
  return { symbols, diagnostics };
}
