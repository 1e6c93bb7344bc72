// Re-checking a large policy on every keystroke: the text is cut into
// declarations (a line that starts with a declaration keyword starts one),
// each piece is parsed by the compiler's own parser (compiler/syntax/parse.ts,
// behind a stand-in `polis` line) and its AST kept by its text, so an edit
// re-parses only the declaration it touched; the other ASTs are moved to
// their new place. Names and types are then checked on the whole program, as
// always (compiler/pipeline.ts `compileParsed`).
// Whenever a piece has any diagnostic, or the pieces do not add up, the whole
// text goes through `compile` instead: errors are always the compiler's own.

import type { Span } from "../runtime/diagnostic.js";
import type * as A from "../compiler/syntax/ast.js";
import { compile, compileParsed, type CompileResult } from "../compiler/pipeline.js";
import { parse } from "../compiler/syntax/parse.js";

const DECLARATION_START = /^(?:soort|gegevens|invoer|uitvoer|voorwaarde|parameter|begrip|functie|regel|voorbeeld|eigenschap)(?![\p{L}\p{M}\p{N}_])/u;
const STAND_IN = 'polis x "x"\n';

interface Piece {
  /** The declarations, their spans currently placed at `at`. */
  declarations: A.Decl[];
  /** Every span object of the declarations, once, and its place behind the stand-in line. */
  spans: Span[];
  base: Int32Array;
  at: { offset: number; line: number; file: string };
}

/**
 * Parsed declarations by their text; one cache per document. A piece's spans
 * are moved in place to where the piece now stands, so only the newest
 * analysis of a document may be read for positions (the server reads no other).
 */
export class ParseCache {
  private pieces = new Map<string, Piece[]>();
  private used = new Map<string, Piece[]>();

  /** A cached piece for this text not yet used in this round (the same text may occur twice). */
  take(text: string): Piece | undefined {
    const p = this.pieces.get(text)?.pop();
    if (p) this.keep(text, p);
    return p;
  }

  keep(text: string, piece: Piece): void {
    const list = this.used.get(text);
    if (list) list.push(piece);
    else this.used.set(text, [piece]);
  }

  /** Keeps only the pieces of the last text, so the cache never outgrows the document. */
  endRound(): void {
    this.pieces = this.used;
    this.used = new Map();
  }

  /** The text did not parse piece by piece: keep everything for the next round. */
  abortRound(): void {
    for (const [text, list] of this.used) for (const p of list) {
      const l = this.pieces.get(text);
      if (l) l.push(p);
      else this.pieces.set(text, [p]);
    }
    this.used = new Map();
  }
}

/** Offsets where declarations start: line starts beginning with a declaration keyword. */
export function declarationStarts(text: string): number[] {
  const starts: number[] = [];
  let at = 0;
  while (at < text.length) {
    if (DECLARATION_START.test(text.slice(at, at + 12))) starts.push(at);
    const nl = text.indexOf("\n", at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return starts;
}

export function compileIncremental(text: string, file: string, cache: ParseCache): CompileResult {
  const program = parsePieces(text, file, cache);
  if (!program) {
    cache.abortRound();
    return compile(text, file);
  }
  cache.endRound();
  return compileParsed(program, text);
}

function parsePieces(text: string, file: string, cache: ParseCache): A.Program | undefined {
  const starts = declarationStarts(text);
  const headerEnd = starts[0] ?? text.length;
  const header = parse(text.slice(0, headerEnd), file);
  if (!header.program || header.diagnostics.length > 0 || header.program.declarations.length > 0) return undefined;
  // First every piece (parsed or cached), then their places: a text that does
  // not parse piece by piece leaves the cache as it was.
  const pieces: Piece[] = [];
  for (let i = 0; i < starts.length; i++) {
    const piece = text.slice(starts[i]!, starts[i + 1] ?? text.length);
    let parsed = cache.take(piece);
    if (!parsed) {
      const r = parse(STAND_IN + piece, file);
      if (!r.program || r.diagnostics.length > 0) return undefined;
      parsed = newPiece(r.program.declarations, file);
      cache.keep(piece, parsed);
    }
    pieces.push(parsed);
  }
  const declarations: A.Decl[] = [];
  let line = lineCount(text, 0, headerEnd) + 1;
  for (let i = 0; i < pieces.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? text.length;
    place(pieces[i]!, { offset: start - STAND_IN.length, line: line - 2, file });
    declarations.push(...pieces[i]!.declarations);
    line += lineCount(text, start, end);
  }
  return {
    ...header.program,
    declarations,
    span: { file, start: 0, end: text.length, line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
}

function lineCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function newPiece(declarations: A.Decl[], file: string): Piece {
  const seen = new Set<Span>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const x of node) collect(x);
      return;
    }
    if (node === null || typeof node !== "object" || Object.getPrototypeOf(node) !== Object.prototype) return;
    if (isSpan(node)) {
      seen.add(node);
      return;
    }
    for (const k in node) collect((node as Record<string, unknown>)[k]);
  };
  collect(declarations);
  const spans = [...seen];
  const base = new Int32Array(spans.length * 4);
  spans.forEach((s, i) => base.set([s.start, s.end, s.line, s.endLine], i * 4));
  return { declarations, spans, base, at: { offset: 0, line: 0, file } };
}

/** Moves a piece's spans to `at` (offsets and lines; a piece starts a line, so columns stay). */
function place(p: Piece, at: { offset: number; line: number; file: string }): void {
  if (p.at.offset === at.offset && p.at.line === at.line && p.at.file === at.file) return;
  const { spans, base } = p;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    s.start = base[i * 4]! + at.offset;
    s.end = base[i * 4 + 1]! + at.offset;
    s.line = base[i * 4 + 2]! + at.line;
    s.endLine = base[i * 4 + 3]! + at.line;
    s.file = at.file;
  }
  p.at = at;
}

function isSpan(x: object): x is Span {
  return "start" in x && "endColumn" in x && "file" in x;
}
