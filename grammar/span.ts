// Spans from tokens and offsets. INVARIANT: every AST node carries a Span.

import type { IToken } from "chevrotain";
import type { Span } from "../runtime/diagnostic.js";

/** The span of one token. Chevrotain's end offsets and columns are inclusive. */
export function tokenSpan(file: string, t: IToken): Span {
  return {
    file,
    start: t.startOffset,
    end: (t.endOffset ?? t.startOffset) + 1,
    line: t.startLine ?? 1,
    column: t.startColumn ?? 1,
    endLine: t.endLine ?? t.startLine ?? 1,
    endColumn: (t.endColumn ?? t.startColumn ?? 1) + 1,
  };
}

/** From the start of `a` to the end of `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end, line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

/** A span of `length` characters at `offset`, line and column counted from the text. */
export function spanAt(file: string, text: string, offset: number, length: number): Span {
  const [line, column] = lineColumn(text, offset);
  const [endLine, endColumn] = lineColumn(text, offset + length);
  return { file, start: offset, end: offset + length, line, column, endLine, endColumn };
}

export function lineColumn(text: string, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return [line, offset - lineStart + 1];
}
