// Types of the checker (LANGUAGE.md §3) and their Dutch names for messages.

import type { Type } from "../ir/ir.js";

export const BEDRAG: Type = { k: "bedrag" };
export const GETAL: Type = { k: "getal" };
export const AANTAL: Type = { k: "aantal" };
export const PERCENTAGE: Type = { k: "percentage" };
export const DATUM: Type = { k: "datum" };
export const PERIODE: Type = { k: "periode" };
export const JANEE: Type = { k: "janee" };
export const TEKST: Type = { k: "tekst" };
export const FOUT: Type = { k: "fout" };
export const DUUR_DAGEN: Type = { k: "duur", unit: "dagen" };
export const DUUR_MAANDEN: Type = { k: "duur", unit: "maanden" };
export const DUUR_ANY: Type = { k: "duur", unit: null };

export function isNumeric(t: Type): boolean {
  return t.k === "bedrag" || t.k === "getal" || t.k === "aantal" || t.k === "percentage";
}

export function typeName(t: Type): string {
  switch (t.k) {
    case "soort":
    case "record":
      return `\`${t.name}\``;
    case "lijst":
      return `\`lijst van ${typeName(t.elem).replace(/`/g, "")}\``;
    case "duur":
      // `18 jaar` is a duration in months inside; the author wrote years (issue 13).
      return t.unit === null ? "`duur`" : `een \`duur\` in ${t.unit === "maanden" ? "maanden of jaren" : "dagen of weken"}`;
    case "fout":
      return "een fout";
    default:
      return `\`${t.k}\``;
  }
}

/**
 * A type with an error anywhere inside it (`lijst van Onbekend`, a record with
 * a field of an unknown type). The error was reported where the type was
 * written; such a type never reaches the IR.
 */
export function containsError(t: Type, seen: Set<Type> = new Set()): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  switch (t.k) {
    case "fout":
      return true;
    case "lijst":
      return containsError(t.elem, seen);
    case "record":
      return t.fields.some((f) => containsError(f.type, seen));
    default:
      return false;
  }
}

/** Exactly the same type (a duur of unknown unit matches any duur). */
export function sameType(a: Type, b: Type): boolean {
  if (a.k === "fout" || b.k === "fout") return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "soort":
    case "record":
      return a.name === (b as { name: string }).name;
    case "lijst":
      return sameType(a.elem, (b as { elem: Type }).elem);
    case "duur": {
      const u = (b as { unit: string | null }).unit;
      return a.unit === null || u === null || a.unit === u;
    }
    default:
      return true;
  }
}
