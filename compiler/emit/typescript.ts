// IR policy → a TypeScript module for `polis build`, built with ts-morph and
// formatted with prettier. The evaluation code is the same generator's
// (emit/generate.ts, TypeScript mode); ts-morph assembles the module around it:
// the header, the runtime imports, and the public `Input`/`Output` types in
// the case-file encodings of LANGUAGE.md §10.

import { Project, StructureKind, type OptionalKind, type PropertySignatureStructure } from "ts-morph";
import * as prettier from "prettier";
import type { LoweredPolicy, Type } from "../ir/ir.js";
import { generate, ident, str } from "./generate.js";

/** The case-file encoding of an input (what `evaluate` accepts). */
function inputType(t: Type): string {
  switch (t.k) {
    case "bedrag": case "getal": case "percentage": return "string | number";
    case "aantal": return "number | string";
    case "datum": return "string";
    case "duur": return "{ dagen: number } | { weken: number } | { maanden: number } | { jaren: number }";
    case "periode": return "{ van: string; tot_en_met: string } | null";
    case "janee": return "boolean";
    case "tekst": return "string";
    case "soort": return ident("Soort_", t.name);
    case "record": return `{ ${t.fields.map((f) => `${str(f.name)}: ${inputType(f.type)}`).join("; ")} }`;
    case "lijst": return `ReadonlyArray<${inputType(t.elem)}>`;
    case "fout": return "never";
  }
}

/** The output encoding (what `evaluate` returns). */
function outputType(t: Type): string {
  switch (t.k) {
    case "bedrag": case "getal": case "percentage": return "string";
    case "aantal": return "number | string"; // a string above 2^53 - 1 (runtime/case-encode.ts)
    case "datum": return "string";
    case "duur": return "{ dagen: number } | { maanden: number }";
    case "periode": return "{ van: string; tot_en_met: string } | null";
    case "janee": return "boolean";
    case "tekst": return "string";
    case "soort": return ident("Soort_", t.name);
    case "record": return `{ ${t.fields.map((f) => `${str(f.name)}: ${outputType(f.type)}`).join("; ")} }`;
    case "lijst": return `Array<${outputType(t.elem)}>`;
    case "fout": return "never";
  }
}

export interface EmitOptions {
  /** Import path of the runtime index from this module, e.g. "../runtime/index.js". */
  runtimeImport: string;
  /** Import path of the stdlib from this module. */
  stdlibImport: string;
  /** The source file, as shown in the header. */
  sourcePath: string;
}

/** The Polis type as an author writes it: `bedrag`, `lijst van Zitting`. */
function polisType(t: Type): string {
  switch (t.k) {
    case "soort": case "record": return t.name;
    case "lijst": return `lijst van ${polisType(t.elem)}`;
    default: return t.k;
  }
}

/** Text inside a JSDoc comment: `*\/` cannot close it, line breaks stay inside. */
function docText(s: string): string {
  return s.replace(/\*\//g, "*\\/").replace(/[\r\n\u2028\u2029]+/g, " ");
}

function inputDoc(i: LoweredPolicy["inputs"][number]): string {
  const parts = [`\`${polisType(i.type)}\``];
  if (i.desc.restriction) parts.push(`beperking: ${i.desc.restriction.text}`);
  if (i.optional) parts.push("optioneel: mag ontbreken of null zijn");
  return docText(`Invoer \`${i.name}\`: ${parts.join("; ")}.`);
}

function outputDoc(policy: LoweredPolicy, o: LoweredPolicy["outputs"][number]): string {
  const rules = o.rules.map((i) => policy.rules[i]!);
  const articles = [...new Set(rules.flatMap((r) => r.articles))];
  const parts = [`\`${polisType(o.type)}\``];
  if (rules.length > 0) parts.push(`${rules.length === 1 ? "regel" : "regels"} ${rules.map((r) => `\`${r.name}\``).join(", ")}`);
  if (articles.length > 0) parts.push(`${articles.length === 1 ? "artikel" : "artikelen"} ${articles.join(", ")}`);
  if (o.default) parts.push("met een standaardwaarde");
  return docText(`Uitvoer \`${o.name}\`: ${parts.join("; ")}.`);
}

export async function emitModule(policy: LoweredPolicy, options: EmitOptions): Promise<string> {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile("module.ts", "", { overwrite: true });
  file.addImportDeclaration({ namespaceImport: "R", moduleSpecifier: options.runtimeImport });
  file.addImportDeclaration({ namespaceImport: "S", moduleSpecifier: options.stdlibImport });
  const prop = (name: string, type: string): OptionalKind<PropertySignatureStructure> => ({ name: str(name), type, isReadonly: true });
  file.addInterface({
    kind: StructureKind.Interface,
    name: "Input",
    isExported: true,
    docs: ["A case, in the case-file encoding (LANGUAGE.md §10). Pass numbers as decimal strings to keep them exact."],
    properties: policy.inputs.map((i) => ({
      ...(i.optional ? { ...prop(i.name, `${inputType(i.type)} | null`), hasQuestionToken: true } : prop(i.name, inputType(i.type))),
      docs: [inputDoc(i)],
    })),
  });
  file.addInterface({
    kind: StructureKind.Interface,
    name: "Output",
    isExported: true,
    docs: ["The decision, in the output encoding (LANGUAGE.md §10), in declaration order."],
    properties: policy.outputs.map((o) => ({ ...prop(o.name, outputType(o.type)), docs: [outputDoc(policy, o)] })),
  });
  file.addStatements(generate(policy, { ts: true }).code);
  const header = `// Generated by polis from ${options.sourcePath.replace(/[\r\n\u2028\u2029]/g, " ")}. Do not edit.\n`;
  const text = header + file.getFullText();
  return prettier.format(text, { parser: "typescript", printWidth: 100 });
}
