// Case files: the words of input error messages. In: a JSON value as given
// or a TypeDesc. Out: short Dutch descriptions (`de tekst "abc"`, `een datum`)
// and the expected form of a value, for P07xx messages and their hints.

import { isLosslessNumber } from "lossless-json";
import type { CaseForm } from "./messages.js";
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

/** The form of a value of this type, for a hint's example (the catalog words it: runtime/messages.ts). */
export function formOf(t: TypeDesc): CaseForm {
  switch (t.k) {
    case "soort":
      return { type: "soort", values: t.values };
    case "record":
      return { type: "record", fields: t.fields.map((f) => f.name) };
    case "lijst":
      return { type: "lijst", ofRecords: t.elem.k === "record" };
    default:
      return { type: t.k };
  }
}
