// Case files: the words of input error messages. In: a JSON value as given
// or a TypeDesc. Out: short Dutch descriptions (`de tekst "abc"`, `een datum`)
// and examples of the expected form, for P07xx messages and their hints.

import { isLosslessNumber } from "lossless-json";
import type { TypeDesc } from "./types.js";

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v) || isLosslessNumber(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function shorten(s: string, max = 40): string {
  return s.length > max ? s.slice(0, max) + "…" : s;
}

export function quote(s: string): string {
  return JSON.stringify(shorten(s));
}

/** A given JSON scalar as the user wrote it, shortened. */
export function show(v: unknown): string {
  if (typeof v === "string") return quote(v);
  if (isLosslessNumber(v)) return shorten(v.value);
  return describe(v);
}

/** What was given, in a few words: `"abc"`, `12`, `een lijst`. */
export function describe(v: unknown): string {
  if (v === undefined) return "leeg";
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return `de tekst ${quote(v)}`;
  if (typeof v === "number" || typeof v === "bigint") return `het getal ${shorten(String(v))}`;
  if (isLosslessNumber(v)) return `het getal ${shorten(v.value)}`;
  if (Array.isArray(v)) return "een lijst";
  if (isPlainObject(v)) return "een object";
  return "een onbekende waarde";
}

export function typeNoun(t: TypeDesc): string {
  switch (t.k) {
    case "bedrag":
      return "een bedrag";
    case "getal":
      return "een getal";
    case "aantal":
      return "een aantal";
    case "percentage":
      return "een percentage";
    case "datum":
      return "een datum";
    case "duur":
      return "een duur";
    case "periode":
      return "een periode";
    case "janee":
      return "true of false";
    case "tekst":
      return "een tekst";
    case "soort":
      return `een waarde van soort \`${t.name}\``;
    case "record":
      return `een object \`${t.name}\``;
    case "lijst":
      return "een lijst";
  }
}

export function example(t: TypeDesc): string {
  switch (t.k) {
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
      return t.values.length > 0 && t.values.length <= 12
        ? `mogelijke waarden: ${t.values.map((n) => `\`${n}\``).join(", ")}`
        : "schrijf de naam van de waarde als tekst";
    case "record":
      return `schrijf een object met de velden ${t.fields.map((f) => `\`${f.name}\``).join(", ")}`;
    case "lijst":
      return `schrijf een lijst: [${t.elem.k === "record" ? "{…}, {…}" : "…"}]`;
  }
}