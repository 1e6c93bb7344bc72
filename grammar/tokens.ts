// Tokens of Polis (LANGUAGE.md §2, §12): English token names, Dutch patterns
// and labels, so parser messages quote the author's own word.
//
// Chevrotain rebuilds RegExp patterns with its own flags and drops `u`, so
// `\p{L}` would silently stop meaning "a letter". Names and keywords are
// therefore matched with custom matchers (sticky, Unicode-aware regexes) that
// also check the word boundary: `tot` never matches the start of `totaal`, and
// `tot en met` never matches the start of `tot en metselwerk`.

import { createToken, Lexer, type TokenType } from "chevrotain";

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function wordMatcher(source: string) {
  const re = new RegExp(source, "uy");
  return {
    exec(text: string, offset: number): RegExpExecArray | null {
      re.lastIndex = offset;
      const m = re.exec(text);
      if (m === null) return null;
      const next = text.charAt(offset + m[0].length);
      if (next !== "" && WORD_CHAR.test(next)) return null;
      // A keyword must not be the tail of a longer word either (after `.` any
      // word is a field name, handled by the parser).
      return m;
    },
  };
}

/** Any word: an identifier or a single-word keyword (field names after `.`). */
export const AnyWord = createToken({ name: "AnyWord", pattern: Lexer.NA, label: "een naam" });

/**
 * Every UTF-16 code unit a name can start with: the BMP letters and the high
 * surrogates (letters outside the BMP). With a start-character hint on every
 * token, Chevrotain picks candidate tokens by the first character instead of
 * trying every pattern at every offset (about ten times faster on large files,
 * which the language server re-lexes on every keystroke).
 */
const LETTER_START: number[] = [];
for (let c = 0; c < 0x10000; c++) {
  if ((c >= 0xd800 && c <= 0xdbff) || /\p{L}/u.test(String.fromCharCode(c))) LETTER_START.push(c);
}

export const Identifier = createToken({
  name: "Identifier",
  pattern: wordMatcher("[\\p{L}][\\p{L}\\p{M}\\p{N}_]*"),
  start_chars_hint: LETTER_START,
  line_breaks: false,
  categories: [AnyWord],
  label: "een naam",
});

const keywordTokens: TokenType[] = [];

function keyword(name: string, words: string, extra: { categories?: TokenType[]; wordPattern?: string } = {}): TokenType {
  const pattern = extra.wordPattern ?? words.split(" ").join("[ \\t]+");
  const multi = words.includes(" ");
  const tok = createToken({
    name,
    pattern: wordMatcher(pattern),
    line_breaks: false,
    start_chars_hint: [words.charCodeAt(0)],
    label: `\`${words}\``,
    categories: [...(multi ? [] : [AnyWord]), ...(extra.categories ?? [])],
  });
  keywordTokens.push(tok);
  return tok;
}

// Categories used by the parser.
export const TypeKeyword = createToken({ name: "TypeKeyword", pattern: Lexer.NA, label: "een type" });
export const UnitKeyword = createToken({ name: "UnitKeyword", pattern: Lexer.NA, label: "een eenheid" });
export const MonthKeyword = createToken({ name: "MonthKeyword", pattern: Lexer.NA, label: "een maand" });

// Multi-word keywords first: the lexer takes the first pattern that matches.
export const TotEnMet = keyword("TotEnMet", "tot en met");
export const ErIsEen = keyword("ErIsEen", "er is een");
export const VoorAlle = keyword("VoorAlle", "voor alle");

// Declarations and headers.
export const Polis = keyword("Polis", "polis");
export const Versie = keyword("Versie", "versie");
export const Geldig = keyword("Geldig", "geldig");
export const Bron = keyword("Bron", "bron");
export const Soort = keyword("Soort", "soort");
export const Gegevens = keyword("Gegevens", "gegevens");
export const Invoer = keyword("Invoer", "invoer");
export const Uitvoer = keyword("Uitvoer", "uitvoer");
export const Voorwaarde = keyword("Voorwaarde", "voorwaarde");
export const Parameter = keyword("Parameter", "parameter");
export const Begrip = keyword("Begrip", "begrip");
export const Functie = keyword("Functie", "functie");
export const Regel = keyword("Regel", "regel");
export const Artikel = keyword("Artikel", "artikel");
export const Lid = keyword("Lid", "lid");
export const Uitzondering = keyword("Uitzondering", "uitzondering");
export const Op = keyword("Op", "op");
export const Voorbeeld = keyword("Voorbeeld", "voorbeeld");
export const Gegeven = keyword("Gegeven", "gegeven");
export const Verwacht = keyword("Verwacht", "verwacht");
export const Fout = keyword("Fout", "fout");
export const Eigenschap = keyword("Eigenschap", "eigenschap");
export const Altijd = keyword("Altijd", "altijd");
export const Standaard = keyword("Standaard", "standaard");
// Extensions of LANGUAGE.md §12 (docs/language-extensions.md): optional inputs.
export const Optioneel = keyword("Optioneel", "optioneel");
export const Bekend = keyword("Bekend", "bekend");
// Issue 19: implication in an eigenschap (`altijd als A dan B`).
export const Als = keyword("Als", "als");
// Issue 19: lists as values. The heads are multi-word keywords, so
// `eerste`, `laatste`, … alone stay ordinary names.
export const Grootste = keyword("Grootste", "grootste van");
export const Kleinste = keyword("Kleinste", "kleinste van");
export const Eerste = keyword("Eerste", "eerste van");
export const Laatste = keyword("Laatste", "laatste van");
export const Lopende = keyword("Lopende", "lopende som van");
// Issue 18: decision tables (`tabel … uniek:` with rows `| … || … |`) and
// values by date (`€ 220 vanaf 1 januari 2012 … volgens behandeldatum`). The
// hit policies `uniek` and `eerste` are read as names, so they stay free.
export const Tabel = keyword("Tabel", "tabel");
export const Volgens = keyword("Volgens", "volgens");
export const De = keyword("De", "de");
export const Elke = keyword("Elke", "elke");

// Expressions.
export const Indien = keyword("Indien", "indien");
export const Dan = keyword("Dan", "dan");
export const Anders = keyword("Anders", "anders");
export const En = keyword("En", "en");
export const Of = keyword("Of", "of");
export const Niet = keyword("Niet", "niet");
export const In = keyword("In", "in");
export const Tussen = keyword("Tussen", "tussen");
export const Vanaf = keyword("Vanaf", "vanaf");
export const Tot = keyword("Tot", "tot");
export const Met = keyword("Met", "met");
export const Van = keyword("Van", "van");
export const Uit = keyword("Uit", "uit");
export const Lijst = keyword("Lijst", "lijst");
export const Som = keyword("Som", "som");
export const Voor = keyword("Voor", "voor");
export const Waarvoor = keyword("Waarvoor", "waarvoor");
export const Alle = keyword("Alle", "alle");
export const Geldt = keyword("Geldt", "geldt");
export const Er = keyword("Er", "er");
export const Is = keyword("Is", "is");
export const Een = keyword("Een", "een");
export const Afgerond = keyword("Afgerond", "afgerond");
export const Naar = keyword("Naar", "naar");
export const Beneden = keyword("Beneden", "beneden");
export const Boven = keyword("Boven", "boven");
export const Hele = keyword("Hele", "hele");
export const Euro = keyword("Euro", "euro", { wordPattern: "euro(?:'s)?" });
export const Centen = keyword("Centen", "centen");
export const Decimalen = keyword("Decimalen", "decimalen");
export const Ja = keyword("Ja", "ja");
export const Nee = keyword("Nee", "nee");

// Types. `aantal` and `periode` are also expression keywords.
export const Bedrag = keyword("Bedrag", "bedrag", { categories: [TypeKeyword] });
export const Getal = keyword("Getal", "getal", { categories: [TypeKeyword] });
export const Aantal = keyword("Aantal", "aantal", { categories: [TypeKeyword] });
export const Percentage = keyword("Percentage", "percentage", { categories: [TypeKeyword] });
export const Datum = keyword("Datum", "datum", { categories: [TypeKeyword] });
export const Duur = keyword("Duur", "duur", { categories: [TypeKeyword] });
export const Periode = keyword("Periode", "periode", { categories: [TypeKeyword] });
export const JaNee = keyword("JaNee", "janee", { categories: [TypeKeyword] });
export const Tekst = keyword("Tekst", "tekst", { categories: [TypeKeyword] });

// Units.
export const UNIT_WORDS = ["dagen", "dag", "weken", "week", "maanden", "maand", "jaren", "jaar"] as const;
export const unitTokens = UNIT_WORDS.map((w) =>
  keyword(`Unit_${w}`, w, { categories: [UnitKeyword] }),
);

// Months (reserved; dates are lexed as one token before these).
export const MONTH_WORDS = [
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
] as const;
export const monthTokens = MONTH_WORDS.map((w) =>
  keyword(`Month_${w}`, w, { categories: [MonthKeyword] }),
);

// Literals.
export const DutchDate = createToken({
  name: "DutchDate",
  pattern: wordMatcher(`[0-9]{1,2}[ \\t]+(?:${MONTH_WORDS.join("|")})[ \\t]+[0-9]{4}`),
  line_breaks: false,
  start_chars_hint: [..."0123456789"].map((c) => c.charCodeAt(0)),
  label: "een datum",
});
export const IsoDate = createToken({
  name: "IsoDate",
  pattern: wordMatcher("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
  line_breaks: false,
  start_chars_hint: [..."0123456789"].map((c) => c.charCodeAt(0)),
  label: "een datum",
});
/**
 * Digits with dots and commas between digits. Whether the text is a valid
 * Dutch number (`1.200`, `7,5`) or an error (`1.5`, `1,2,3`) is decided when
 * the literal is read (compiler/syntax/literals.ts), so the author gets a
 * message with a hint instead of a confusing token split.
 */
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: wordMatcher("[0-9]+(?:[.,][0-9]+)*"),
  line_breaks: false,
  start_chars_hint: [..."0123456789"].map((c) => c.charCodeAt(0)),
  label: "een getal",
});
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\n\r\u2028\u2029]|\\["\\])*"/,
  label: "een tekst",
});

// Punctuation and operators.
export const ArticleOpen = createToken({
  name: "ArticleOpen",
  pattern: wordMatcher("\\([ \\t\\r\\n]*artikel"),
  line_breaks: true,
  start_chars_hint: ["(".charCodeAt(0)],
  push_mode: "article",
  label: "`(artikel`",
});
export const LParen = createToken({ name: "LParen", pattern: "(", label: "`(`" });
export const RParen = createToken({ name: "RParen", pattern: ")", label: "`)`" });
export const ArticleClose = createToken({ name: "ArticleClose", pattern: ")", pop_mode: true, label: "`)`" });
export const LCurly = createToken({ name: "LCurly", pattern: "{", label: "`{`" });
export const RCurly = createToken({ name: "RCurly", pattern: "}", label: "`}`" });
export const LSquare = createToken({ name: "LSquare", pattern: "[", label: "`[`" });
export const RSquare = createToken({ name: "RSquare", pattern: "]", label: "`]`" });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "`,`" });
export const Colon = createToken({ name: "Colon", pattern: ":", label: "`:`" });
export const Dot = createToken({ name: "Dot", pattern: ".", label: "`.`" });
export const LessEq = createToken({ name: "LessEq", pattern: "<=", label: "`<=`" });
export const GreaterEq = createToken({ name: "GreaterEq", pattern: ">=", label: "`>=`" });
export const NotEq = createToken({ name: "NotEq", pattern: "<>", label: "`<>`" });
export const Less = createToken({ name: "Less", pattern: "<", label: "`<`" });
export const Greater = createToken({ name: "Greater", pattern: ">", label: "`>`" });
export const Equals = createToken({ name: "Equals", pattern: "=", label: "`=`" });
export const Plus = createToken({ name: "Plus", pattern: "+", label: "`+`" });
export const Minus = createToken({ name: "Minus", pattern: "-", label: "`-`" });
export const Star = createToken({ name: "Star", pattern: "*", label: "`*`" });
export const Slash = createToken({ name: "Slash", pattern: "/", label: "`/`" });
export const PercentSign = createToken({ name: "PercentSign", pattern: "%", label: "`%`" });
export const EuroSign = createToken({ name: "EuroSign", pattern: "€", label: "`€`" });
export const DoublePipe = createToken({ name: "DoublePipe", pattern: "||", label: "`||`" });
export const Pipe = createToken({ name: "Pipe", pattern: "|", label: "`|`" });

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** Comments are not passed to the parser but kept (`groups.comments`) for `polis fmt`. */
export const Comment = createToken({ name: "Comment", pattern: /#[^\n\r]*/, group: "comments" });

// Inside `(artikel …)`: labels, `lid`, quoted labels.
export const ArticleLabel = createToken({
  name: "ArticleLabel",
  pattern: /[0-9]+(?:\.[0-9]+)*[a-z]?/,
  label: "een artikelnummer",
});
export const ArticleLid = createToken({ name: "ArticleLid", pattern: wordMatcher("lid"), line_breaks: false, start_chars_hint: ["l".charCodeAt(0)], label: "`lid`" });
export const ArticleComma = createToken({ name: "ArticleComma", pattern: ",", label: "`,`" });

const defaultMode: TokenType[] = [
  WhiteSpace,
  Comment,
  ArticleOpen,
  IsoDate,
  DutchDate,
  NumberLiteral,
  StringLiteral,
  ...keywordTokens,
  Identifier,
  LParen, RParen, LCurly, RCurly, LSquare, RSquare, Comma, Colon, Dot,
  LessEq, GreaterEq, NotEq, Less, Greater, Equals,
  Plus, Minus, Star, Slash, PercentSign, EuroSign, DoublePipe, Pipe,
];

const articleMode: TokenType[] = [WhiteSpace, Comment, ArticleLabel, ArticleLid, StringLiteral, ArticleComma, ArticleClose];

export const lexerDefinition = {
  modes: { default: defaultMode, article: articleMode },
  defaultMode: "default",
};

/** Every token type, categories included, for the parser. */
export const allTokens: TokenType[] = [
  AnyWord, TypeKeyword, UnitKeyword, MonthKeyword,
  ...defaultMode,
  ArticleLabel, ArticleLid, ArticleComma, ArticleClose,
];

export const KEYWORD_WORDS: ReadonlySet<string> = new Set(
  keywordTokens.map((t) => String(t.LABEL).slice(1, -1)).filter((w) => !w.includes(" ")).concat(["euro's"]),
);
