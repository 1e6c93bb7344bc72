// Completion: after `naam.` the fields of its gegevens; elsewhere keywords,
// the names in scope (with local function parameters and aggregation
// variables), soort values, rule names and the standard library. While the
// author types the file often does not parse: names then come from the last
// analysis that did.

import { CompletionItemKind, InsertTextFormat, type CompletionItem } from "vscode-languageserver";
import { KEYWORD_WORDS } from "../grammar/tokens.js";
import { STDLIB } from "../stdlib/index.js";
import type { Analysis } from "./analysis.js";
import { KIND_WORD, signature, stdlibMarkdown } from "./hover.js";
import { typeText, type Def, type DefKind, type SymbolIndex } from "./symbols.js";
import { stdlibSignature } from "./stdlib-docs.js";

const MULTI_WORD = ["tot en met", "er is een", "voor alle", "afgerond op", "naar beneden afgerond op", "naar boven afgerond op", "is bekend", "uitzondering op", "verwacht fout"];

const ITEM_KIND: Record<DefKind, CompletionItemKind> = {
  input: CompletionItemKind.Field,
  output: CompletionItemKind.Property,
  parameter: CompletionItemKind.Constant,
  begrip: CompletionItemKind.Variable,
  functie: CompletionItemKind.Function,
  soort: CompletionItemKind.Enum,
  gegevens: CompletionItemKind.Struct,
  soortValue: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Field,
  rule: CompletionItemKind.Class,
  param: CompletionItemKind.Variable,
  variable: CompletionItemKind.Variable,
  voorbeeld: CompletionItemKind.Event,
  eigenschap: CompletionItemKind.Event,
};

/**
 * @param a the current analysis, @param last the last one with a symbol index
 * (the same when the file parses), @param offset the cursor.
 */
export function complete(a: Analysis, last: Analysis | undefined, offset: number): CompletionItem[] {
  const source = a.index ? a : last;
  const index = source?.index;
  const before = a.text.slice(a.text.lastIndexOf("\n", offset - 1) + 1, offset);
  const member = /([\p{L}_][\p{L}\p{M}\p{N}_]*)\s*\.\s*[\p{L}\p{M}\p{N}_]*$/u.exec(before);
  if (member) return index && source ? fieldItems(source, index, member[1]!, offset) : [];
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: CompletionItem) => {
    if (seen.has(item.label)) return;
    seen.add(item.label);
    items.push(item);
  };
  if (index && source) {
    for (const def of index.defs) {
      if (def.kind === "field") continue;
      if ((def.kind === "param" || def.kind === "variable") && !inScope(source, def, offset)) continue;
      add({ label: def.name, kind: ITEM_KIND[def.kind], detail: signature(source, def), labelDetails: { description: KIND_WORD[def.kind] } });
    }
  }
  for (const f of STDLIB) {
    add({
      label: f.name,
      kind: CompletionItemKind.Function,
      detail: stdlibSignature(f),
      documentation: { kind: "markdown", value: stdlibMarkdown(f.name) ?? "" },
      insertText: `${f.name}($1)`,
      insertTextFormat: InsertTextFormat.Snippet,
    });
  }
  for (const k of [...KEYWORD_WORDS, ...MULTI_WORD]) add({ label: k, kind: CompletionItemKind.Keyword });
  return items;
}

/** A local is offered inside the declaration (function) or aggregation that binds it. */
function inScope(a: Analysis, def: Def, offset: number): boolean {
  if (def.kind === "param") {
    const fn = a.program?.declarations.find((d) => d.kind === "Functie" && d.name === def.owner);
    return fn !== undefined && fn.span.start <= offset && offset <= fn.span.end + 1;
  }
  return def.declSpan.start <= offset && offset <= def.declSpan.end + 1;
}

function fieldItems(a: Analysis, index: SymbolIndex, name: string, offset: number): CompletionItem[] {
  const candidates = index.defs.filter((d) => d.name === name && (d.kind !== "param" && d.kind !== "variable" ? true : inScope(a, d, offset)));
  const local = candidates.find((d) => d.kind === "param" || d.kind === "variable");
  const def = local ?? candidates.find((d) => d.kind !== "field") ?? candidates[0];
  const type = def?.type?.kind === "ListType" ? undefined : def?.type;
  if (type?.kind !== "NamedType") return [];
  const fields = index.fields.get(type.name);
  if (!fields) return [];
  return [...fields.values()].map((f) => ({
    label: f.name,
    kind: CompletionItemKind.Field,
    detail: `${f.owner}.${f.name}: ${typeText(f.type)}`,
  }));
}
