// Diagnostics → text for a terminal or a golden file (STYLE.md "Diagnostics").
// In: diagnostics and a way to read the source of a file. Out: a string, with
// no trailing newline; printing it is the CLI's job (compiler/ does no IO).
// Guarantees: the same input gives the same text; colour codes appear only with
// `color: true`; a missing source file or line costs the frame, never a throw.
//
//   policies/vgz/2012/eigen-risico.polis:31:10: fout P0301: onbekende naam `leeftyd`
//      |
//   31 |   indien leeftyd >= 18 dan verplicht naar_rato(verplicht_per_jaar)
//      |          ^^^^^^^
//      = hint: bedoelde u `leeftijd`?

import { styleText } from "node:util";
import type { Diagnostic, Severity, Span } from "../../runtime/diagnostic.js";

export type SourceLookup = ReadonlyMap<string, string> | ((file: string) => string | undefined);

export interface RenderOptions {
  /** ANSI colours. Off by default: golden files and pipes get plain text. */
  color?: boolean;
}

/** Tabs expand to the next multiple of this, in the line and the underline alike. */
const TAB_WIDTH = 4;

const SEVERITY_WORD: Record<Severity, string> = { error: "fout", warning: "waarschuwing" };

type Style = Parameters<typeof styleText>[0];

interface Painter {
  paint(style: Style, text: string): string;
}

function painter(color: boolean): Painter {
  return {
    // validateStream: false — the caller decided on colour; Node 20's styleText
    // would otherwise drop it whenever stdout is not a terminal.
    paint: color ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text,
  };
}

function severityStyle(severity: Severity): Style {
  return severity === "error" ? ["red", "bold"] : ["yellow", "bold"];
}

/** `file:line:col`, the form editors and terminals turn into a link. */
export function formatSpan(span: Span): string {
  return `${span.file}:${span.line}:${span.column}`;
}

export function renderDiagnostic(d: Diagnostic, sources: SourceLookup, options: RenderOptions = {}): string {
  const p = painter(options.color ?? false);
  const read = typeof sources === "function" ? sources : (file: string) => sources.get(file);
  const label = p.paint(severityStyle(d.severity), `${SEVERITY_WORD[d.severity]} ${d.code}`);
  const message = p.paint("bold", d.message);

  // One gutter width for the whole diagnostic, so its frames and hint line up.
  const spans = [d.span, ...(d.related ?? []).map((r) => r.span)].filter((s): s is Span => s !== undefined);
  const width = Math.max(1, ...spans.map((s) => String(s.line).length));

  const out: string[] = [];
  if (d.span) {
    out.push(`${formatSpan(d.span)}: ${label}: ${message}`);
    out.push(...frame(d.span, read(d.span.file), width, severityStyle(d.severity), p));
  } else {
    // Case-file errors have no span; the message names the field.
    out.push(`${d.line !== undefined ? `regel ${d.line}: ` : ""}${label}: ${message}`);
  }
  if (d.hint !== undefined) {
    // A hint of several lines (a pasteable voorbeeld) keeps its lines under the first one.
    const pad = " ".repeat(width + 1);
    const [first, ...rest] = d.hint.split("\n");
    out.push(`${pad}${p.paint("cyan", "=")} ${p.paint("bold", "hint:")} ${first}`, ...rest.map((l) => `${pad}        ${l}`));
  }
  for (const r of d.related ?? []) {
    out.push(`${formatSpan(r.span)}: ${p.paint(["cyan", "bold"], "opmerking")}: ${r.message}`);
    out.push(...frame(r.span, read(r.span.file), width, "cyan", p));
  }
  return out.join("\n");
}

/**
 * Several diagnostics in a stable order: by file, then offset; those without a
 * span (case-file errors) last, by line. Diagnostics with a frame are separated
 * by a blank line; one-line diagnostics follow each other directly.
 */
export function renderDiagnostics(
  ds: readonly Diagnostic[],
  sources: SourceLookup,
  options: RenderOptions = {},
): string {
  const rendered = [...ds].sort(compareDiagnostics).map((d) => renderDiagnostic(d, sources, options));
  let out = "";
  rendered.forEach((text, i) => {
    if (i > 0) {
      const spaced = text.includes("\n") || rendered[i - 1]!.includes("\n");
      out += spaced ? "\n\n" : "\n";
    }
    out += text;
  });
  return out;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.span && b.span) {
    // Code-unit order, not localeCompare: the same on every machine.
    if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
    return a.span.start - b.span.start;
  }
  if (a.span) return -1;
  if (b.span) return 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

/**
 * The source line of `span.line` with the span underlined. A span over several
 * lines is underlined from its start to the end of its first line. No source,
 * or no such line: no frame.
 */
function frame(span: Span, source: string | undefined, width: number, caretStyle: Style, p: Painter): string[] {
  if (source === undefined) return [];
  const line = sourceLine(source, span.line);
  if (line === undefined) return [];

  // Columns are 1-based UTF-16 offsets into the line; endColumn is exclusive.
  const startCol = clamp(span.column - 1, 0, line.length);
  const endCol = span.endLine === span.line ? clamp(span.endColumn - 1, startCol, line.length) : line.length;

  const before = displayWidth(line.slice(0, startCol), 0);
  const underlined = displayWidth(line.slice(startCol, endCol), before);
  const shown = expandTabs(line);

  const pad = " ".repeat(width);
  const bar = p.paint("cyan", "|");
  const number = p.paint("cyan", String(span.line).padStart(width));
  return [
    `${pad} ${bar}`,
    `${number} ${bar}${shown ? " " + shown : ""}`,
    `${pad} ${bar} ${" ".repeat(before)}${p.paint(caretStyle, "^".repeat(Math.max(1, underlined)))}`,
  ];
}

/** The 1-based `lineNumber`th line, without its line ending. */
function sourceLine(source: string, lineNumber: number): string | undefined {
  if (lineNumber < 1) return undefined;
  let start = 0;
  for (let n = 1; n < lineNumber; n++) {
    const nl = source.indexOf("\n", start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const nl = source.indexOf("\n", start);
  const line = source.slice(start, nl < 0 ? source.length : nl);
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

const COMBINING = /^\p{M}$/u;

/**
 * Columns `text` takes on screen when it starts at column `from` (0-based):
 * tabs run to the next tab stop, combining marks (a decomposed `ë`) take none.
 */
function displayWidth(text: string, from: number): number {
  let col = from;
  for (const ch of text) {
    if (ch === "\t") col += TAB_WIDTH - (col % TAB_WIDTH);
    else if (!COMBINING.test(ch)) col += 1;
  }
  return col - from;
}

function expandTabs(line: string): string {
  let out = "";
  let col = 0;
  for (const ch of line) {
    if (ch === "\t") {
      const n = TAB_WIDTH - (col % TAB_WIDTH);
      out += " ".repeat(n);
      col += n;
    } else {
      out += ch;
      if (!COMBINING.test(ch)) col += 1;
    }
  }
  return out;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}
