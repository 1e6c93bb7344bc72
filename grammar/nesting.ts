// Nesting limits, checked on the tokens before parsing.
// In: the lexer's tokens. Out: the token where nesting goes too deep, if any.

import type { IToken } from "chevrotain";

/**
 * How deeply `(`, `[` and `{` may nest, and how long a run of prefix
 * operators (`-`, `niet`) may be. The recursive-descent parser spends about
 * eleven grammar levels of the JavaScript stack per bracket, but it never
 * sees more than PIECE_DEPTH of them at once (grammar/pieces.ts); the limit
 * is what the later stages hold (checker, evaluation, SQL: issue 12), as a
 * diagnostic at the bracket instead of a stack overflow.
 */
export const MAX_NESTING = 1000;

/**
 * How deeply record literals `{…}` may nest. They are not parsed in pieces,
 * so with the brackets between two pieces they must fit on one stack.
 */
export const MAX_RECORD_NESTING = 32;

/** Which limit a token goes past. */
export type NestingLimit = "brackets" | "records" | "prefix";

/**
 * The bracket that opens nesting level MAX_NESTING + 1 (or record level
 * MAX_RECORD_NESTING + 1), or the prefix operator that makes a run longer
 * than MAX_NESTING, if any.
 */
export function tooDeeplyNested(tokens: readonly IToken[]): { token: IToken; limit: NestingLimit } | undefined {
  const curly: boolean[] = [];
  let records = 0;
  let run = 0;
  for (const t of tokens) {
    const name = t.tokenType.name;
    run = name === "Minus" || name === "Niet" ? run + 1 : 0;
    if (run > MAX_NESTING) return { token: t, limit: "prefix" };
    if (name === "LParen" || name === "LSquare" || name === "LCurly") {
      curly.push(name === "LCurly");
      if (name === "LCurly" && ++records > MAX_RECORD_NESTING) return { token: t, limit: "records" };
      if (curly.length > MAX_NESTING) return { token: t, limit: "brackets" };
    } else if ((name === "RParen" || name === "RSquare" || name === "RCurly") && curly.length > 0) {
      if (curly.pop() === true) records--;
    }
  }
  return undefined;
}
