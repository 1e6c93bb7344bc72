// `polis fmt`: canonical layout that never loses a comment. In: source text.
// Out: formatted text, or the diagnostics when the file does not parse.
// Each declaration is printed canonically (format/print.ts) unless a comment
// sits inside it; then its own text is kept as written, so the author's
// comments stay exactly where they were. Comments between declarations are
// kept before the declaration that follows them. Idempotent.

import type { IToken } from "chevrotain";
import type { Diagnostic } from "../../runtime/diagnostic.js";
import { lex } from "../../grammar/lexer.js";
import { parse } from "../syntax/parse.js";
import { printDecl, printProgram } from "./print.js";
import { tooDeep } from "../pipeline.js";

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf("\n", offset);
  return i < 0 ? text.length : i;
}

export function formatSource(text: string, file: string): { text?: string; diagnostics: Diagnostic[] } {
  try {
    return formatUnguarded(text, file);
  } catch (e) {
    return { diagnostics: tooDeep(e, file, text) };
  }
}

function formatUnguarded(text: string, file: string): { text?: string; diagnostics: Diagnostic[] } {
  const parsed = parse(text, file);
  if (!parsed.program || parsed.diagnostics.some((d) => d.severity === "error")) return { diagnostics: parsed.diagnostics };
  const program = parsed.program;
  const lexed = lex(text, file);
  const comments: IToken[] = lexed.comments;
  const out: string[] = [];
  let c = 0;
  const commentsBefore = (offset: number): string[] => {
    const lines: string[] = [];
    while (c < comments.length && comments[c]!.startOffset < offset) lines.push(comments[c++]!.image.trimEnd());
    return lines;
  };

  // Comments before `polis`, then the header (kept as written when a comment sits in it).
  const decls = program.declarations;
  const tokens = lexed.tokens;
  const polisStart = tokens[0]?.startOffset ?? 0;
  const leading = commentsBefore(polisStart);
  if (leading.length > 0) out.push(leading.join("\n"));
  const h = program.header;
  const headerEnd = Math.max((tokens[2]?.endOffset ?? 0) + 1, h.version?.span.end ?? 0, h.validity?.span.end ?? 0, h.source?.span.end ?? 0);
  const headerLineEnd = lineEnd(text, headerEnd - 1);
  const inHeader: IToken[] = [];
  while (c < comments.length && comments[c]!.startOffset < headerLineEnd) inHeader.push(comments[c++]!);
  out.push(inHeader.length > 0 ? text.slice(lineStart(text, polisStart), headerLineEnd).trimEnd() : printProgram({ ...program, declarations: [] }).trimEnd());

  for (const d of decls) {
    const before = commentsBefore(d.span.start);
    const end = lineEnd(text, d.span.end - 1);
    const inside: IToken[] = [];
    while (c < comments.length && comments[c]!.startOffset < end) inside.push(comments[c++]!);
    const body = inside.length > 0 ? text.slice(lineStart(text, d.span.start), end).trimEnd() : printDecl(d);
    out.push([...before, body].join("\n"));
  }
  const trailing = commentsBefore(Infinity);
  if (trailing.length > 0) out.push(trailing.join("\n"));
  return { text: out.join("\n\n") + "\n", diagnostics: parsed.diagnostics };
}

