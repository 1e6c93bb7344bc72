// Hover: what a name is, in the author's terms — its kind and type, the
// articles it implements, the value of a parameter, the comment above its
// declaration — and the signature of a standard-library function.

import type { Analysis } from "./analysis.js";
import { occurrenceAt, typeText, type Def, type DefKind } from "./symbols.js";
import { STDLIB_BY_NAME } from "../stdlib/index.js";
import { STDLIB_DOCS, stdlibSignature } from "./stdlib-docs.js";

export const KIND_WORD: Record<DefKind, string> = {
  input: "invoer",
  output: "uitvoer",
  parameter: "parameter",
  begrip: "begrip",
  functie: "functie",
  soort: "soort",
  gegevens: "gegevens",
  soortValue: "soortwaarde",
  field: "veld",
  rule: "regel",
  param: "parameter van een functie",
  variable: "variabele",
  voorbeeld: "voorbeeld",
  eigenschap: "eigenschap",
};

export interface HoverText {
  markdown: string;
  start: number;
  end: number;
}

export function hoverAt(a: Analysis, offset: number): HoverText | undefined {
  if (!a.index) return undefined;
  const occ = occurrenceAt(a.index, offset);
  if (occ) return { markdown: describe(a, occ.def), start: occ.span.start, end: occ.span.end };
  const call = a.index.stdlibCalls.find((c) => c.span.start <= offset && offset <= c.span.end);
  if (call) {
    const md = stdlibMarkdown(call.name);
    if (md) return { markdown: md, start: call.span.start, end: call.span.end };
  }
  return undefined;
}

export function stdlibMarkdown(name: string): string | undefined {
  const entry = STDLIB_BY_NAME.get(name);
  if (!entry) return undefined;
  const doc = STDLIB_DOCS[name];
  const lines = ["```polis", stdlibSignature(entry), "```", "", `*standaardfunctie* — ${doc?.text ?? ""}`];
  if (doc) lines.push("", "```polis", doc.example, "```");
  return lines.join("\n");
}

/** The first line of a hover, as Polis: `invoer kosten: bedrag`. */
export function signature(a: Analysis, def: Def): string {
  const kind = KIND_WORD[def.kind];
  switch (def.kind) {
    case "functie": {
      const decl = def.decl?.kind === "Functie" ? def.decl : undefined;
      const params = decl?.params.map((p) => `${p.name}: ${typeText(p.type)}`).join(", ") ?? "";
      return `functie ${def.name}(${params}): ${typeText(def.type)}`;
    }
    case "rule":
      return `regel ${def.name}`;
    case "soort": {
      const decl = def.decl?.kind === "Soort" ? def.decl : undefined;
      return `soort ${def.name}: ${decl?.values.map((v) => v.name).join(", ") ?? ""}`;
    }
    case "gegevens":
      return `gegevens ${def.name}`;
    case "soortValue":
      return `${def.name} (soortwaarde van ${def.owner})`;
    case "field":
      return `${def.owner}.${def.name}: ${typeText(def.type)}`;
    case "parameter":
    case "begrip": {
      const value = def.value ? a.text.slice(def.value.span.start, def.value.span.end) : "";
      return `${kind} ${def.name}: ${typeText(def.type)} = ${value}`;
    }
    case "input":
      return `invoer ${def.name}: ${typeText(def.type)}${def.optional ? " optioneel" : ""}`;
    default:
      return `${kind} ${def.name}: ${typeText(def.type)}`;
  }
}

function describe(a: Analysis, def: Def): string {
  const lines = ["```polis", signature(a, def), "```"];
  if (def.kind === "gegevens" && def.decl?.kind === "Gegevens") {
    lines.splice(2, 0, ...def.decl.fields.map((f) => `  ${f.name}: ${typeText(f.type)}`));
  }
  const about: string[] = [`*${KIND_WORD[def.kind]}*`];
  if (def.articles && def.articles.length > 0) about.push(`artikel ${def.articles.map((x) => x.label).join(", ")}`);
  if (def.kind === "parameter" && def.value) about.push(`waarde: \`${a.text.slice(def.value.span.start, def.value.span.end)}\``);
  lines.push("", about.join(" — "));
  const comment = commentOf(a, def);
  if (comment) lines.push("", comment);
  return lines.join("\n");
}

/** The comment lines right above a declaration, and a comment at the end of its first line. */
export function commentOf(a: Analysis, def: Def): string | undefined {
  const line = def.declSpan.line;
  const comments = a.comments();
  const above: string[] = [];
  let want = line - 1;
  for (let i = comments.length - 1; i >= 0; i--) {
    const c = comments[i]!;
    const l = c.startLine ?? 0;
    if (l > want) {
      if (l === line && c.startOffset > def.span.start) above.push(strip(c.image));
      continue;
    }
    if (l < want) break;
    // Only a comment alone on its line belongs to the declaration below.
    const lineStart = a.text.lastIndexOf("\n", c.startOffset - 1) + 1;
    if (a.text.slice(lineStart, c.startOffset).trim() !== "") break;
    above.unshift(strip(c.image));
    want--;
  }
  const text = above.join("\n").trim();
  return text === "" ? undefined : text;
}

function strip(comment: string): string {
  return comment.replace(/^#\s?/, "").trimEnd();
}
