// The Dutch catalog of runtime diagnostics: case-file input errors (P07xx)
// and evaluation errors (P08xx). In: a code and named parameters. Out: one
// lowercase Dutch sentence without a final period (STYLE.md, Diagnostics).
// Codes are stable and never reused. The compiler has its own catalog for
// P01xx–P06xx; this one lives in runtime/ because generated modules throw
// these errors without importing compiler/.

import { makeDiagnostic, PolisError, type Catalog, type DiagnosticExtras } from "./diagnostic.js";

/** A parameter, or a visible placeholder if the caller forgot it. */
function p(params: Record<string, string>, key: string): string {
  return params[key] ?? `{${key}}`;
}

export const RUNTIME_MESSAGES: Catalog = {
  // ── P07xx: case input (LANGUAGE.md §10, "Case files") ──────────────────
  /** params: detail (what is wrong and at which position). */
  P0701: { severity: "error", text: (x) => `ongeldige JSON: ${p(x, "detail")}` },
  /** params: actual (a short description of what was given). */
  P0702: {
    severity: "error",
    text: (x) => `een case moet een JSON-object met een veld per invoer zijn, maar is ${p(x, "actual")}`,
  },
  /** params: field (the path of the unknown field). */
  P0703: { severity: "error", text: (x) => `onbekend veld \`${p(x, "field")}\`` },
  /** params: field. */
  P0704: { severity: "error", text: (x) => `veld \`${p(x, "field")}\` ontbreekt` },
  /** params: field, expected ("een bedrag"), actual ("\"abc\"", "een lijst"). */
  P0705: {
    severity: "error",
    text: (x) => `\`${p(x, "field")}\` moet ${p(x, "expected")} zijn, maar is ${p(x, "actual")}`,
  },
  /** params: field, value (as given). */
  P0706: { severity: "error", text: (x) => `\`${p(x, "field")}\` is geen geldig getal: ${p(x, "value")}` },
  /** params: field, value. */
  P0707: { severity: "error", text: (x) => `\`${p(x, "field")}\` is geen geldige datum: ${p(x, "value")}` },
  /** params: field, value (in Polis notation), restriction (the beperking as written). */
  P0708: {
    severity: "error",
    text: (x) => `\`${p(x, "field")}\` is ${p(x, "value")}, maar moet voldoen aan \`${p(x, "restriction")}\``,
  },
  /** params: field, value, soort (the soort's name). */
  P0709: {
    severity: "error",
    text: (x) => `\`${p(x, "field")}\` heeft de onbekende waarde ${p(x, "value")} voor soort \`${p(x, "soort")}\``,
  },
  /** params: field, value. */
  P0710: {
    severity: "error",
    text: (x) => `\`${p(x, "field")}\` is een bedrag met meer dan twee decimalen: ${p(x, "value")}`,
  },
  /** params: field, value. */
  P0711: {
    severity: "error",
    text: (x) => `\`${p(x, "field")}\` moet een geheel aantal van 0 of meer zijn, maar is ${p(x, "value")}`,
  },
  /** params: field, detail. */
  P0712: { severity: "error", text: (x) => `\`${p(x, "field")}\` is geen geldige duur: ${p(x, "detail")}` },
  /** params: field, detail. */
  P0713: { severity: "error", text: (x) => `\`${p(x, "field")}\` is geen geldige periode: ${p(x, "detail")}` },
  /** params: condition (the voorwaarde as written). */
  P0714: { severity: "error", text: (x) => `voorwaarde \`${p(x, "condition")}\` geldt niet` },
  /** params: field. An optional input that this decision needs was not given. */
  P0715: { severity: "error", text: (x) => `de optionele invoer \`${p(x, "field")}\` is nodig voor deze beslissing, maar is niet gegeven` },

  // ── P08xx: evaluation (LANGUAGE.md §5–§7) ──────────────────────────────
  /** params: a, artA, b, artB (rule names and their articles), output, va, vb (values). */
  P0801: {
    severity: "error",
    text: (x) =>
      `regels \`${p(x, "a")}\` (${p(x, "artA")}) en \`${p(x, "b")}\` (${p(x, "artB")}) geven \`${p(x, "output")}\` verschillende waarden: ${p(x, "va")} en ${p(x, "vb")}`,
  },
  /** params: output. */
  P0802: { severity: "error", text: (x) => `geen regel bepaalt \`${p(x, "output")}\`` },
  /** params: where (e.g. "regel `naar_rato` (artikel 7.4)" or "begrip `x`"). */
  P0803: { severity: "error", text: (x) => `deling door nul in ${p(x, "where")}` },
  /** params: name (the declaration), value. */
  P0804: {
    severity: "error",
    text: (x) => `\`${p(x, "name")}\` moet een geheel aantal van 0 of meer zijn, maar is ${p(x, "value")}`,
  },
  /** params: birth, date (both in Dutch notation). */
  P0805: {
    severity: "error",
    text: (x) => `de geboortedatum ${p(x, "birth")} ligt na ${p(x, "date")}, dus er is geen leeftijd op die datum`,
  },
  /** params: fn (`begin` or `einde`). */
  P0806: { severity: "error", text: (x) => `\`${p(x, "fn")}\` van een lege periode bestaat niet` },
  /** params: value. */
  P0807: { severity: "error", text: (x) => `een duur moet een geheel getal zijn, maar is ${p(x, "value")}` },
  /** params: a, b (the two durations). */
  P0808: {
    severity: "error",
    text: (x) => `duren van verschillende soort kunnen niet vergeleken worden: ${p(x, "a")} en ${p(x, "b")}`,
  },
  /** params: where. */
  P0810: { severity: "error", text: (x) => `een berekende datum valt buiten de jaren 1 tot en met 9999 in ${p(x, "where")}` },
  /** params: where (the function), limit. Evaluation of one case needed too many function evaluations (issue 12). */
  P0811: {
    severity: "error",
    text: (x) => `de berekening van ${p(x, "where")} is te groot: meer dan ${p(x, "limit")} aanroepen met verschillende waarden voor één case`,
  },
  /** params: detail. */
  P0809: { severity: "error", text: (x) => `interne fout: ${p(x, "detail")}` },
};

export interface RuntimeExtras extends DiagnosticExtras {
  /** The 1-based line of the case in a `.jsonl` input. */
  line?: number;
}

/** A PolisError built from the runtime catalog, ready to throw. */
export function runtimeError(
  code: string,
  params: Record<string, string> = {},
  extras: RuntimeExtras = {},
): PolisError {
  const d = makeDiagnostic(RUNTIME_MESSAGES, code, undefined, params, extras);
  if (extras.line !== undefined) d.line = extras.line;
  return new PolisError(d);
}
