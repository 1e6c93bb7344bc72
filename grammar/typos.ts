// Misspelt keywords (`indein`, `regle`, `artikle`): the lexer reads them as
// names, so the parser fails somewhere near them. Near a syntax error, a
// name that is one typo away from a keyword (a swap of two neighbours counts
// as one) and is used nowhere else in the file was probably meant as that
// keyword. Only words that keep the keyword's first letter count.

import type { IToken } from "chevrotain";
import { KEYWORD_WORDS } from "./tokens.js";

const DECLARES = new Set(["Polis", "Soort", "Gegevens", "Parameter", "Begrip", "Functie", "Regel"]);

/** Keywords worth suggesting: two-letter ones (`op`, `en`) are too close to everything. */
const TARGETS = [...KEYWORD_WORDS].filter((k) => k.length >= 4 && !k.includes("'"));

/** Optimal string alignment distance: Levenshtein plus the swap of two neighbours. */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The keyword a word is a typo of, if it is close to exactly one best keyword. */
export function keywordFor(word: string): string | undefined {
  if (word.length < 3 || KEYWORD_WORDS.has(word)) return undefined;
  const limit = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const k of TARGETS) {
    // Typos keep the first letter far more often than not; this keeps names such as `jaartal` (≈ `aantal`) out.
    if (k[0] !== word[0]!.toLowerCase()) continue;
    const dist = typoDistance(word.toLowerCase(), k);
    if (dist > limit) continue;
    if (dist < bestDistance) [best, bestDistance, tie] = [k, dist, false];
    else if (dist === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

/**
 * A misspelt keyword near the token where the parser failed: that token, the
 * one after it, then back to the start of the line before, nearest first.
 * `tokens` is the whole token stream (to see that the word is used only once).
 */
export function typoNear(tokens: readonly IToken[], at: number): { token: IToken; keyword: string } | undefined {
  const line = tokens[Math.min(at, tokens.length - 1)]?.startLine ?? 0;
  const order = [at, at + 1];
  for (let i = at - 1; i >= 0 && at - i <= 12 && (tokens[i]!.startLine ?? 0) >= line - 1; i--) order.push(i);
  for (const i of order) {
    const t = tokens[i];
    if (!t || t.tokenType.name !== "Identifier") continue;
    const keyword = keywordFor(t.image);
    if (!keyword) continue;
    if (tokens.some((o) => o !== t && o.image === t.image)) continue;
    // A name being declared (`begrip jaartal`, `kosten: bedrag`) is no typo.
    const before = tokens[i - 1]?.tokenType.name ?? "";
    if (DECLARES.has(before) || tokens[i + 1]?.tokenType.name === "Colon") continue;
    return { token: t, keyword };
  }
  return undefined;
}
