// The Dutch catalog of compile-time diagnostics (P01xx–P06xx). Stages build
// diagnostics from a code and parameters; the wording lives only here.
// Style: one sentence, lowercase, no final period, the author's names in
// backticks; anything more goes to the hint or to related spans.
// Codes are stable and never reused. Runtime codes (P07xx, P08xx) live in
// runtime/messages.ts, since generated modules throw them.

import { makeDiagnostic, type Catalog, type Diagnostic, type DiagnosticExtras, type Span } from "../../runtime/diagnostic.js";

const e = (text: (p: Record<string, string>) => string) => ({ severity: "error" as const, text });
const w = (text: (p: Record<string, string>) => string) => ({ severity: "warning" as const, text });

/** `optellen` → `op te tellen`, `vergelijken` → `te vergelijken`: "niet op te tellen". */
function teInfinitive(verb: string): string {
  for (const prefix of ["op", "af"]) if (verb.startsWith(prefix)) return `${prefix} te ${verb.slice(prefix.length)}`;
  return `te ${verb}`;
}

export const COMPILE_MESSAGES: Catalog = {
  // P01xx literals
  P0101: e((p) => `ongeldig getal \`${p.text}\``),
  P0102: e((p) => `ongeldig getal \`${p.text}\`: een punt scheidt alleen duizendtallen`),
  P0103: e((p) => `de datum \`${p.text}\` bestaat niet`),
  P0104: e((p) => `ongeldige tekst: ${p.reason}`),
  P0105: e((p) => `het aantal decimalen moet een geheel getal van 0 of meer zijn, niet \`${p.text}\``),
  P0106: e((p) => `ongeldige geldigheid: ${p.reason}`),

  // P02xx syntax
  P0201: e((p) => `onverwacht teken \`${p.text}\``),
  P0202: e(() => `de tekst wordt niet afgesloten met \`"\` op dezelfde regel`),
  P0203: e((p) => p.message ?? "syntaxfout"),
  P0204: e(() => `dit bestand is te diep genest om te lezen`),

  // P03xx names
  P0301: e((p) => `onbekende naam \`${p.name}\``),
  P0302: e((p) => `\`${p.name}\` is al gedeclareerd`),
  P0303: e((p) => `onbekend type \`${p.name}\``),
  P0304: e((p) => `\`${p.name}\` is een gereserveerd woord en kan geen ${p.what} zijn`),
  P0305: e((p) => `onbekende functie \`${p.name}\``),
  P0306: e((p) => `\`${p.type}\` heeft geen veld \`${p.name}\``),
  P0307: e((p) => `onbekende regel \`${p.name}\``),
  P0308: e((p) => `er is al een regel \`${p.name}\``),
  P0309: e((p) => `\`${p.name}\` is al een naam in deze polis en kan hier niet opnieuw gebruikt worden`),
  P0310: e((p) => `\`${p.what}\` mag maar één keer voorkomen`),
  P0311: e((p) => `\`${p.name}\` is geen ${p.what} van deze polis`),
  P0312: e((p) => `\`${p.name}\` is geen uitvoer: een regel kan alleen uitvoer bepalen`),
  P0313: e((p) => `\`${p.name}\` is geen functie`),
  P0314: e((p) => `\`${p.name}\` is een functie: roep haar aan met \`${p.name}(…)\``),

  // P04xx types
  P0401: e((p) => `verwacht ${p.expected}, maar dit is ${p.actual}`),
  P0402: e((p) => `\`${p.op}\` kan niet met ${p.left} en ${p.right}`),
  P0403: e((p) => `een duur in ${p.left} en een duur in ${p.right} zijn niet ${teInfinitive(p.verb ?? "")}`),
  P0404: e((p) => `\`${p.name}\` verwacht ${p.expected} ${p.expected === "1" ? "argument" : "argumenten"}, maar krijgt er ${p.actual}`),
  P0405: e((p) => `een voorwaarde moet \`janee\` zijn, maar dit is ${p.actual}`),
  P0406: e(() => `deling door nul`),
  P0407: e((p) => `${p.type} kan alleen vergeleken worden met \`=\` en \`<>\``),
  P0408: e((p) => `een beperking \`${p.what}\` past niet bij ${p.type}`),
  P0409: e(() => `een lijst of gegevens schrijft u alleen in een \`voorbeeld\``),
  P0410: e((p) => `\`${p.op}\` kan niet met ${p.type}`),
  P0411: e((p) => `een waarde van de beperking moet vast staan: ${p.reason}`),
  P0412: e((p) => `\`${p.name}\` werkt op een lijst, maar dit is ${p.actual}`),
  P0413: e((p) => `${p.type} is geen geldig type voor ${p.what}`),
  P0414: e(() => `\`is bekend\` kan alleen bij een optionele invoer`),
  P0415: e((p) => `\`${p.name}\`: alleen invoer kan \`optioneel\` zijn`),
  P0416: e((p) => `de gegevens \`${p.name}\` bevatten zichzelf`),

  // P05xx rules and dependencies
  P0501: e((p) => `kringverwijzing: ${p.cycle}`),
  P0502: e((p) => `geen regel bepaalt de uitvoer \`${p.name}\` en er is geen \`standaard\``),
  P0503: e(() => `onbereikbare clausule`),
  P0504: e((p) => `\`${p.name}\` wordt twee keer bepaald in dezelfde clausule`),
  P0505: e((p) => `kring van uitzonderingen: ${p.cycle}`),
  P0506: w((p) => `de regel \`${p.name}\` heeft geen artikel`),
  P0507: w((p) => `de uitzondering \`${p.name}\` heeft een \`anders\`-clausule, dus \`${p.target}\` geldt nooit`),
  P0508: w((p) => `\`${p.name}\` kan een bedrag met fracties van centen krijgen; het wordt op centen afgerond`),
  P0509: e((p) => `recursie: \`${p.name}\` roept zichzelf aan (${p.cycle})`),
  P0510: e((p) => `de regel \`${p.name}\` is een uitzondering op zichzelf`),
  P0511: w((p) => `mogelijk conflict: ${p.detail}`),

  // P06xx voorbeeld and eigenschap
  P0601: e((p) => `voorbeeld "${p.name}": ${p.detail}`),
  P0602: e((p) => `voorbeeld "${p.name}": \`${p.output}\` is ${p.actual}, verwacht ${p.expected}`),
  P0603: e((p) => `voorbeeld "${p.name}": verwacht de fout "${p.error}", maar de beslissing lukte`),
  P0604: e((p) => `voorbeeld "${p.name}": verwacht de fout "${p.error}", maar kreeg: ${p.actual}`),
  P0605: e((p) => `voorbeeld "${p.name}": onverwachte fout: ${p.actual}`),
  P0606: e((p) => `eigenschap "${p.name}" geldt niet`),
};

export function compileDiagnostic(
  code: string,
  span: Span | undefined,
  params: Record<string, string> = {},
  extras: DiagnosticExtras = {},
): Diagnostic {
  return makeDiagnostic(COMPILE_MESSAGES, code, span, params, extras);
}
