// Dutch parser messages. Chevrotain builds the message; we only word it, in
// the author's own terms (token labels such as `indien`, `een naam`).

import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";

/** Words for the token categories and EOF, which have no label of their own: never an internal name. */
const UNLABELLED: Record<string, string> = { AnyWord: "een naam", EOF: "het einde van het bestand" };

function label(t: TokenType): string {
  return typeof t.LABEL === "string" ? t.LABEL : (UNLABELLED[t.name] ?? "een ander woord");
}

export function describeToken(t: IToken): string {
  if (t.tokenType.name === "EOF") return "het einde van het bestand";
  return `\`${t.image}\``;
}

function alternatives(paths: TokenType[][][]): string {
  const seen = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0]) seen.add(label(path[0]));
  const all = [...seen];
  if (all.length === 0) return "iets anders";
  if (all.length > 6) return all.slice(0, 6).join(", ") + ", …";
  return all.length === 1 ? all[0]! : all.slice(0, -1).join(", ") + " of " + all[all.length - 1];
}

export const dutchErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    // The program rule ends with CONSUME(EOF): what is left cannot start a declaration.
    if (expected.name === "EOF") return `onverwacht ${describeToken(actual)}: hier begint geen declaratie`;
    return `verwacht ${label(expected)}, maar vond ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `onverwacht ${describeToken(firstRedundant)}: hier begint geen declaratie`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    return `verwacht ${alternatives(expectedPathsPerAlt)}, maar vond ${describeToken(actual[0]!)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    return `verwacht ${alternatives([expectedIterationPaths])}, maar vond ${describeToken(actual[0]!)}`;
  },
};
