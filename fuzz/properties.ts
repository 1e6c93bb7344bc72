// Robustness properties of the front end (issue #4): the lexer, parser and
// checker never throw, whatever the input — random text, random token
// sequences, or mutations (deleted, duplicated, swapped, inserted tokens) of
// real policies — and every diagnostic they return has a valid span.
// Shared by the vitest suite (a few thousand runs) and `npm run fuzz`
// (millions).

import fc from "fast-check";
import { compile } from "../compiler/pipeline.js";
import { lex } from "../grammar/lexer.js";
import type { Diagnostic } from "../runtime/diagnostic.js";

/** Token images worth combining: keywords, operators, literals, names. */
export const VOCABULARY: readonly string[] = [
  ...`polis versie geldig bron soort gegevens invoer uitvoer voorwaarde parameter begrip functie regel
  artikel lid uitzondering op voorbeeld gegeven verwacht fout eigenschap altijd indien dan anders en of
  niet in tussen vanaf tot met van uit standaard lijst periode som aantal voor waarvoor alle geldt er is
  een afgerond naar beneden boven hele euro centen decimalen ja nee bedrag getal percentage datum duur
  janee tekst dag dagen week weken maand maanden jaar jaren januari februari december`.split(/\s+/),
  "tot en met", "er is een", "voor alle", "euro's", "tot en metselwerk", "totaal", "geërfd", "één",
  "(", ")", "(artikel 7.4)", "(artikel", "7.4", "lid 2", "{", "}", "[", "]", ",", ":", ".", "=", "<>", "<", "<=", ">", ">=",
  "+", "-", "*", "/", "%", "€", "€ 220", "€ -5", "7", "7,5", "1.200", "12.500,50", "1,2,3", "1.5", "0,100",
  "1 januari 2012", "30 februari 2012", "2012-02-29", "2013-02-29", '"tekst"', '"', '"\\"', "#", "\n", "x", "leeftijd",
  "kosten", "b", "b.kosten", "f(", "min(", "leeftijd_op(", "kalendermaanden(", "Zorgsoort", "a", "\u2028", "`", "${", "*/",
];

export function checkDiagnostics(text: string, ds: readonly Diagnostic[]): void {
  for (const d of ds) {
    if (!/^P0[1-8][0-9]{2}$/.test(d.code)) throw new Error(`bad code ${d.code}`);
    if (typeof d.message !== "string" || d.message.length === 0) throw new Error(`empty message for ${d.code}`);
    const s = d.span;
    if (!s) continue;
    if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length + 1)) throw new Error(`bad span ${JSON.stringify(s)} for ${d.code} in a text of ${text.length}`);
    if (!(s.line >= 1 && s.column >= 1 && s.endLine >= s.line)) throw new Error(`bad line/column ${JSON.stringify(s)} for ${d.code}`);
  }
}

/** compile() must return (never throw) with well-formed diagnostics. */
export function compileNeverThrows(text: string): void {
  const r = compile(text, "fuzz.polis");
  checkDiagnostics(text, r.diagnostics);
}

export const randomText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 100 }));

export const tokenSoup = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 60 }).map((ts) => ts.join(" "));

/** A program with a few tokens deleted, duplicated, swapped or inserted. */
export function mutations(source: string): fc.Arbitrary<string> {
  const tokens = lex(source, "m.polis").tokens.map((t) => t.image);
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), token: fc.constantFrom(...VOCABULARY) }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => {
    const t = [...tokens];
    for (const m of ms) {
      if (t.length === 0) break;
      const i = m.at % t.length;
      if (m.kind === "delete") t.splice(i, 1);
      else if (m.kind === "duplicate") t.splice(i, 0, t[i]!);
      else if (m.kind === "swap") {
        const j = m.with % t.length;
        [t[i], t[j]] = [t[j]!, t[i]!];
      } else t.splice(i, 0, m.token);
    }
    return t.join(" ");
  });
}
