// Tokens → text, for the golden tests of the lexer (test/golden/tokens/).
// In: the tokens of `lex`. Out: one token per line, `line:col TokenName 'image'`,
// in source order, no trailing newline. Guarantees: the same tokens give the
// same text; an image's quote, backslash and line breaks are escaped, so
// every token stays on its own line (`(\n  artikel` is one token).

import type { IToken } from "chevrotain";

/** The image between single quotes, with `'`, `\`, tabs and line breaks escaped. */
export function quoteImage(image: string): string {
  const escaped = image.replace(/[\\'\n\r\t]/g, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\${c}`,
  );
  return `'${escaped}'`;
}

export function printToken(t: IToken): string {
  return `${t.startLine ?? "?"}:${t.startColumn ?? "?"} ${t.tokenType.name} ${quoteImage(t.image)}`;
}

export function printTokens(tokens: readonly IToken[]): string {
  return tokens.map(printToken).join("\n");
}
