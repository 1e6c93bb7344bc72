// `polis diff` reports: readable text (optionally coloured), JSON, markdown.
// In: the structural changes and the semantic result of one pair of
// versions. Out: text. Deterministic: the same inputs give the same report.

import { styleText } from "node:util";
import type { Policy } from "../ir/ir.js";
import type { StructuralChange } from "./structural.js";
import { showOutput, type Outcome, type SemanticResult } from "./semantic.js";

export interface DiffPair {
  name: string;
  oldFile: string;
  newFile: string;
  oldPolicy: Policy;
  newPolicy: Policy;
  structural: StructuralChange[];
  semantic: SemanticResult;
}

const SAMPLE_NOTE = "gevallen gegenereerd met nadruk op de grenswaarden van beide versies: een maat voor hoe breed de wijziging werkt, geen afspiegeling van het verzekerdenbestand";

function percent(f: number): string {
  const p = f * 100;
  const text = p === 0 || p >= 10 || p === 100 ? p.toFixed(0) : p < 0.1 ? p.toFixed(2) : p.toFixed(1);
  return `${text.replace(".", ",")} %`;
}

function count(n: number): string {
  return n.toLocaleString("nl-NL");
}

function articles(as: readonly string[]): string {
  return as.length > 0 ? ` (artikel ${as.join(", ")})` : "";
}

function describeChange(c: StructuralChange): string {
  if (c.kind === "hernoemd") return `${c.what} \`${c.name}\` hernoemd tot \`${c.newName}\`${articles(c.articles)}`;
  return `${c.what} \`${c.name}\` ${c.kind}${articles(c.articles)}`;
}

function outcomeText(policy: Policy, o: Outcome, outputs: readonly string[]): string {
  if ("fout" in o) return `fout ${o.fout.code}: ${o.fout.bericht}`;
  return outputs.map((name) => `${name} ${showOutput(policy, name, o.outputs)}`).join(", ");
}

function inputText(input: Record<string, unknown>): string {
  return Object.entries(input).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(", ");
}

export function renderText(pairs: readonly DiffPair[], color = false): string {
  const paint = (style: Parameters<typeof styleText>[0], s: string) => (color ? styleText(style, s, { validateStream: false }) : s);
  const out: string[] = [];
  for (const p of pairs) {
    out.push(paint("bold", `polis ${p.name}: ${p.oldFile} → ${p.newFile}`));
    out.push("");
    out.push(paint("bold", "Structureel"));
    if (p.structural.length === 0) out.push("  geen wijzigingen in de declaraties");
    for (const c of p.structural) {
      const mark = c.kind === "toegevoegd" ? paint("green", "+") : c.kind === "verwijderd" ? paint("red", "-") : paint("yellow", "~");
      out.push(`  ${mark} ${describeChange(c)}`);
      for (const d of c.details) out.push(...d.split("\n").map((l, i) => `      ${i === 0 ? "" : ""}${l}`));
    }
    out.push("");
    out.push(paint("bold", "Semantisch"));
    const s = p.semantic;
    if (s.inputsOnlyOld.length + s.inputsOnlyNew.length > 0) {
      out.push(`  invoer alleen in de oude versie: ${s.inputsOnlyOld.join(", ") || "geen"}; alleen in de nieuwe: ${s.inputsOnlyNew.join(", ") || "geen"}`);
    }
    const differing = Object.entries(s.differs).filter(([, f]) => f > 0);
    if (differing.length === 0 && s.witnesses.length === 0) {
      out.push(`  geen verschil gevonden: ${count(s.searched)} geldige gevallen geprobeerd, plus gerichte zoektochten langs de grenswaarden van beide versies`);
    } else {
      for (const [name, f] of Object.entries(s.differs)) {
        out.push(`  ${name} verschilt in ${percent(f)} van ${count(s.searched)} gevallen`);
      }
      out.push(`  (${SAMPLE_NOTE})`);
      s.witnesses.forEach((w, i) => {
        out.push("");
        out.push(`  ${paint("bold", `Geval ${i + 1}`)} (${w.change}):`);
        if (w.oldInput && w.newInput) {
          out.push(`    invoer oud:   ${inputText(w.oldInput)}`);
          out.push(`    invoer nieuw: ${inputText(w.newInput)}`);
        } else out.push(`    invoer: ${inputText(w.input)}`);
        out.push(`    oud:   ${outcomeText(p.oldPolicy, w.old, w.outputs)}`);
        out.push(`    nieuw: ${outcomeText(p.newPolicy, w.new, w.outputs)}`);
        if (w.because.length > 0) out.push(`    want:  ${w.because.join("; ")}`);
        for (const r of w.rules) {
          out.push(`    ${r.output}: oud volgens ${r.old.join("; ") || "(geen regel)"}`);
          out.push(`    ${" ".repeat(r.output.length)}  nieuw volgens ${r.new.join("; ") || "(geen regel)"}`);
        }
      });
    }
    out.push("");
  }
  return out.join("\n");
}

export function renderJson(pairs: readonly DiffPair[]): string {
  const one = (p: DiffPair) => ({
    polis: p.name,
    old: p.oldFile,
    new: p.newFile,
    structural: p.structural,
    semantic: {
      searched: p.semantic.searched,
      differs: p.semantic.differs,
      witnesses: p.semantic.witnesses,
      inputsOnlyOld: p.semantic.inputsOnlyOld,
      inputsOnlyNew: p.semantic.inputsOnlyNew,
    },
  });
  return JSON.stringify(pairs.length === 1 ? one(pairs[0]!) : pairs.map(one), null, 2) + "\n";
}

function md(s: string): string {
  return s.replace(/\|/g, "\\|");
}

export function renderMarkdown(pairs: readonly DiffPair[]): string {
  const out: string[] = [];
  for (const p of pairs) {
    const o = p.oldPolicy.metadata;
    const n = p.newPolicy.metadata;
    out.push(`# Wijzigingen in ${n.title}`);
    out.push("");
    out.push(`Polis \`${p.name}\`: versie ${o.version ?? "?"} (\`${p.oldFile}\`) → versie ${n.version ?? "?"} (\`${p.newFile}\`).`);
    out.push("");
    out.push("## Wat er in de tekst veranderde");
    out.push("");
    if (p.structural.length === 0) out.push("Geen wijzigingen in de declaraties.");
    else {
      out.push("| wijziging | details |");
      out.push("|---|---|");
      const long: StructuralChange[] = [];
      for (const c of p.structural) {
        const short = c.details.filter((d) => !d.includes("\n"));
        if (short.length < c.details.length) long.push(c);
        out.push(`| ${md(describeChange(c))} | ${md(short.join("; ")) || (short.length < c.details.length ? "zie hieronder" : "")} |`);
      }
      for (const c of long) {
        out.push("");
        out.push(`### ${describeChange(c)}`);
        for (const d of c.details.filter((x) => x.includes("\n"))) {
          const [was, wordt] = d.replace(/^was:\n/, "").split(/\nwordt:\n/) as [string, string | undefined];
          out.push("", "Was:", "", "```polis", dedent(was), "```", "", "Wordt:", "", "```polis", dedent(wordt ?? ""), "```");
        }
      }
    }
    out.push("");
    out.push("## Voor wie de uitkomst verandert");
    out.push("");
    const s = p.semantic;
    const differing = Object.entries(s.differs).filter(([, f]) => f > 0);
    if (differing.length === 0 && s.witnesses.length === 0) {
      out.push(`Geen verschil gevonden in ${count(s.searched)} geldige gevallen en de gerichte zoektochten langs de grenswaarden.`);
    } else {
      out.push(`In een steekproef van ${count(s.searched)} geldige gevallen (${SAMPLE_NOTE}):`);
      out.push("");
      out.push("| uitvoer | verschilt in |");
      out.push("|---|---|");
      for (const [name, f] of Object.entries(s.differs)) out.push(`| \`${name}\` | ${percent(f)} |`);
      s.witnesses.forEach((w, i) => {
        out.push("");
        out.push(`### Geval ${i + 1}: ${w.change}`);
        out.push("");
        if (w.oldInput && w.newInput) {
          out.push("De versies hebben verschillende invoer. Oud:", "", "```json", JSON.stringify(w.oldInput, null, 2), "```", "", "Nieuw:", "", "```json", JSON.stringify(w.newInput, null, 2), "```");
        } else out.push("```json", JSON.stringify(w.input, null, 2), "```");
        if (w.because.length > 0) out.push("", `Want: ${w.because.map((b) => `\`${b}\``).join("; ")}.`);
        out.push("");
        out.push("| uitvoer | oud | nieuw | regels (oud → nieuw) |");
        out.push("|---|---|---|---|");
        for (const name of w.outputs) {
          const r = w.rules.find((x) => x.output === name);
          out.push(`| \`${name}\` | ${md(outcomeText(p.oldPolicy, w.old, [name]).replace(`${name} `, ""))} | ${md(outcomeText(p.newPolicy, w.new, [name]).replace(`${name} `, ""))} | ${md((r?.old ?? []).join("; "))} → ${md((r?.new ?? []).join("; "))} |`);
        }
      });
    }
    out.push("");
  }
  return out.join("\n");
}

function dedent(text: string): string {
  const lines = text.split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
