// The one Dutch catalog of Polis diagnostics, P01xx literals … P09xx
// evaluation (STYLE.md, Diagnostics). In: a code and its parameters. Out: the
// message (one lowercase sentence, no final period) and, where there is
// advice, the hint. Codes are stable and never reused.
// INVARIANT: `Code` is the set of keys of MESSAGES, so a typo in a code does
// not compile, and each code's parameters are typed by its message function.
// Lives in runtime/ because generated modules throw P07xx/P08xx without
// importing compiler/; the compiler builds P01xx–P06xx from the same table.

import { PolisError, type Diagnostic, type Related, type Severity, type Span } from "./diagnostic.js";

interface Entry<P> {
  severity: Severity;
  message: (p: P) => string;
  hint?: (p: P) => string | undefined;
}

type None = Record<string, never>;
const error = <P = None>(message: (p: P) => string, hint?: (p: P) => string | undefined): Entry<P> =>
  hint ? { severity: "error", message, hint } : { severity: "error", message };
const warning = <P = None>(message: (p: P) => string, hint?: (p: P) => string | undefined): Entry<P> =>
  hint ? { severity: "warning", message, hint } : { severity: "warning", message };

/** Names close to a misspelt one, closest first (at most three): the "bedoelde u …?" hint. */
interface Suggested {
  suggestions?: readonly string[];
}

/** "bedoelde u `a`?" / "bedoelde u `a` of `b`?" */
export function didYouMean(names: readonly string[] | undefined): string | undefined {
  if (!names || names.length === 0) return undefined;
  const quoted = names.map((n) => `\`${n}\``);
  const last = quoted.pop()!;
  return `bedoelde u ${quoted.length ? quoted.join(", ") + " of " : ""}${last}?`;
}
const suggested = (p: Suggested) => didYouMean(p.suggestions);

/** The units a duration kind stands for: `18 jaar` is counted in months, but the author wrote years. */
function unitWords(unit: string): string {
  return unit === "maanden" ? "maanden of jaren" : unit === "dagen" ? "dagen of weken" : unit;
}

/** `optellen` → `op te tellen`, `vergelijken` → `te vergelijken`: "niet op te tellen". */
function teInfinitive(verb: string): string {
  for (const prefix of ["op", "af"]) if (verb.startsWith(prefix)) return `${prefix} te ${verb.slice(prefix.length)}`;
  return `te ${verb}`;
}

/** Why a parse error probably happened (grammar/errors.ts finds it), for P0203's hint. */
export type SyntaxAdvice = "reservedName" | "reservedField" | "roundedOperand" | "ifOperand" | "aggregateOperand" | "keywordTypo";

const SYNTAX_ADVICE: Record<SyntaxAdvice, (word: string) => string> = {
  reservedName: (w) => `\`${w}\` is een gereserveerd woord (docs/language.md §11); kies een andere naam`,
  reservedField: (w) => `\`${w}\` is een gereserveerd woord (docs/language.md §11) en kan alleen een veld van \`gegevens\` zijn; kies een andere naam`,
  roundedOperand: (w) => `een afgerond bedrag als deel van een berekening moet tussen haakjes: (… afgerond op …) ${w} …`,
  ifOperand: () => "een `indien … dan … anders …` als deel van een grotere uitdrukking moet tussen haakjes: (indien … anders …)",
  aggregateOperand: () => "een aggregatie als deel van een grotere uitdrukking moet tussen haakjes: (som van …)",
  keywordTypo: (w) => `\`${w}\` is geen sleutelwoord`,
};

/** Two rules that give one output different values (P0801, and P0511 which found it by sampling). */
interface Conflict {
  a: string;
  artA: string;
  b: string;
  artB: string;
  output: string;
  va: string;
  vb: string;
}
const conflictText = (x: Conflict) =>
  `regels \`${x.a}\` (${x.artA}) en \`${x.b}\` (${x.artB}) geven \`${x.output}\` verschillende waarden: ${x.va} en ${x.vb}`;

/** Case-input errors name the field (its path: `kosten`, `zittingen[2].datum`). */
interface Field {
  field: string;
}

/**
 * The expected form of a value in a case file, from which a hint writes an
 * example (runtime/case-describe.ts `formOf` makes it from the input's type).
 */
export type CaseForm =
  | { type: "bedrag" | "getal" | "aantal" | "percentage" | "datum" | "duur" | "periode" | "janee" | "tekst" }
  | { type: "soort"; values: readonly string[] }
  | { type: "record"; fields: readonly string[] }
  | { type: "lijst"; ofRecords: boolean };

/** At most this many field or soort names are listed in a hint. */
const LISTED = 12;
const listed = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(", ");

/** An example of a value of this form, as a hint says it. */
function exampleOf(f: CaseForm): string {
  switch (f.type) {
    case "bedrag":
      return 'schrijf bijvoorbeeld "112.50" of 220';
    case "getal":
      return 'schrijf bijvoorbeeld "7.5" of 7.5';
    case "aantal":
      return "schrijf bijvoorbeeld 3";
    case "percentage":
      return 'schrijf het aantal procent, bijvoorbeeld 25 of "7.5"';
    case "datum":
      return 'schrijf bijvoorbeeld "2012-01-30"';
    case "duur":
      return 'schrijf bijvoorbeeld {"dagen": 31} of {"maanden": 4}';
    case "periode":
      return 'schrijf bijvoorbeeld {"van": "2012-01-01", "tot_en_met": "2012-06-30"}, of null voor een lege periode';
    case "janee":
      return "schrijf true of false";
    case "tekst":
      return 'schrijf bijvoorbeeld "tekst"';
    case "soort":
      return f.values.length > 0 && f.values.length <= LISTED ? `mogelijke waarden: ${listed(f.values)}` : "schrijf de naam van de waarde als tekst";
    case "record":
      return `schrijf een object met de velden ${listed(f.fields)}`;
    case "lijst":
      return `schrijf een lijst: [${f.ofRecords ? "{…}, {…}" : "…"}]`;
  }
}

/** A hint for a case value: names close to the one given, else an example of the form, if any. */
interface CaseHint extends Suggested {
  form?: CaseForm;
}
const caseHint = (p: CaseHint) => suggested(p) ?? (p.form !== undefined ? exampleOf(p.form) : undefined);

/** What is wrong with a number's text in a case file (runtime/case-decode.ts finds it), for P0706's hint. */
export type NumberAdvice = "nanInfinity" | "exponent" | "decimalComma" | "spaces" | "plusSign" | "leadingZeros" | "digitsAroundPoint";

const NUMBER_ADVICE: Record<NumberAdvice, (suggestion: string) => string> = {
  nanInfinity: () => "NaN en Infinity zijn geen getallen",
  exponent: () => "schrijf het getal zonder exponent, bijvoorbeeld 100 in plaats van 1e2",
  decimalComma: (s) => `gebruik een punt: ${s}`,
  spaces: () => "schrijf het getal zonder spaties",
  plusSign: () => "schrijf het getal zonder plusteken",
  leadingZeros: () => "schrijf het getal zonder voorloopnullen",
  digitsAroundPoint: () => "zet cijfers voor en na de punt, bijvoorbeeld 0.5",
};

/** Why a case file is not JSON or not UTF-8 (runtime/case-json.ts), for P0701's hint. */
export type JsonAdvice = "nanInfinity" | "singleQuotes" | "utf16" | "latin1";

const JSON_ADVICE: Record<JsonAdvice, string> = {
  nanInfinity: "NaN en Infinity zijn geen getallen",
  singleQuotes: "JSON gebruikt dubbele aanhalingstekens",
  utf16: "sla het bestand op als UTF-8",
  latin1: "het bestand is waarschijnlijk Latin-1 of Windows-1252: sla het op als UTF-8",
};

export const MESSAGES = {
  // ── P01xx: literals ────────────────────────────────────────────────────
  /** problem: `commas` for `1,2,3` (a hint to add a space). */
  P0101: error<{ text: string; problem?: "commas" }>(
    (p) => `ongeldig getal \`${p.text}\``,
    (p) => (p.problem === "commas" ? "zet een spatie na de scheidingskomma" : undefined),
  ),
  /** suggestion: the number written with a decimal comma, when there is one. */
  P0102: error<{ text: string; suggestion?: string }>(
    (p) => `ongeldig getal \`${p.text}\`: een punt scheidt alleen duizendtallen`,
    (p) => (p.suggestion !== undefined ? `gebruik een komma voor decimalen: ${p.suggestion}` : "een punt hoort niet in de decimalen"),
  ),
  P0103: error<{ text: string }>((p) => `de datum \`${p.text}\` bestaat niet`),
  P0104: error<{ reason: string }>((p) => `ongeldige tekst: ${p.reason}`),
  P0105: error<{ text: string }>((p) => `het aantal decimalen moet een geheel getal van 0 of meer zijn, niet \`${p.text}\``),
  P0106: error<{ reason: string }>((p) => `ongeldige geldigheid: ${p.reason}`),

  // ── P02xx: syntax ──────────────────────────────────────────────────────
  P0201: error<{ text: string }>((p) => `onverwacht teken \`${p.text}\``),
  P0202: error(() => `de tekst wordt niet afgesloten met \`"\` op dezelfde regel`),
  /**
   * message: the parser's own Dutch message (grammar/errors.ts); word: the token there, or
   * for `keywordTypo` the misspelt keyword nearby (at wordSpan) and the keyword it resembles.
   */
  P0203: error<{ message: string; word?: string; advice?: SyntaxAdvice; wordSpan?: Span } & Suggested>(
    (p) => p.message,
    (p) => {
      const advice = p.advice ? SYNTAX_ADVICE[p.advice](p.word ?? "") : undefined;
      const suggestion = suggested(p);
      return advice && suggestion ? `${advice}; ${suggestion}` : (advice ?? suggestion);
    },
  ),
  /** what: how deep, when the place is known (issue 12); without it, the whole file (a stack overflow). */
  P0204: error<{ what?: string }>((p) => (p.what !== undefined ? `deze uitdrukking is te diep genest: ${p.what}` : `dit bestand is te diep genest om te lezen`), () => "splits de uitdrukking op in begrippen"),

  // ── P03xx: names ───────────────────────────────────────────────────────
  P0301: error<{ name: string } & Suggested>((p) => `onbekende naam \`${p.name}\``, suggested),
  P0302: error<{ name: string }>((p) => `\`${p.name}\` is al gedeclareerd`),
  P0303: error<{ name: string } & Suggested>((p) => `onbekend type \`${p.name}\``, suggested),
  P0304: error<{ name: string; what: string }>((p) => `\`${p.name}\` is een gereserveerd woord en kan geen ${p.what} zijn`),
  P0305: error<{ name: string } & Suggested>((p) => `onbekende functie \`${p.name}\``, suggested),
  P0306: error<{ type: string; name: string } & Suggested>((p) => `\`${p.type}\` heeft geen veld \`${p.name}\``, suggested),
  P0307: error<{ name: string } & Suggested>((p) => `onbekende regel \`${p.name}\``, suggested),
  P0308: error<{ name: string }>((p) => `er is al een regel \`${p.name}\``),
  P0309: error<{ name: string }>((p) => `\`${p.name}\` is al een naam in deze polis en kan hier niet opnieuw gebruikt worden`),
  P0310: error<{ what: string }>((p) => `\`${p.what}\` mag maar één keer voorkomen`),
  P0311: error<{ name: string; what: "invoer" | "uitvoer" } & Suggested>((p) => `\`${p.name}\` is geen ${p.what} van deze polis`, suggested),
  P0312: error<{ name: string }>((p) => `\`${p.name}\` is geen uitvoer: een regel kan alleen uitvoer bepalen`),
  P0313: error<{ name: string }>((p) => `\`${p.name}\` is geen functie`),
  P0314: error<{ name: string }>((p) => `\`${p.name}\` is een functie: roep haar aan met \`${p.name}(…)\``),

  // ── P04xx: types ───────────────────────────────────────────────────────
  /** advice `money`: a plain number where a `bedrag` is declared. */
  P0401: error<{ expected: string; actual: string; advice?: "money" }>(
    (p) => `verwacht ${p.expected}, maar dit is ${p.actual}`,
    (p) => (p.advice === "money" ? "schrijf een bedrag met €, of vermenigvuldig met een bedrag" : undefined),
  ),
  P0402: error<{ op: string; left: string; right: string }>(
    (p) => `\`${p.op}\` kan niet met ${p.left} en ${p.right}`,
    (p) =>
      p.op === "*" && p.left === "`bedrag`" && p.right === "`bedrag`"
        ? "twee bedragen vermenigvuldigen geeft geen bedrag"
        : [p.left, p.right].some((t) => t.includes("`duur`")) && [p.left, p.right].some((t) => t === "`aantal`" || t === "`getal`")
          ? "een duur (zoals `18 jaar`) is geen getal: vergelijk met het getal zelf (`leeftijd >= 18`), of tel de duur op bij een datum"
          : undefined,
  ),
  P0403: error<{ left: string; right: string; verb: string }>(
    (p) => `een duur in ${unitWords(p.left)} en een duur in ${unitWords(p.right)} zijn niet ${teInfinitive(p.verb)}`,
    () => "vergelijk datums: gebruik datum + duur",
  ),
  P0404: error<{ name: string; expected: string; actual: string }>(
    (p) => `\`${p.name}\` verwacht ${p.expected} ${p.expected === "1" ? "argument" : "argumenten"}, maar krijgt er ${p.actual}`,
  ),
  P0405: error<{ actual: string }>((p) => `een voorwaarde moet \`janee\` zijn, maar dit is ${p.actual}`),
  P0406: error(() => `deling door nul`),
  P0407: error<{ type: string }>((p) => `${p.type} kan alleen vergeleken worden met \`=\` en \`<>\``),
  P0408: error<{ what: string; type: string }>((p) => `een beperking \`${p.what}\` past niet bij ${p.type}`),
  P0409: error(() => `een lijst of gegevens schrijft u alleen in een \`voorbeeld\``),
  P0410: error<{ op: string; type: string }>((p) => `\`${p.op}\` kan niet met ${p.type}`),
  P0411: error<{ reason: string }>((p) => `een waarde van de beperking moet vast staan: ${p.reason}`),
  P0412: error<{ name: string; actual: string }>((p) => `\`${p.name}\` werkt op een lijst, maar dit is ${p.actual}`),
  P0413: error<{ type: string; what: string }>((p) => `${p.type} is geen geldig type voor ${p.what}`),
  P0414: error(
    () => `\`is bekend\` kan alleen bij een optionele invoer of een optioneel veld van gegevens`,
    () => "markeer de invoer of het veld met `optioneel`: `overlijdensdatum: datum optioneel`",
  ),
  P0415: error<{ name: string }>((p) => `\`${p.name}\`: alleen invoer en velden van gegevens kunnen \`optioneel\` zijn`),
  P0416: error<{ name: string }>((p) => `de gegevens \`${p.name}\` bevatten zichzelf`),
  /** A bare number between 0 and 1 for a `percentage` (compiler/check/percentages.ts); suggestions: the same in percents. */
  P0417: warning<{ text: string } & Suggested>(
    (p) => `\`${p.text}\` als percentage is ${p.text} %`,
    (p) => `een percentage schrijft u met %: ${suggested(p) ?? ""}`,
  ),

  // ── P05xx: rules and dependencies ──────────────────────────────────────
  /** cycle: the names on the cycle, closed (`x → y → x`). */
  P0501: error<{ cycle: readonly string[] }>((p) => `kringverwijzing: ${arrows(p.cycle)}`),
  P0502: error<{ name: string }>(
    (p) => `geen regel bepaalt de uitvoer \`${p.name}\` en er is geen \`standaard\``,
    (p) => `schrijf een regel die \`${p.name}\` bepaalt, of geef een \`standaard\``,
  ),
  P0503: error(() => `onbereikbare clausule`, () => "een clausule na `anders` of na een clausule zonder `indien` geldt nooit"),
  P0504: error<{ name: string }>((p) => `\`${p.name}\` wordt twee keer bepaald in dezelfde clausule`),
  P0505: error<{ cycle: readonly string[] }>((p) => `kring van uitzonderingen: ${arrows(p.cycle)}`),
  P0506: warning<{ name: string }>((p) => `de regel \`${p.name}\` heeft geen artikel`, () => "voeg (artikel …) toe na de naam van de regel"),
  /** `outputs`: what the `anders` clause sets of what the target sets; `others`: what the target still sets (empty: the target never applies). */
  P0507: warning<{ name: string; target: string; outputs: readonly string[]; others: readonly string[] }>(
    (p) =>
      p.others.length === 0
        ? `de uitzondering \`${p.name}\` heeft een \`anders\`-clausule, dus \`${p.target}\` geldt nooit`
        : `de \`anders\`-clausule van de uitzondering \`${p.name}\` bepaalt alleen ${names(p.outputs)}: \`${p.target}\` bepaalt ${names(p.outputs)} dus nooit, ${names(p.others)} nog wel`,
  ),
  P0508: warning<{ name: string }>(
    (p) => `\`${p.name}\` kan een bedrag met fracties van centen krijgen; het wordt op centen afgerond`,
    () => "rond af met `afgerond op centen` of `afgerond op hele euro`",
  ),
  P0509: error<{ name: string; cycle: readonly string[] }>((p) => `recursie: \`${p.name}\` roept zichzelf aan (${arrows(p.cycle)})`),
  P0510: error<{ name: string }>((p) => `de regel \`${p.name}\` is een uitzondering op zichzelf`),
  /** A conflict (as P0801) that `polis check` found on a sampled case: example is that case file. */
  P0511: warning<Conflict & { example: string }>(
    (p) => `mogelijk conflict: ${conflictText(p)}`,
    (p) =>
      `bijvoorbeeld voor de case ${p.example}; maak de ene regel een uitzondering op de andere (\`uitzondering op\`) of laat de voorwaarden elkaar uitsluiten`,
  ),
  /** A conflict the solver found (issue 18), re-run on the policy: example is a pasteable voorbeeld. */
  P0512: warning<Conflict & { example: string }>(
    (p) => `conflict: ${conflictText(p)}`,
    (p) => `gevonden door de bewijzer, bijvoorbeeld:\n${p.example}\nmaak de ene regel een uitzondering op de andere (\`uitzondering op\`) of laat de voorwaarden elkaar uitsluiten`,
  ),
  /** `d + n maanden` lands on a day that does not exist for some valid case, and is clamped (issue 18). */
  P0514: warning<{ expr: string; date: string; step: string; result: string; article: string; example: string }>(
    (p) => `\`${p.expr}\` kan op een dag vallen die niet bestaat: ${p.date} ${p.step} wordt ${p.result} (${p.article})`,
    (p) => `bijvoorbeeld voor ${p.example}; Polis neemt dan de laatste dag van de maand. Is dat de bedoeling, schrijf dan \`# polis: afkappen\` op de regel erboven`,
  ),
  /** `d + 1 jaar + 1 maand`: two month steps that give another date than one sum of months (issue 18). */
  P0515: warning<{ expr: string; left: string; right: string }>(
    (p) => `\`${p.expr}\` is dubbelzinnig: Polis leest \`${p.left}\`, en dat verschilt van \`${p.right}\` aan het einde van een maand`,
    (p) => `zet haakjes om de bedoelde lezing: \`${p.left}\` of \`${p.right}\``,
  ),
  /** An output without `standaard` that some valid case leaves without a value (issue 18). */
  P0513: warning<{ output: string; example: string }>(
    (p) => `\`${p.output}\` krijgt niet in elk geval een waarde: geen regel geldt en er is geen \`standaard\``,
    (p) => `bijvoorbeeld:\n${p.example}\ngeef een \`standaard\` of een regel die dit geval dekt`,
  ),

  // Decision tables and values by date (issue 18). `example` is a case in
  // Polis notation (`leeftijd 18, aandoening op_chronische_lijst`).
  P0520: error<{ name: string; first: number; second: number; example: string }>(
    (p) => `de rijen ${p.first} en ${p.second} van de tabel \`${p.name}\` gelden allebei voor ${p.example}`,
    () => "bij `uniek` geldt precies één rij: maak de rijen disjunct, of schrijf `eerste` als de eerste rij voorrang heeft",
  ),
  P0521: error<{ name: string; example: string }>(
    (p) => `geen rij van de tabel \`${p.name}\` geldt voor ${p.example}`,
    () => "bij `uniek` geldt precies één rij: voeg een rij toe, of een standaardrij `| anders || … |`",
  ),
  /**
   * A `uniek` table on begrippen or on inputs a voorwaarde reads: an overlap (`what`: "een overlap: de rijen 1 en 2 gelden allebei")
   * or gap ("een gat: geen rij geldt") of the column domains that the solver could not confirm or rule out for a valid case.
   */
  P0531: warning<{ name: string; what: string; example: string; reason: string }>(
    (p) => `de tabel \`${p.name}\` heeft mogelijk ${p.what}, ${p.example}; niet nagegaan of dat een geldig geval is (${p.reason})`,
    () => "de kolommen zijn begrippen of worden door een voorwaarde beperkt; bij `uniek` geldt precies één rij: controleer of zo'n geval kan voorkomen",
  ),
  /** A row of an `eerste` table (or the `anders` row) that the rows before it cover: it never applies. earlier: "de rijen 1, 2". */
  P0530: warning<{ name: string; row: number; article: string; earlier: string }>(
    (p) => `rij ${p.row} van de tabel \`${p.name}\` (${p.article}) geldt nooit: ${p.earlier} dekken al elk geval waarvoor ze zou gelden`,
    () => "verwijder de rij, zet haar hoger, of maak de eerdere rijen smaller",
  ),
  /** detail: what the column is instead ("een uitvoer", "van type tekst"). */
  P0522: error<{ name: string; detail: string }>(
    (p) => `de kolom \`${p.name}\` van een tabel moet een invoer of begrip van type janee, een soort, een getal of een datum zijn, maar is ${p.detail}`,
  ),
  P0523: error<{ text: string }>(
    (p) => `een cel van een tabel moet een vaste waarde hebben, niet \`${p.text}\``,
    () => "gebruik een getal, bedrag, datum, soortwaarde of parameter",
  ),
  P0524: error<{ expected: number; actual: number; what: string }>(
    (p) => `deze rij heeft ${p.actual} ${p.actual === 1 ? p.what : `${p.what}len`}, de kop van de tabel ${p.expected}`,
  ),
  /** Two periods of a value by date: as written (`vanaf 1 januari 2012`). */
  P0525: error<{ name: string; first: string; second: string }>(
    (p) => `de perioden van \`${p.name}\` overlappen: ${p.first} en ${p.second}`,
  ),
  P0526: error<{ name: string; from: string; through: string }>(
    (p) => `\`${p.name}\` heeft geen waarde ${p.from === p.through ? `op ${p.from}` : `van ${p.from} tot en met ${p.through}`}`,
    () => "laat elke periode beginnen op de dag na het einde van de vorige",
  ),
  P0527: error<{ name: string; detail: string }>(
    (p) => `\`volgens ${p.name}\` moet een invoer of begrip van type datum noemen, maar \`${p.name}\` is ${p.detail}`,
  ),
  P0528: error<{ name: string; dated: string }>(
    (p) => `de parameter \`${p.name}\` leest \`${p.dated}\`, een waarde per datum`,
    () => "maak er een begrip van: een parameter hangt niet van de case af",
  ),
  /** `polis build`: two versions of one policy (same polis name) whose `geldig` periods share days. */
  P0529: error<{ name: string; first: string; second: string; from: string }>(
    (p) => `de versies ${p.first} en ${p.second} van \`${p.name}\` gelden allebei op ${p.from}`,
    () => "laat de `geldig`-perioden van de versies van één polis aansluiten zonder overlap",
  ),

  // ── P06xx: voorbeeld and eigenschap ────────────────────────────────────
  /** Either a detail, or the inputs the voorbeeld leaves out (then with a hint). */
  P0601: error<{ name: string } & ({ detail: string } | { missing: readonly string[] })>(
    (p) => `voorbeeld "${p.name}": ${"missing" in p ? `de invoer ${p.missing.map((n) => `\`${n}\``).join(", ")} ontbreekt` : p.detail}`,
    (p) => ("missing" in p ? "een voorbeeld geeft elke invoer" : undefined),
  ),
  P0602: error<{ name: string; output: string; actual: string; expected: string }>(
    (p) => `voorbeeld "${p.name}": \`${p.output}\` is ${p.actual}, verwacht ${p.expected}`,
  ),
  P0603: error<{ name: string; error: string }>((p) => `voorbeeld "${p.name}": verwacht de fout "${p.error}", maar de beslissing lukte`),
  P0604: error<{ name: string; error: string; actual: string }>(
    (p) => `voorbeeld "${p.name}": verwacht de fout "${p.error}", maar kreeg: ${p.actual}`,
  ),
  P0605: error<{ name: string; actual: string }>((p) => `voorbeeld "${p.name}": onverwachte fout: ${p.actual}`),
  P0606: error<{ name: string }>((p) => `eigenschap "${p.name}" geldt niet`),

  // ── P07xx: case input (docs/language.md §9, case files) ──────────────────
  /** detail: what is wrong and at which position; advice: why, when it is known. */
  P0701: error<{ detail: string; advice?: JsonAdvice }>(
    (p) => `ongeldige JSON: ${p.detail}`,
    (p) => (p.advice !== undefined ? JSON_ADVICE[p.advice] : undefined),
  ),
  /** actual: a short description of what was given; list: it was a JSON list (a hint about .jsonl). */
  P0702: error<{ actual: string; list?: boolean }>(
    (p) => `een case moet een JSON-object met een veld per invoer zijn, maar is ${p.actual}`,
    (p) => (p.list === true ? "zet in een .jsonl-bestand elke case op een eigen regel" : undefined),
  ),
  /** expectedFields: the fields there are (listed when there are few); suggestions: those close to the one given. */
  P0703: error<Field & Suggested & { expectedFields: readonly string[] }>(
    (p) => `onbekend veld \`${p.field}\``,
    (p) =>
      suggested(p) ??
      (p.expectedFields.length === 0
        ? "hier worden geen velden verwacht"
        : p.expectedFields.length <= LISTED
          ? `verwachte velden: ${listed(p.expectedFields)}`
          : undefined),
  ),
  /** expected: "een bedrag"; form: what an example of it looks like. */
  P0704: error<Field & { expected: string; form: CaseForm }>(
    (p) => `veld \`${p.field}\` ontbreekt`,
    (p) => `verwacht ${p.expected}, ${exampleOf(p.form)}`,
  ),
  /** expected: "een bedrag"; actual: "\"abc\"", "een lijst"; quotedBoolean: `"ja"` or `"true"` for a janee. */
  P0705: error<Field & { expected: string; actual: string; form: CaseForm; quotedBoolean?: boolean }>(
    (p) => `\`${p.field}\` moet ${p.expected} zijn, maar is ${p.actual}`,
    (p) => (p.quotedBoolean === true ? "gebruik true of false, zonder aanhalingstekens" : exampleOf(p.form)),
  ),
  /** advice: what is wrong with the number's text, when known; suggestion: the number as it should be written (decimalComma). */
  P0706: error<Field & { value: string; advice?: NumberAdvice; suggestion?: string }>(
    (p) => `\`${p.field}\` is geen geldig getal: ${p.value}`,
    (p) =>
      p.advice !== undefined
        ? NUMBER_ADVICE[p.advice](p.suggestion ?? "")
        : 'schrijf een getal met een punt voor decimalen, bijvoorbeeld 12.50 of "12.50"',
  ),
  /** isoForm: the text has the form jaar-maand-dag, so it names a day that does not exist. */
  P0707: error<Field & { value: string; isoForm: boolean }>(
    (p) => `\`${p.field}\` is geen geldige datum: ${p.value}`,
    (p) => (p.isoForm ? "deze datum bestaat niet" : 'schrijf een datum als "2012-01-30" (jaar-maand-dag)'),
  ),
  /** value in Polis notation; restriction: the beperking as written. */
  P0708: error<Field & { value: string; restriction: string }>(
    (p) => `\`${p.field}\` is ${p.value}, maar moet voldoen aan \`${p.restriction}\``,
  ),
  /** values: the soort's values (listed when there are few); suggestions: those close to the one given. */
  P0709: error<Field & Suggested & { value: string; soort: string; values: readonly string[] }>(
    (p) => `\`${p.field}\` heeft de onbekende waarde ${p.value} voor soort \`${p.soort}\``,
    (p) => suggested(p) ?? (p.values.length <= LISTED ? `mogelijke waarden: ${listed(p.values)}` : undefined),
  ),
  P0710: error<Field & { value: string }>(
    (p) => `\`${p.field}\` is een bedrag met meer dan twee decimalen: ${p.value}`,
    () => 'een bedrag is in hele centen, bijvoorbeeld "112.50"',
  ),
  P0711: error<Field & { value: string }>((p) => `\`${p.field}\` moet een geheel aantal van 0 of meer zijn, maar is ${p.value}`),
  /** suggestions: units close to an unknown one; form: an example for the hint. */
  P0712: error<Field & CaseHint & { detail: string }>((p) => `\`${p.field}\` is geen geldige duur: ${p.detail}`, caseHint),
  /** suggestions: keys close to an unknown one; form: an example for the hint; reversed: tot_en_met before van. */
  P0713: error<Field & CaseHint & { detail: string; reversed?: boolean }>(
    (p) => `\`${p.field}\` is geen geldige periode: ${p.detail}`,
    (p) => (p.reversed === true ? "gebruik null voor een lege periode" : caseHint(p)),
  ),
  /** condition: the voorwaarde as written. */
  P0714: error<{ condition: string }>((p) => `voorwaarde \`${p.condition}\` geldt niet`),
  /** An optional input (or, with `record`, an optional field of a record; issue 19) that this decision needs was not given. */
  P0715: error<Field & { record?: string }>(
    (p) =>
      p.record === undefined
        ? `de optionele invoer \`${p.field}\` is nodig voor deze beslissing, maar is niet gegeven`
        : `het optionele veld \`${p.field}\` van \`${p.record}\` is nodig voor deze beslissing, maar is niet gegeven`,
    (p) =>
      p.record === undefined
        ? `geef \`${p.field}\` in de case, of lees het alleen \`indien ${p.field} is bekend\``
        : `geef \`${p.field}\` in elk element, of lees het alleen als \`….${p.field} is bekend\``,
  ),
  /** A built library's version picker (`versieOp`): no version of the policy is in force on the date. */
  P0720: error<{ name: string; date: string }>(
    (p) => `geen versie van \`${p.name}\` geldt op ${p.date}`,
  ),

  // ── P08xx: evaluation (docs/language.md §5–§7) ──────────────────────────────
  /** Rule names and their articles, the output and both values. */
  P0801: error<Conflict>(conflictText),
  P0802: error<{ output: string }>((p) => `geen regel bepaalt \`${p.output}\``),
  /** where: "regel `naar_rato` (artikel 7.4)", "begrip `x`", "de beslissing". */
  P0803: error<{ where: string }>((p) => `deling door nul in ${p.where}`),
  /** name: the declaration. */
  P0804: error<{ name: string; value: string }>((p) => `\`${p.name}\` moet een geheel aantal van 0 of meer zijn, maar is ${p.value}`),
  /** birth, date in Dutch notation. */
  P0805: error<{ birth: string; date: string; where?: string }>(
    (p) => `de geboortedatum ${p.birth} ligt na ${p.date}, dus er is geen leeftijd op die datum${inWhere(p)}`,
  ),
  /** fn: `begin` or `einde`. */
  P0806: error<{ fn: string; where?: string }>((p) => `\`${p.fn}\` van een lege periode bestaat niet${inWhere(p)}`),
  /** With fn: a stdlib function that needs a whole number; without: a duration of a fraction. */
  P0807: error<{ value: string; fn?: string; where?: string }>(
    (p) =>
      (p.fn !== undefined ? `\`${p.fn}\` verwacht een heel getal, niet ${p.value}` : `een duur moet een geheel getal zijn, maar is ${p.value}`) +
      inWhere(p),
  ),
  /** a, b: the two kinds of duration. */
  P0808: error<{ a: string; b: string; where?: string }>(
    (p) => `duren van verschillende soort kunnen niet vergeleken worden: ${p.a} en ${p.b}${inWhere(p)}`,
  ),
  P0809: error<{ detail: string }>((p) => `interne fout: ${p.detail}`),
  P0810: error<{ where: string }>((p) => `een berekende datum valt buiten de jaren 1 tot en met 9999 in ${p.where}`),
  /** A duration past what a count holds exactly (issue 12): detail says how large, in which unit. */
  P0811: error<{ detail: string; where: string }>((p) => `${p.detail} in ${p.where}`),
  /** Evaluation of one case needed more function evaluations than CALL_LIMIT (runtime/evaluate.ts; issue 12). */
  P0812: error<{ where: string; limit: string }>(
    (p) => `de berekening van ${p.where} is te groot: meer dan ${p.limit} aanroepen met verschillende waarden voor één case`,
  ),
  /** op: `grootste`, `kleinste`, `eerste` or `laatste` (issue 19). */
  P0813: error<{ op: string; where?: string }>(
    (p) => `\`${p.op} van\` een lege lijst (of zonder element waarvoor de voorwaarde geldt) bestaat niet${inWhere(p)}`,
  ),

  // ── P09xx: back ends (docs/sql.md) ──────────────────────────────────────────
  /** what: the construct the SQL back end cannot express, e.g. "de functie `werkdagen_tussen_nl`". */
  P0901: error<{ what: string }>(
    (p) => `${p.what} kan niet in SQL worden uitgedrukt`,
    () => "beslis deze polis met `polis run` (zonder --engine); docs/sql.md noemt wat SQL wel en niet kan",
  ),
  /** A number input with more digits than the SQL engine's exact integers hold (DuckDB HUGEINT): per row, never a wrong number. */
  P0902: error<Field & { value: string }>(
    (p) => `\`${p.field}\` heeft meer cijfers dan SQL exact kan rekenen (38): ${p.value}`,
    () => "beslis deze case met `polis run` (zonder --engine) of met --engine postgres",
  ),
  /** An intermediate value or output of one row that does not fit the SQL engine's exact integers (DuckDB HUGEINT, Spark DECIMAL(38, 0)): per row, never a wrong number. */
  P0903: error<{ what: string; where?: string }>(
    (p) => `${p.what}${inWhere(p)} heeft meer cijfers dan SQL exact kan rekenen (38)`,
    () => "beslis deze case met `polis run` (zonder --engine) of met --engine postgres",
  ),
  /** A text input holding a lone UTF-16 surrogate (`"\ud800"` in a .jsonl line): valid JSON, but no UTF-8 text a database can store. */
  P0904: error<Field & { char: string }>(
    (p) => `\`${p.field}\` bevat een teken dat geen Unicode is (de losse surrogaat ${p.char}): een database kan die tekst niet opslaan`,
    () => "beslis deze case met `polis run` (zonder --engine), of verbeter de tekst",
  ),
} as const;

function arrows(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(" → ");
}

/** `\`a\``, `\`a\` en \`b\``, `\`a\`, \`b\` en \`c\``. */
function names(list: readonly string[]): string {
  const q = list.map((n) => `\`${n}\``);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} en ${q[q.length - 1]}`;
}

function inWhere(p: { where?: string }): string {
  return p.where !== undefined ? ` in ${p.where}` : "";
}

/** A diagnostic code: a key of the catalog. */
export type Code = keyof typeof MESSAGES;

/** The parameters a code's message is built from. */
export type ParamsOf<C extends Code> = Parameters<(typeof MESSAGES)[C]["message"]>[0];

/** Whether a string (a code in a `verwacht fout "…"`, a JSON file) is a catalog code. */
export function isCode(s: string): s is Code {
  return Object.prototype.hasOwnProperty.call(MESSAGES, s);
}

/** Severity, message and hint of a code with its parameters: the one place wording is made. */
export function wording<C extends Code>(code: C, params: ParamsOf<C>): { severity: Severity; message: string; hint?: string } {
  const entry = MESSAGES[code] as Entry<ParamsOf<C>>;
  const message = entry.message(params);
  const hint = entry.hint?.(params);
  return hint === undefined ? { severity: entry.severity, message } : { severity: entry.severity, message, hint };
}

export interface Extras {
  related?: Related[];
  /** Case-input errors: the path of the field. */
  field?: string;
  /** `.jsonl` input: the 1-based line of the case. */
  line?: number;
}

/** A diagnostic from the catalog: `diagnostic("P0301", span, { name })`. */
export function diagnostic<C extends Code>(code: C, span: Span | undefined, params: ParamsOf<C>, extras: Extras = {}): Diagnostic {
  const { severity, message, hint } = wording(code, params);
  const d: Diagnostic = { code, severity, params: params as Record<string, unknown>, message };
  if (span) d.span = span;
  if (hint !== undefined) d.hint = hint;
  if (extras.related !== undefined && extras.related.length > 0) d.related = extras.related;
  if (extras.field !== undefined) d.field = extras.field;
  if (extras.line !== undefined) d.line = extras.line;
  return d;
}

/** A PolisError from the catalog, ready to throw (P07xx case input, P08xx evaluation). */
export function runtimeError<C extends Code>(code: C, params: ParamsOf<C>, extras: Extras = {}): PolisError {
  return new PolisError(diagnostic(code, undefined, params, extras));
}

/** Codes a stdlib function can fail with; evaluation adds where it happened. */
export type StdlibCode = "P0805" | "P0806" | "P0807" | "P0813";

/**
 * An evaluation error raised by a stdlib function (docs/language.md §7): its code
 * and parameters, without the place. Evaluation (runtime/evaluate.ts) turns it
 * into a PolisError that names the rule or begrip it happened in.
 */
export class StdlibError<C extends StdlibCode = StdlibCode> extends Error {
  readonly code: C;
  readonly params: ParamsOf<C>;
  constructor(code: C, params: ParamsOf<C>) {
    super(wording(code, params).message);
    this.name = "StdlibError";
    this.code = code;
    this.params = params;
  }
}

/** The parameters of a diagnostic with this code (narrowed by the code), or undefined. */
export function paramsOf<C extends Code>(d: Diagnostic, code: C): ParamsOf<C> | undefined {
  return d.code === code ? (d.params as unknown as ParamsOf<C>) : undefined;
}
