// What hover and completion say about each standard-library function
// (docs/language.md §7), in Dutch: the signature with parameter names, a sentence
// and an example. The signatures' types come from stdlib/ itself, so a
// changed signature cannot go unnoticed (test/lsp checks every entry).

import { STDLIB, type StdlibEntry } from "../stdlib/index.js";

export interface StdlibDoc {
  params: string[];
  text: string;
  example: string;
}

export const STDLIB_DOCS: Record<string, StdlibDoc> = {
  leeftijd_op: { params: ["geboortedatum", "d"], text: "de leeftijd in hele jaren op datum `d`; een fout als de geboortedatum na `d` ligt", example: "leeftijd_op(12 maart 1970, 1 januari 2012) = 41" },
  verjaardag: { params: ["geboortedatum", "n"], text: "de `n`-de verjaardag; wie op 29 februari geboren is, is in andere jaren jarig op 28 februari", example: "verjaardag(29 februari 2000, 18) = 28 februari 2018" },
  jaar_van: { params: ["d"], text: "het jaar van `d`", example: "jaar_van(31 december 2012) = 2012" },
  maand_van: { params: ["d"], text: "de maand van `d`, 1 tot en met 12", example: "maand_van(15 maart 2012) = 3" },
  dag_van: { params: ["d"], text: "de dag van de maand van `d`", example: "dag_van(15 maart 2012) = 15" },
  begin_van_jaar: { params: ["d"], text: "1 januari van het jaar van `d`", example: "begin_van_jaar(15 maart 2012) = 1 januari 2012" },
  einde_van_jaar: { params: ["d"], text: "31 december van het jaar van `d`", example: "einde_van_jaar(15 maart 2012) = 31 december 2012" },
  eerste_dag_volgende_maand: { params: ["d"], text: "de eerste dag van de maand na `d`, ook als `d` zelf de eerste is", example: "eerste_dag_volgende_maand(1 juli 2012) = 1 augustus 2012" },
  dagen_in_jaar: { params: ["j"], text: "365 of 366: het aantal dagen van jaar `j`", example: "dagen_in_jaar(2012) = 366" },
  aantal_dagen: { params: ["p"], text: "het aantal dagen in de periode; 0 als ze leeg is", example: "aantal_dagen(periode van 1 januari 2012 tot en met 30 januari 2012) = 30" },
  begin: { params: ["p"], text: "de eerste dag van de periode; een fout als ze leeg is", example: "begin(periode van 1 januari 2012 tot 1 februari 2012) = 1 januari 2012" },
  einde: { params: ["p"], text: "de laatste dag van de periode; een fout als ze leeg is", example: "einde(periode van 1 januari 2012 tot 1 februari 2012) = 31 januari 2012" },
  overlap: { params: ["p", "q"], text: "de dagen die in beide perioden liggen, mogelijk geen", example: "aantal_dagen(overlap(opname, periode van 1 januari 2012 tot en met 31 december 2012))" },
  kalendermaanden: { params: ["p"], text: "de stukken van `p` per kalendermaand, op volgorde; geen als `p` leeg is", example: "aantal m uit kalendermaanden(opname) waarvoor hele_maand(m)" },
  hele_maand: { params: ["p"], text: "`ja` als `p` van de eerste tot en met de laatste dag van één maand loopt", example: "hele_maand(periode van 1 februari 2012 tot en met 29 februari 2012) = ja" },
  werkdagen_tussen: { params: ["a", "b"], text: "het aantal dagen van maandag tot en met vrijdag in [a, b); feestdagen tellen mee", example: "werkdagen_tussen(2 januari 2012, 9 januari 2012) = 5" },
  min: { params: ["a", "b", "…"], text: "de kleinste van de argumenten, van hetzelfde type", example: "min(kosten, € 220)" },
  max: { params: ["a", "b", "…"], text: "de grootste van de argumenten, van hetzelfde type", example: "max(kosten - eigen_risico, 0)" },
  abs: { params: ["x"], text: "de absolute waarde van `x`", example: "abs(€ -5) = € 5" },
};

/** `leeftijd_op(geboortedatum: datum, d: datum): aantal`. */
export function stdlibSignature(entry: StdlibEntry): string {
  const doc = STDLIB_DOCS[entry.name];
  const names = doc?.params ?? [];
  const params = entry.params === "variadic" ? names.join(", ") : entry.params.map((type, i) => `${names[i] ?? `x${i + 1}`}: ${type}`).join(", ");
  const result = entry.result === "same" ? "zelfde type als de argumenten" : entry.result;
  return `${entry.name}(${params}): ${result}`;
}

export { STDLIB };
