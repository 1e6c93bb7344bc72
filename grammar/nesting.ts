// Nesting limits, checked on the tokens before parsing.
// In: the lexer's tokens. Out: the token where nesting goes too deep, if any.

import type { IToken } from "chevrotain";

/**
 * How deeply `(`, `[` and `{` may nest. The recursive-descent parser (and the
 * checker and emitter after it) use the JavaScript stack, about eleven
 * grammar levels per bracket; Node's default stack holds some 145 brackets,
 * so the limit sits below that, as a diagnostic at the bracket instead of a
 * stack overflow reported at 1:1 (issue 12).
 */
export const MAX_NESTING = 128;

/**
 * The bracket that opens nesting level MAX_NESTING + 1, or the prefix
 * operator (`-`, `niet`) that starts a run longer than MAX_NESTING, if any.
 */
export function tooDeeplyNested(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let run = 0;
  for (const t of tokens) {
    const name = t.tokenType.name;
    run = name === "Minus" || name === "Niet" ? run + 1 : 0;
    if (run > MAX_NESTING) return t;
    if (name === "LParen" || name === "LSquare" || name === "LCurly") {
      if (++depth > MAX_NESTING) return t;
    } else if (name === "RParen" || name === "RSquare" || name === "RCurly") {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
