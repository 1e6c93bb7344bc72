// Reading literal texts (LANGUAGE.md §2): Dutch numbers, dates, strings and
// article labels. Each reader returns a value or a diagnostic, never throws.

import type { Diagnostic, Span } from "../../runtime/diagnostic.js";
import { parseDecimal, type Rat } from "../../runtime/rational.js";
import { dayFromYmd, parseIsoDate, MONTHS_NL } from "../../runtime/calendar.js";
import { diagnostic } from "../../runtime/messages.js";

export type Read<T> = { ok: true; value: T } | { ok: false; diagnostic: Diagnostic };

const THOUSANDS = /^[1-9][0-9]{0,2}(?:\.[0-9]{3})+$/;

/** `7`, `7,5`, `1.200`, `12.500,50`; `1,2,3` and `1.5` are errors with a hint. */
export function readNumber(text: string, span: Span): Read<Rat> {
  const commas = text.split(",");
  if (commas.length > 2) {
    return {
      ok: false,
      diagnostic: diagnostic("P0101", span, { text, problem: "commas" }),
    };
  }
  let [whole, fraction] = commas as [string, string | undefined];
  if (whole.includes(".")) {
    if (!THOUSANDS.test(whole) || (fraction !== undefined && fraction.includes("."))) {
      // The last dot is the one meant as a decimal point: `12.500.5` → `12.500,5`.
      const suggestion = fraction === undefined ? text.replace(/\.(?=[0-9]*$)/, ",") : text.replace(/\./g, ",");
      return {
        ok: false,
        diagnostic: diagnostic("P0102", span, { text, suggestion }),
      };
    }
    whole = whole.replace(/\./g, "");
  }
  if (fraction !== undefined && fraction.includes(".")) {
    return {
      ok: false,
      diagnostic: diagnostic("P0102", span, { text }),
    };
  }
  const value = parseDecimal(fraction === undefined ? whole : `${whole}.${fraction}`);
  if (value === null) return { ok: false, diagnostic: diagnostic("P0101", span, { text }) };
  return { ok: true, value };
}

/** `1 januari 2012` or `2012-01-01`, as an epoch day; an impossible date is an error. */
export function readDate(text: string, span: Span): Read<number> {
  let day: number | null;
  if (/^[0-9]{4}-/.test(text)) {
    day = parseIsoDate(text);
  } else {
    const [d, month, y] = text.split(/[ \t]+/) as [string, string, string];
    const m = (MONTHS_NL as readonly string[]).indexOf(month) + 1;
    day = dayFromYmd(Number(y), m, Number(d));
  }
  if (day === null) return { ok: false, diagnostic: diagnostic("P0103", span, { text }) };
  return { ok: true, value: day };
}

/** The contents of `"…"`, with `\"` and `\\` unescaped. */
export function readString(image: string): string {
  return image.slice(1, -1).replace(/\\(["\\])/g, "$1");
}
