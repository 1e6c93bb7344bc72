// Deep nesting without a deep stack (issue 12, finding 13).
// In: the lexer's tokens. Out: the tokens with deeply nested expressions
// replaced by placeholder names, and those expressions' CSTs ("pieces"),
// innermost first.
//
// The recursive-descent parser spends about eleven grammar levels of the
// JavaScript stack on every bracket, so on its own it reads some 130 nested
// brackets. Here the expressions inside every PIECE_DEPTH-th level of `(` or
// `[` (a parenthesised expression, a call's arguments, a list's items) are
// parsed first, innermost first, each on a fresh stack, and replaced in the
// tokens by one Identifier token that covers them. compiler/syntax/from-cst.ts
// lowers the pieces in the same order, so a placeholder's AST exists before
// the expression around it is lowered: no stage before the AST recurses over
// more than PIECE_DEPTH brackets.
// INVARIANT: a piece is replaced only if it parses as a whole `expression`
// without errors, which is exactly what the parser accepts there. A group
// that does not is parsed where it stands (`f(…)`, `(…)`, `[…]`) for its
// syntax errors, and its contents replaced without a piece: the file then
// has errors and is never lowered.

import { createTokenInstance, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import * as T from "./tokens.js";
import { parser } from "./parser.js";

/** Every this-many levels of brackets, the expressions inside are parsed on their own. */
export const PIECE_DEPTH = 32;

/** An expression parsed on its own, and the placeholder name that stands for it in the tokens. */
export interface Piece {
  name: string;
  cst: CstNode;
}

/** Placeholder names: a NUL character cannot occur in a name the lexer reads. */
const PLACEHOLDER = "\u0000";

export function isPlaceholder(name: string): boolean {
  return name.startsWith(PLACEHOLDER);
}

interface Group {
  open: number;
  close: number;
}

/**
 * Tokens with deep expressions replaced, the pieces (innermost first), and
 * the syntax errors found inside groups that did not parse.
 */
export function splitDeep(tokens: readonly IToken[]): { tokens: IToken[]; pieces: Piece[]; errors: IRecognitionException[] } {
  const groups = deepGroups(tokens);
  if (groups.length === 0) return { tokens: [...tokens], pieces: [], errors: [] };
  /** replaced[i]: the placeholder that starts at token i and the index of its last token. */
  const replaced = new Map<number, { token: IToken; last: number }>();
  const pieces: Piece[] = [];
  const errors: IRecognitionException[] = [];
  let count = 0;
  const replace = (first: number, last: number, cst: CstNode | undefined) => {
    const name = `${PLACEHOLDER}${count++}`;
    if (cst !== undefined) pieces.push({ name, cst });
    replaced.set(first, { token: placeholder(name, tokens[first]!, tokens[last]!), last });
  };
  for (const g of groups) {
    if (g.close === g.open + 1) continue;
    const items = splitAtCommas(tokens, g, replaced);
    const parsed = items?.map((item) => ({ ...item, cst: parseExpression(item.tokens) }));
    if (parsed !== undefined && parsed.every((p) => p.cst !== undefined)) {
      for (const p of parsed) replace(p.first, p.last, p.cst);
      continue;
    }
    // Not a clean list of expressions: parse the group where it stands (with
    // its callee) for the errors the whole parse would report, and stand in
    // for its contents so the parse around it stays shallow.
    const found = groupErrors(tokens, g, replaced);
    if (found.length === 0) continue;
    errors.push(...found);
    replace(g.open + 1, g.close - 1, undefined);
  }
  return { tokens: withReplacements(tokens, 0, tokens.length - 1, replaced), pieces, errors };
}

/** The syntax errors in a group, parsed as the expression it is: `f(…)`, `(…)` or `[…]`. */
function groupErrors(
  tokens: readonly IToken[],
  g: Group,
  replaced: ReadonlyMap<number, { token: IToken; last: number }>,
): IRecognitionException[] {
  const callee = tokens[g.open]!.tokenType.name === "LParen" && tokens[g.open - 1]?.tokenType === T.Identifier;
  parser.input = withReplacements(tokens, callee ? g.open - 1 : g.open, g.close, replaced);
  parser.expression();
  return [...parser.errors];
}

/**
 * The `(` and `[` groups that open a multiple of PIECE_DEPTH levels deep,
 * in the order they close (so inner groups come first). A function's
 * parameter list (`functie f(x: getal)`) holds no expressions and is skipped.
 */
function deepGroups(tokens: readonly IToken[]): Group[] {
  const open: { index: number; chunk: boolean }[] = [];
  const out: Group[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const name = tokens[i]!.tokenType.name;
    if (name === "LParen" || name === "LSquare" || name === "LCurly") {
      const depth = open.length + 1;
      const params = name === "LParen" && tokens[i - 2]?.tokenType === T.Functie;
      open.push({ index: i, chunk: name !== "LCurly" && !params && depth % PIECE_DEPTH === 0 });
    } else if (name === "RParen" || name === "RSquare" || name === "RCurly") {
      const o = open.pop();
      if (o?.chunk === true && closes(tokens[o.index]!.tokenType.name, name)) out.push({ open: o.index, close: i });
    }
  }
  return out;
}

function closes(opener: string, closer: string): boolean {
  return (opener === "LParen" && closer === "RParen") || (opener === "LSquare" && closer === "RSquare");
}

/**
 * The group's contents as comma-separated items (with earlier placeholders in
 * place), each with the indices of its first and last token; undefined when
 * an item is empty (`f(a,)`: left to the parser to report).
 */
function splitAtCommas(
  tokens: readonly IToken[],
  g: Group,
  replaced: ReadonlyMap<number, { token: IToken; last: number }>,
): { first: number; last: number; tokens: IToken[] }[] | undefined {
  const items: { first: number; last: number; tokens: IToken[] }[] = [];
  let current: IToken[] = [];
  let first = g.open + 1;
  let depth = 0;
  const finish = (last: number) => {
    items.push({ first, last, tokens: current });
    current = [];
  };
  for (let i = g.open + 1; i < g.close; i++) {
    const r = replaced.get(i);
    if (r !== undefined) {
      current.push(r.token);
      i = r.last;
      continue;
    }
    const t = tokens[i]!;
    const name = t.tokenType.name;
    if (depth === 0 && name === "Comma") {
      if (current.length === 0) return undefined;
      finish(i - 1);
      first = i + 1;
      continue;
    }
    if (name === "LParen" || name === "LSquare" || name === "LCurly") depth++;
    else if (name === "RParen" || name === "RSquare" || name === "RCurly") depth--;
    current.push(t);
  }
  if (current.length === 0) return undefined;
  finish(g.close - 1);
  return items;
}

/** The CST of the tokens as one whole expression, or undefined if they are not exactly that. */
function parseExpression(tokens: IToken[]): CstNode | undefined {
  parser.input = tokens;
  const cst = parser.expression();
  const whole = parser.errors.length === 0 && parser.LA(1).tokenType.name === "EOF";
  return whole ? cst : undefined;
}

/** An Identifier token named `name` that covers the tokens from `first` to `last`. */
function placeholder(name: string, first: IToken, last: IToken): IToken {
  return createTokenInstance(
    T.Identifier,
    name,
    first.startOffset,
    last.endOffset ?? last.startOffset,
    first.startLine ?? 1,
    last.endLine ?? last.startLine ?? 1,
    first.startColumn ?? 1,
    last.endColumn ?? last.startColumn ?? 1,
  );
}

function withReplacements(
  tokens: readonly IToken[],
  from: number,
  to: number,
  replaced: ReadonlyMap<number, { token: IToken; last: number }>,
): IToken[] {
  const out: IToken[] = [];
  for (let i = from; i <= to; i++) {
    const r = replaced.get(i);
    if (r !== undefined) {
      out.push(r.token);
      i = r.last;
    } else out.push(tokens[i]!);
  }
  return out;
}
