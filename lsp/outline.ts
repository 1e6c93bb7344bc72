// Document symbols: an outline of the policy by article. Declarations that
// cite an article (regels, parameters, begrippen, functies) are grouped under
// `artikel N`, in the order the articles first appear; the others (soorten,
// gegevens, invoer, uitvoer, voorbeelden, eigenschappen) stand on their own
// with their fields or values as children.

import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type * as A from "../compiler/syntax/ast.js";
import type { Span } from "../runtime/diagnostic.js";
import type { Positions } from "./convert.js";
import { typeText } from "./symbols.js";

export function outline(program: A.Program, at: Positions): DocumentSymbol[] {
  const sym = (name: string, detail: string, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol => ({
    name, detail, kind, range: at.range(span), selectionRange: at.range(selection), ...(children ? { children } : {}),
  });
  const fields = (fs: A.FieldDecl[]) => fs.map((f) => sym(f.name, typeText(f.type), SymbolKind.Field, f.span, f.nameSpan));
  const out: DocumentSymbol[] = [];
  const groups = new Map<string, DocumentSymbol>();
  for (const d of program.declarations) {
    let s: DocumentSymbol;
    let articles: A.Article[] = [];
    switch (d.kind) {
      case "Soort":
        s = sym(d.name, "soort", SymbolKind.Enum, d.span, d.nameSpan, d.values.map((v) => sym(v.name, d.name, SymbolKind.EnumMember, v.span, v.span)));
        break;
      case "Gegevens":
        s = sym(d.name, "gegevens", SymbolKind.Struct, d.span, d.nameSpan, fields(d.fields));
        break;
      case "Invoer":
      case "Uitvoer":
        s = sym(d.kind === "Invoer" ? "invoer" : "uitvoer", `${d.fields.length} velden`, SymbolKind.Module, d.span, keywordSpan(d.span, 6 + (d.kind === "Uitvoer" ? 1 : 0)), fields(d.fields));
        break;
      case "Voorwaarde":
        s = sym(`voorwaarde ${d.text}`, "voorwaarde", SymbolKind.Boolean, d.span, keywordSpan(d.span, 10));
        break;
      case "Parameter":
      case "Begrip":
        s = sym(d.name, `${d.kind === "Parameter" ? "parameter" : "begrip"}: ${typeText(d.type)}`, d.kind === "Parameter" ? SymbolKind.Constant : SymbolKind.Variable, d.span, d.nameSpan);
        articles = d.articles;
        break;
      case "Functie":
        s = sym(d.name, `functie: ${typeText(d.result)}`, SymbolKind.Function, d.span, d.nameSpan);
        articles = d.articles;
        break;
      case "Tabel":
        s = sym(d.name, `tabel (${d.hitPolicy})`, SymbolKind.Method, d.span, d.nameSpan);
        articles = d.articles;
        break;
      case "Regel":
        s = sym(d.name, d.exceptionTo && d.exceptionTo.length > 0 ? `regel, uitzondering op ${d.exceptionTo.map((x) => x.name).join(", ")}` : "regel", SymbolKind.Method, d.span, d.nameSpan);
        articles = d.articles;
        break;
      case "Voorbeeld":
        s = sym(`voorbeeld "${d.name}"`, "voorbeeld", SymbolKind.Event, d.span, keywordSpan(d.span, 9));
        break;
      case "Eigenschap":
        s = sym(`eigenschap "${d.name}"`, "eigenschap", SymbolKind.Event, d.span, keywordSpan(d.span, 10));
        break;
    }
    const first = articles[0];
    if (!first) {
      out.push(s);
      continue;
    }
    const label = `artikel ${mainArticle(first.label)}`;
    let group = groups.get(label);
    if (!group) {
      group = { name: label, kind: SymbolKind.Namespace, range: s.range, selectionRange: s.selectionRange, children: [] };
      groups.set(label, group);
      out.push(group);
    }
    group.children!.push(s);
    group.range = { start: minPos(group.range.start, s.range.start), end: maxPos(group.range.end, s.range.end) };
  }
  return out;
}

/** `7.4` → `7`, `9 lid 2` → `9`, `34 § 1 b` → `34`: the article a lid or sub-article belongs to. */
export function mainArticle(label: string): string {
  return /^[0-9]+[a-z]?/.exec(label.trim())?.[0] ?? label;
}

function keywordSpan(span: Span, length: number): Span {
  return { ...span, end: span.start + length, endLine: span.line, endColumn: span.column + length };
}

type Pos = { line: number; character: number };
const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character < b.character);
const minPos = (a: Pos, b: Pos) => (before(a, b) ? a : b);
const maxPos = (a: Pos, b: Pos) => (before(a, b) ? b : a);
