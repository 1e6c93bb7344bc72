// Polis diagnostics and spans → LSP. A Polis span is a pair of 0-based
// UTF-16 offsets into the text the compiler read, so positions come from the
// analysed text, never from line/column arithmetic.

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, Span } from "../runtime/diagnostic.js";

/** Positions in one analysed text. */
export class Positions {
  private readonly doc: TextDocument;
  constructor(readonly uri: string, readonly text: string) {
    this.doc = TextDocument.create(uri, "polis", 0, text);
  }
  range(span: Span): Range {
    return { start: this.doc.positionAt(span.start), end: this.doc.positionAt(Math.max(span.start, span.end)) };
  }
  offset(position: { line: number; character: number }): number {
    return this.doc.offsetAt(position);
  }
  position(offset: number) {
    return this.doc.positionAt(offset);
  }
}

/** A replacement that turns a diagnostic's "bedoelde u …?" suggestion into an edit. */
export interface Fix {
  title: string;
  start: number;
  end: number;
  newText: string;
}

/**
 * The replacements a diagnostic suggests ("bedoelde u `a` of `b`?"): its
 * `suggestions` parameter (the catalog builds the hint from it), or a `fix`
 * parameter that replaces the diagnostic's span.
 */
export function suggestions(d: Diagnostic): string[] {
  const p = d.params as { suggestions?: unknown; fix?: unknown };
  const out: string[] = [];
  if (typeof p.fix === "string") out.push(p.fix);
  if (Array.isArray(p.suggestions)) for (const s of p.suggestions) if (typeof s === "string" && !out.includes(s)) out.push(s);
  return out;
}

export function fixesOf(d: Diagnostic, text: string): Fix[] {
  // A misspelt keyword near a syntax error is replaced where it stands (P0203 `wordSpan`).
  const wordSpan = (d.params as { wordSpan?: Span }).wordSpan;
  const span = wordSpan ?? d.span;
  if (!span) return [];
  const start = span.start;
  const end = Math.max(start, span.end);
  return suggestions(d).map((s) => ({ title: `Vervang \`${text.slice(start, end)}\` door \`${s}\``, start, end, newText: s }));
}

export function toLspDiagnostic(d: Diagnostic, at: Positions, uriOf: (file: string) => string): LspDiagnostic {
  const range = d.span ? at.range(d.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const out: LspDiagnostic = {
    range,
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: "polis",
    message: d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}`,
    data: { message: d.message, ...(d.hint === undefined ? {} : { hint: d.hint }), suggestions: suggestions(d) },
  };
  if (d.related && d.related.length > 0) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri: r.span.file === d.span?.file ? at.uri : uriOf(r.span.file), range: r.span.file === d.span?.file ? at.range(r.span) : lineRange(r.span) },
      message: r.message,
    }));
  }
  return out;
}

function lineRange(span: Span): Range {
  return { start: { line: span.line - 1, character: span.column - 1 }, end: { line: span.endLine - 1, character: span.endColumn - 1 } };
}
