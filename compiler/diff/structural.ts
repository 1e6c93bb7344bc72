// Structural diff of two versions of a policy (LANGUAGE.md §11, issue #5):
// inputs, soorten, records, parameters, begrippen, functions, outputs, rules
// and voorwaarden added, removed or changed, matched by name; changed values
// shown old → new (`€ 220 → € 350`, `> 56 → > 35`, `8 weken → 35 dagen`) with
// the articles of the declaration they sit in; a rule renamed without other
// change is reported as a rename. In: two ASTs. Out: a list of changes.

import type * as A from "../syntax/ast.js";
import { printDecl, printExpr, printType } from "../format/print.js";
import { datedDetails } from "./dated.js";

export type ChangeKind = "toegevoegd" | "verwijderd" | "gewijzigd" | "hernoemd";
export type ChangeWhat = "polis" | "soort" | "gegevens" | "invoer" | "voorwaarde" | "parameter" | "begrip" | "functie" | "uitvoer" | "regel" | "voorbeeld" | "eigenschap";

export interface StructuralChange {
  kind: ChangeKind;
  what: ChangeWhat;
  name: string;
  /** For a rename: the new name. */
  newName?: string;
  /** Articles of the declaration (the new version's when it has them). */
  articles: string[];
  /** Concrete value changes, `€ 220 → € 350`, or a description. */
  details: string[];
}

interface Named {
  what: ChangeWhat;
  name: string;
  articles: string[];
  /** Canonical text, for equality. */
  text: string;
  node: A.Decl | A.FieldDecl;
}

function declarations(p: A.Program): Named[] {
  const out: Named[] = [];
  const arts = (as: readonly A.Article[]) => as.map((a) => a.label);
  for (const d of p.declarations) {
    switch (d.kind) {
      case "Soort":
        out.push({ what: "soort", name: d.name, articles: [], text: printDecl(d), node: d });
        break;
      case "Gegevens":
        out.push({ what: "gegevens", name: d.name, articles: [], text: printDecl(d), node: d });
        break;
      case "Invoer":
      case "Uitvoer":
        for (const f of d.fields) out.push({ what: d.kind === "Invoer" ? "invoer" : "uitvoer", name: f.name, articles: [], text: fieldText(f), node: f });
        break;
      case "Voorwaarde":
        out.push({ what: "voorwaarde", name: printExpr(d.condition), articles: [], text: printDecl(d), node: d });
        break;
      case "Parameter":
      case "Begrip":
      case "Functie":
        out.push({ what: d.kind === "Parameter" ? "parameter" : d.kind === "Begrip" ? "begrip" : "functie", name: d.name, articles: arts(d.articles), text: printDecl(d), node: d });
        break;
      case "Tabel":
      case "Regel":
        out.push({ what: "regel", name: d.name, articles: arts(d.articles), text: printDecl(d), node: d });
        break;
      case "Eigenschap":
        // An invariant the authors dropped or changed is worth a line in a change report.
        out.push({ what: "eigenschap", name: d.name, articles: [], text: printDecl(d), node: d });
        break;
      case "Voorbeeld":
        break;
    }
  }
  return out;
}

function fieldText(f: A.FieldDecl): string {
  return printDecl({ kind: "Invoer", fields: [f], span: f.span });
}

/** A literal-like leaf whose value can change while the structure stays. */
function isValue(e: A.Expr): boolean {
  switch (e.kind) {
    case "Number":
    case "Money":
    case "Date":
    case "Text":
    case "Bool":
      return true;
    case "Percent":
    case "Unit":
    case "Neg":
      return isValue(e.operand);
    default:
      return false;
  }
}

const CONTEXT_KEYS = new Set(["span", "opSpan", "fieldSpan", "calleeSpan", "variableSpan", "nameSpan", "text", "file", "targetSpan"]);

/**
 * Walk two trees in parallel. Returns the value changes when they have the same
 * shape and differ only in values (each with its operator as context), or null
 * when the shape itself differs.
 */
function valueChanges(a: unknown, b: unknown, context: string): [string, string][] | null {
  if (a === b) return [];
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a === b ? [] : null;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return null;
    const out: [string, string][] = [];
    for (let i = 0; i < a.length; i++) {
      const c = valueChanges(a[i], b[i], context);
      if (c === null) return null;
      out.push(...c);
    }
    return out;
  }
  const ea = a as A.Expr;
  const eb = b as A.Expr;
  if (typeof ea.kind === "string" && typeof eb.kind === "string" && isValue(ea) && isValue(eb)) {
    const pa = printExpr(ea);
    const pb = printExpr(eb);
    return pa === pb ? [] : [[`${context}${pa}`, `${context}${pb}`]];
  }
  if ("bd" in (a as object) || "bd" in (b as object)) return String(a) === String(b) ? [] : null;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: [string, string][] = [];
  const node = a as Record<string, unknown>;
  for (const k of keys) {
    if (CONTEXT_KEYS.has(k)) continue;
    let ctx = "";
    if (node.kind === "Compare" && k === "right") ctx = `${String(node.op)} `;
    else if (node.kind === "Compare" && k === "left") ctx = "";
    else if (node.kind === "Between" && (k === "low" || k === "high")) ctx = k === "low" ? "tussen " : "en ";
    else if (node.kind === "Arith" && k === "right") ctx = `${String(node.op)} `;
    const c = valueChanges(node[k], (b as Record<string, unknown>)[k], ctx);
    if (c === null) return null;
    out.push(...c);
  }
  return out;
}

function describeChange(a: Named, b: Named): string[] {
  if (a.node.kind === "Field" && b.node.kind === "Field") {
    const details: string[] = [];
    const ta = printType(a.node.type);
    const tb = printType(b.node.type);
    if (ta !== tb) details.push(`type \`${ta}\` → \`${tb}\``);
    const restriction = (f: A.FieldDecl) => (f.restriction ? fieldText({ ...f, default: undefined }).split(`: ${printType(f.type)}`)[1]!.trim() : "geen beperking");
    const ra = restriction(a.node);
    const rb = restriction(b.node);
    if (ra !== rb) {
      const values = valueChanges(a.node.restriction, b.node.restriction, "");
      if (values && values.length > 0) details.push(...values.map(([x, y]) => `${x} → ${y}`));
      else details.push(`beperking \`${ra}\` → \`${rb}\``);
    }
    const da = a.node.default ? printExpr(a.node.default) : undefined;
    const db = b.node.default ? printExpr(b.node.default) : undefined;
    if (da !== db) details.push(`standaard ${da ?? "(geen)"} → ${db ?? "(geen)"}`);
    return details;
  }
  const details: string[] = [];
  if (a.node.kind === "Parameter" && b.node.kind === "Parameter" && (a.node.dated || b.node.dated)) {
    const arts = (d: A.ParameterDecl) => d.articles.map((x) => x.label).join(", ");
    if (arts(a.node) !== arts(b.node)) details.push(`artikel ${arts(a.node) || "(geen)"} → ${arts(b.node) || "(geen)"}`);
    const dated = datedDetails(a.node, b.node, (e) => printExpr(e));
    if (dated.length > 0 || details.length > 0) return [...details, ...dated];
  }
  if (a.node.kind !== "Field" && b.node.kind !== "Field") {
    const arts = (d: A.Decl) => ("articles" in d ? d.articles.map((x) => x.label).join(", ") : "");
    if (arts(a.node) !== arts(b.node)) details.push(`artikel ${arts(a.node) || "(geen)"} → ${arts(b.node) || "(geen)"}`);
    const strip = (d: A.Decl) => ("articles" in d ? { ...d, articles: [] } : d);
    const values = valueChanges(strip(a.node), strip(b.node), "");
    if (values !== null) {
      details.push(...values.map(([x, y]) => `${x} → ${y}`));
      return details;
    }
  }
  details.push(`was:\n${indent(a.text)}\nwordt:\n${indent(b.text)}`);
  return details;
}

function indent(text: string): string {
  return text.split("\n").map((l) => `    ${l}`).join("\n");
}

/** The rule text without its name, to recognize a rename. */
function ruleBody(n: Named): string {
  return n.text.replace(/^regel \S+/, "regel _");
}

export function structuralDiff(oldP: A.Program, newP: A.Program): StructuralChange[] {
  const changes: StructuralChange[] = [];
  const meta = (p: A.Program) => ({
    titel: p.title,
    versie: p.header.version?.text ?? "(geen)",
    geldig: p.header.validity?.text.replace(/^geldig\s+/, "") ?? "(geen)",
    bron: p.header.source?.text ?? "(geen)",
  });
  const ma = meta(oldP);
  const mb = meta(newP);
  const metaDetails = (Object.keys(ma) as (keyof typeof ma)[]).filter((k) => ma[k] !== mb[k]).map((k) => `${k} ${ma[k]} → ${mb[k]}`);
  if (metaDetails.length > 0) changes.push({ kind: "gewijzigd", what: "polis", name: newP.name, articles: [], details: metaDetails });

  const olds = declarations(oldP);
  const news = declarations(newP);
  const key = (n: Named) => `${n.what}:${n.name}`;
  const newByKey = new Map(news.map((n) => [key(n), n]));
  const oldByKey = new Map(olds.map((n) => [key(n), n]));
  const removed = olds.filter((n) => !newByKey.has(key(n)));
  const added = news.filter((n) => !oldByKey.has(key(n)));

  // Renamed rules: same body, other name.
  const renamed = new Set<Named>();
  for (const r of removed) {
    if (r.what !== "regel") continue;
    const match = added.find((a) => a.what === "regel" && !renamed.has(a) && ruleBody(a) === ruleBody(r));
    if (match) {
      renamed.add(r);
      renamed.add(match);
      changes.push({ kind: "hernoemd", what: "regel", name: r.name, newName: match.name, articles: match.articles, details: [] });
    }
  }
  for (const a of olds) {
    const b = newByKey.get(key(a));
    if (b && a.text !== b.text) changes.push({ kind: "gewijzigd", what: a.what, name: a.name, articles: b.articles.length > 0 ? b.articles : a.articles, details: describeChange(a, b) });
  }
  for (const r of removed) if (!renamed.has(r)) changes.push({ kind: "verwijderd", what: r.what, name: r.name, articles: r.articles, details: [] });
  for (const a of added) if (!renamed.has(a)) changes.push({ kind: "toegevoegd", what: a.what, name: a.name, articles: a.articles, details: [] });
  return changes;
}
