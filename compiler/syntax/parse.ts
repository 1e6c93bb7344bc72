// Source text → AST, with every lexical and syntax error of the file.
// In: text and file name. Out: a Program when there were no syntax errors,
// and diagnostics (P01xx literals, P02xx syntax).

import type { IToken } from "chevrotain";
import type { Diagnostic, Span } from "../../runtime/diagnostic.js";
import { lex } from "../../grammar/lexer.js";
import { MAX_NESTING, MAX_RECORD_NESTING, tooDeeplyNested } from "../../grammar/nesting.js";
import { parseTokens } from "../../grammar/parser.js";
import { splitDeep } from "../../grammar/pieces.js";
import { tokenSpan } from "../../grammar/span.js";
import { KEYWORD_WORDS } from "../../grammar/tokens.js";
import { typoNear } from "../../grammar/typos.js";
import { diagnostic, type SyntaxAdvice } from "../../runtime/messages.js";
import type { Program } from "./ast.js";
import { fromCst } from "./from-cst.js";

const AGGREGATION_STARTS = new Set(["Som", "Aantal", "ErIsEen", "VoorAlle", "Indien"]);

export function parse(text: string, file: string): { program?: Program; diagnostics: Diagnostic[] } {
  const lexed = lex(text, file);
  const deep = tooDeeplyNested(lexed.tokens);
  if (deep !== undefined) {
    const what =
      deep.limit === "prefix"
        ? `meer dan ${MAX_NESTING} keer \`-\` of \`niet\` achter elkaar`
        : deep.limit === "records"
          ? `meer dan ${MAX_RECORD_NESTING} gegevens \`{…}\` in elkaar`
          : `meer dan ${MAX_NESTING} haakjes in elkaar`;
    return { diagnostics: [...lexed.diagnostics, diagnostic("P0204", tokenSpan(file, deep.token), { what })] };
  }
  // Deep expressions are parsed piece by piece (grammar/pieces.ts); the
  // tokens below are the lexer's with those pieces replaced.
  const split = splitDeep(lexed.tokens);
  const toks = split.tokens;
  const parsed = parseTokens(toks);
  const diagnostics = [...lexed.diagnostics];
  const seen = new Set<number>();
  // Errors inside deep groups first (found while splitting), then the rest, in order of place.
  const errors = [...split.errors, ...parsed.errors].sort((a, b) => offsetOf(a.token, text) - offsetOf(b.token, text));
  for (const e of errors) {
    const t: IToken = e.token;
    const offset = Number.isNaN(t.startOffset) ? text.length : t.startOffset;
    if (seen.has(offset)) continue;
    seen.add(offset);
    const span = Number.isNaN(t.startOffset)
      ? tokenSpan(file, { ...t, startOffset: text.length, endOffset: text.length - 1, startLine: lastLine(text), startColumn: lastColumn(text), endLine: lastLine(text), endColumn: lastColumn(text) - 1 })
      : tokenSpan(file, t);
    let advice: SyntaxAdvice | undefined;
    // A keyword where a name was expected, or a keyword followed by `:` (a
    // function parameter such as `som: bedrag`), was meant as a name.
    const next = toks[toks.indexOf(t) + 1];
    const namePosition = /verwacht een naam/.test(e.message) || next?.tokenType.name === "Colon";
    if (KEYWORD_WORDS.has(t.image) && namePosition) {
      advice = "reservedName";
    } else if (KEYWORD_WORDS.has(t.image) && declaresField(text, t.image)) {
      // An input or output named like a keyword (`datum: datum`) parses as a
      // field, but every use of it is then a syntax error: say why.
      advice = "reservedField";
    } else if (["Plus", "Minus", "Star", "Slash"].includes(t.tokenType.name) && ["Centen", "Euro", "Decimalen"].includes(prev(toks, t)?.tokenType.name ?? "")) {
      // LANGUAGE.md §6: `(X afgerond op centen) + c` needs its parentheses.
      advice = "roundedOperand";
    } else if (AGGREGATION_STARTS.has(t.tokenType.name) && /een naam/.test(e.message)) {
      // Only where an operand was expected: `kosten - som van …`, `a en er is een …`.
      advice = t.tokenType.name === "Indien" ? "ifOperand" : "aggregateOperand";
    }
    const typo = advice ? undefined : typoNear(toks, Number.isNaN(t.startOffset) ? toks.length : toks.indexOf(t));
    if (typo) {
      // `indein`, `regle`, `artikle`: the fix replaces the misspelt word (wordSpan), not the error's token.
      diagnostics.push(diagnostic("P0203", span, { message: e.message, word: typo.token.image, advice: "keywordTypo", suggestions: [typo.keyword], wordSpan: tokenSpan(file, typo.token) }));
      continue;
    }
    diagnostics.push(diagnostic("P0203", span, advice ? { message: e.message, word: t.image, advice } : { message: e.message }));
  }
  if (diagnostics.length > 0 || errors.length > 0) return { diagnostics };
  const { program, diagnostics: literalDiagnostics } = fromCst(parsed.cst, file, text, split.pieces);
  const deepNode = tooDeepNode(program);
  if (deepNode !== undefined) {
    const what = `meer dan ${MAX_EXPRESSION_DEPTH} bewerkingen in elkaar`;
    return { diagnostics: [...literalDiagnostics, diagnostic("P0204", deepNode, { what })] };
  }
  return { program, diagnostics: literalDiagnostics };
}

/**
 * How deeply expression nodes may nest (`a + b + … ` with a thousand terms is
 * a thousand levels): the checker, the emitter and evaluation recurse over
 * them on the JavaScript stack.
 */
export const MAX_EXPRESSION_DEPTH = 1100;

/**
 * Visit every node of the program with its nesting depth (iterative: no
 * recursion of its own, so it works on a program that overflowed a stage);
 * stops as soon as visit returns true.
 */
function eachNodeDepth(program: Program, visit: (span: Span, depth: number) => boolean | void): void {
  const stack: [unknown, number][] = [[program, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (const v of value) stack.push([v, depth]);
      continue;
    }
    const node = value as { kind?: unknown; span?: Span };
    const isNode = typeof node.kind === "string" && node.span !== undefined;
    const d = isNode ? depth + 1 : depth;
    if (isNode && visit(node.span!, d) === true) return;
    for (const [key, v] of Object.entries(value)) if (key !== "span" && typeof v === "object") stack.push([v, d]);
  }
}

/** The span of the first node nested deeper than MAX_EXPRESSION_DEPTH. */
function tooDeepNode(program: Program): Span | undefined {
  let found: Span | undefined;
  eachNodeDepth(program, (span, depth) => {
    if (depth > MAX_EXPRESSION_DEPTH) found = span;
    return found !== undefined;
  });
  return found;
}

/**
 * Where a stack overflow most likely came from, for P0204 when a stage ran
 * out of stack after all: the most deeply nested expression node of the
 * program, or else the bracket (or prefix operator run) of the source that
 * nests deepest. Iterative, so it works on what overflowed.
 */
export function deepestPlace(file: string, source?: string, program?: Program): Span | undefined {
  if (program !== undefined) {
    let best: { depth: number; span: Span } | undefined;
    eachNodeDepth(program, (span, depth) => {
      if (best === undefined || depth > best.depth) best = { depth, span };
    });
    if (best !== undefined && best.depth > 1) return best.span;
  }
  if (source === undefined) return undefined;
  let depth = 0;
  let run = 0;
  let best: { score: number; token: IToken } | undefined;
  let runStart: IToken | undefined;
  for (const t of lex(source, file).tokens) {
    const name = t.tokenType.name;
    if (name === "Minus" || name === "Niet") {
      if (run++ === 0) runStart = t;
    } else run = 0;
    if (name === "LParen" || name === "LSquare" || name === "LCurly") depth++;
    else if (name === "RParen" || name === "RSquare" || name === "RCurly") depth = Math.max(0, depth - 1);
    const score = Math.max(depth, run);
    if (score > 0 && (best === undefined || score > best.score)) best = { score, token: run >= depth ? runStart! : t };
  }
  return best !== undefined ? tokenSpan(file, best.token) : undefined;
}

function offsetOf(t: IToken, text: string): number {
  return Number.isNaN(t.startOffset) ? text.length : t.startOffset;
}

function lastLine(text: string): number {
  return text.split("\n").length;
}

function lastColumn(text: string): number {
  return text.length - text.lastIndexOf("\n");
}

/** Whether the text declares `word:` as a field somewhere (an invoer or uitvoer named like a keyword). */
function declaresField(text: string, word: string): boolean {
  return new RegExp(`(^|[\\s,])${word}\\s*:`, "m").test(text);
}

function prev(tokens: readonly IToken[], t: IToken): IToken | undefined {
  const i = tokens.indexOf(t);
  return i > 0 ? tokens[i - 1] : undefined;
}
