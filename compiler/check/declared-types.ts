// Declared types (LANGUAGE.md §3): a type as written (`bedrag`, `lijst van
// Zitting`, a `soort` or `gegevens` name) → its IR type, and the beperking of
// a field → the runtime restriction. In: type references of the AST. Out: IR
// types, with P0303 (unknown type), P0416 (gegevens that contain themselves)
// and P0408/P0411 (a beperking that does not fit) reported.

import { suggest } from "../../runtime/diagnostic.js";
import type { Restriction } from "../../runtime/types.js";
import type { PolisTypeName } from "../../stdlib/index.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { evalConstant } from "../ir/constant.js";
import { report, type CheckContext } from "./context.js";
import { checkExpr, EMPTY_SCOPE } from "./expressions.js";
import { domainOf, ordered } from "./operators.js";
import { AANTAL, BEDRAG, DATUM, FOUT, GETAL, JANEE, PERCENTAGE, PERIODE, TEKST, containsError, typeName } from "./types.js";

const BUILTIN = ["bedrag", "getal", "aantal", "percentage", "datum", "duur", "periode", "janee", "tekst"];

export function resolveType(cx: CheckContext, ref: A.TypeRef): IR.Type {
  switch (ref.kind) {
    case "BuiltinType":
      return builtinType(ref.name);
    case "ListType":
      return { k: "lijst", elem: resolveType(cx, ref.element) };
    case "NamedType":
      return namedType(cx, ref);
  }
}

function builtinType(name: string): IR.Type {
  switch (name) {
    case "bedrag": return BEDRAG;
    case "getal": return GETAL;
    case "aantal": return AANTAL;
    case "percentage": return PERCENTAGE;
    case "datum": return DATUM;
    case "duur": return { k: "duur", unit: null };
    case "periode": return PERIODE;
    case "janee": return JANEE;
    case "tekst": return TEKST;
  }
  return FOUT;
}

function namedType(cx: CheckContext, ref: Extract<A.TypeRef, { kind: "NamedType" }>): IR.Type {
  const sym = cx.symbols.types.get(ref.name);
  if (!sym) {
    report(cx, "P0303", ref.span, { name: ref.name, suggestions: suggest(ref.name, [...cx.symbols.types.keys(), ...BUILTIN]) });
    return FOUT;
  }
  if (sym.kind === "soort") return { k: "soort", name: sym.decl.name, values: sym.decl.values.map((v) => v.name) };
  if (cx.resolvingRecords.has(ref.name)) {
    // A record that contains itself would make every case infinite (found by a test author).
    report(cx, "P0416", ref.span, { name: ref.name });
    return FOUT;
  }
  const cached = cx.records.get(ref.name);
  if (cached) return cached;
  const fields: { name: string; type: IR.Type; restriction?: Restriction; optional?: boolean }[] = [];
  const t: IR.Type = { k: "record", name: sym.decl.name, fields };
  cx.records.set(ref.name, t);
  cx.resolvingRecords.add(ref.name);
  // A record field may be `optioneel` like an input (issue 19).
  for (const f of sym.decl.fields) fields.push({ name: f.name, type: resolveType(cx, f.type), ...(f.optional ? { optional: true } : {}) });
  cx.resolvingRecords.delete(ref.name);
  // Beperkingen on record fields hold for every element (found by a policy author).
  sym.decl.fields.forEach((f, i) => {
    const field = fields[i]!;
    if (!f.restriction || containsError(field.type)) return;
    const r = restrictionOf(cx, f, field.type);
    if (r) field.restriction = r;
  });
  return t;
}

/** The declared type of an input, parameter, begrip or output, resolved once. */
export function typeOfDecl(cx: CheckContext, kind: "input" | "parameter" | "begrip" | "output", name: string): IR.Type {
  const key = `${kind}:${name}`;
  const cached = cx.declTypes.get(key);
  if (cached) return cached;
  const sym = cx.symbols.values.get(name)!;
  let t: IR.Type = FOUT;
  if (sym.kind === "input" || sym.kind === "output" || sym.kind === "parameter" || sym.kind === "begrip") t = resolveType(cx, sym.decl.type);
  cx.declTypes.set(key, t);
  return t;
}

/** The IR type of a stdlib signature's type name. */
export function stdType(name: PolisTypeName): IR.Type {
  return name === "lijst van periode" ? { k: "lijst", elem: PERIODE } : builtinType(name);
}

/** A field's beperking (`vanaf 0`, `tussen 1 en 12`, `uit a, b`) as a runtime restriction of constants. */
export function restrictionOf(cx: CheckContext, f: A.FieldDecl, t: IR.Type): Restriction | undefined {
  const r = f.restriction;
  if (!r) return undefined;
  const constant = (x: A.Expr): unknown => {
    const ir = checkExpr(cx, x, t, EMPTY_SCOPE, f.name);
    if (ir.type.k === "fout") return undefined;
    const v = evalConstant(ir);
    if (v === undefined) report(cx, "P0411", x.span, { reason: "gebruik een vaste waarde" });
    return v;
  };
  if (r.kind === "OneOf") {
    if (!domainOf(t)) report(cx, "P0408", r.span, { what: "uit", type: `het type ${typeName(t)}` });
    return { oneOf: r.values.map(constant), text: r.text };
  }
  if (!ordered(t) && (t as IR.Type).k !== "fout") {
    report(cx, "P0408", r.span, { what: restrictionWord(r.text), type: `het type ${typeName(t)}` });
    return undefined;
  }
  const out: Restriction = { text: r.text };
  if (r.min) out.min = constant(r.min);
  if (r.max) out.max = constant(r.max);
  return out;
}

/** The keyword a beperking starts with, as the author wrote it: `vanaf`, `tot en met`, `tussen`, `uit`. */
export function restrictionWord(text: string): string {
  return /^tot\s+en\s+met\b/.test(text) ? "tot en met" : text.split(/\s/)[0] ?? "";
}
