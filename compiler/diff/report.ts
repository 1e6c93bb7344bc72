// `polis diff` reports: readable text (optionally coloured), JSON, markdown.
// In: the structural changes and the semantic result of one pair of
// versions. Out: text. Deterministic: the same inputs give the same report.

import { styleText } from "node:util";
import type { Policy } from "../ir/ir.js";
import type { StructuralChange } from "./structural.js";
import { showOutput, type Outcome, type SemanticResult, type Witness } from "./semantic.js";
import { sharePercent, summarize, textBar, type WordPart } from "./summary.js";
import { byArticle } from "./articles.js";
import type { EquivalenceProof } from "../proofs/diff.js";
import { proofReportLines } from "../proofs/report.js";

export interface DiffPair {
  name: string;
  oldFile: string;
  newFile: string;
  oldPolicy: Policy;
  newPolicy: Policy;
  structural: StructuralChange[];
  semantic: SemanticResult;
  /** Per shared output, what the solver proved (issue 18); absent when proofs were not run. */
  proofs?: EquivalenceProof[];
}

const SAMPLE_NOTE = "gevallen gegenereerd met nadruk op de grenswaarden van beide versies: een maat voor hoe breed de wijziging werkt, geen afspiegeling van het verzekerdenbestand";

const percent = sharePercent;

/** A changed value the rules read, as a reader sees it: `verplicht_per_jaar: € 220 → € 350`. */
export function becauseText(b: Witness["because"][number]): string {
  return `${b.name}: ${b.old} → ${b.new}`;
}

/** A word diff inline: `[-oud-]{+nieuw+}` in text, `~~oud~~ **nieuw**` in markdown. */
function wordDiffInline(parts: readonly WordPart[], style: "text" | "markdown"): string {
  return parts
    .map((p) => {
      const t = p.text.replace(/\s+/g, " ");
      if (p.kind === "same" || t.trim() === "") return t;
      const inner = t.trim();
      const pad = (x: string) => (t.startsWith(" ") ? " " : "") + x + (t.endsWith(" ") ? " " : "");
      if (style === "text") return pad(p.kind === "removed" ? `[-${inner}-]` : `{+${inner}+}`);
      return pad(p.kind === "removed" ? `~~${md(inner)}~~` : `**${md(inner)}**`);
    })
    .join("")
    .trim();
}

/** The policies of one side with no counterpart in the other. */
export interface Unpaired {
  name: string;
  file: string;
  /** `oud`: only in the old folder (removed); `nieuw`: only in the new (added). */
  side: "oud" | "nieuw";
}

function unpairedText(u: Unpaired): string {
  return u.side === "oud" ? `polis ${u.name} (${u.file}) heeft geen nieuwe versie` : `polis ${u.name} (${u.file}) is nieuw`;
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

/** A collapsed list of additions or removals: `invoer verwijderd: a, b`, or one as a change line. */
export function listText(l: { label: string; names: string[] }): string {
  const [what, kind] = l.label.split(" ") as [string, string];
  return l.names.length === 1 ? `${what} \`${l.names[0]}\` ${kind}` : `${l.label}: ${l.names.map((n) => `\`${n}\``).join(", ")}`;
}

function outcomeText(policy: Policy, o: Outcome, outputs: readonly string[]): string {
  if ("fout" in o) return `fout ${o.fout.code}: ${o.fout.bericht}`;
  return outputs.map((name) => `${name} ${showOutput(policy, name, o.outputs)}`).join(", ");
}

function inputText(input: Record<string, unknown>): string {
  return Object.entries(input).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(", ");
}

export function renderText(pairs: readonly DiffPair[], color = false, unpaired: readonly Unpaired[] = []): string {
  const paint = (style: Parameters<typeof styleText>[0], s: string) => (color ? styleText(style, s, { validateStream: false }) : s);
  const out: string[] = [];
  for (const p of pairs) {
    out.push(paint("bold", `polis ${p.name}: ${p.oldFile} → ${p.newFile}`));
    out.push("");
    out.push(paint("bold", "Samenvatting"));
    const sum = summarize(p);
    for (const sentence of sum.sentences) out.push(`  ${sentence}`);
    if (sum.changed.length > 0) {
      out.push("");
      const width = Math.max(...sum.changed.map((c) => c.output.length));
      for (const c of sum.changed) out.push(`  ${c.output.padEnd(width)}  ${textBar(c.share)} ${percent(c.share)}`);
    }
    if (sum.unchanged.length > 0) out.push(`  niet veranderd: ${sum.unchanged.join(", ")}`);
    if (p.semantic.witnesses.length > 0) {
      out.push("", "  Groepen:");
      p.semantic.witnesses.forEach((w, i, all) => out.push(`  ${i + 1}. ${groupLine(p, w, all.slice(0, i))}`));
    }
    out.push("");
    out.push(paint("bold", "Per artikel"));
    if (p.structural.length === 0) out.push("  geen wijzigingen in de declaraties");
    for (const g of byArticle(p.structural, { old: p.oldPolicy, new: p.newPolicy })) {
      out.push(`  ${g.title}`);
      for (const { change: c, wordDiffs } of g.changes) {
        const mark = c.kind === "toegevoegd" ? paint("green", "+") : c.kind === "verwijderd" ? paint("red", "-") : paint("yellow", "~");
        out.push(`    ${mark} ${describeChange(c)}`);
        for (const d of c.details.filter((x) => !x.startsWith("was:\n"))) out.push(`        ${d}`);
        for (const w of wordDiffs) out.push(`        ${wordDiffInline(w, "text")}`);
      }
      for (const l of g.lists) out.push(`    ${l.label.endsWith("toegevoegd") ? paint("green", "+") : paint("red", "-")} ${listText(l)}`);
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
        out.push(`  ${paint("bold", `Groep ${i + 1}`)}: ${w.change}${groupShare(w)}`);
        out.push(`    invoer: ${w.shown.length > 0 ? w.shown.map(shownText).join(", ") : inputText(w.input)}`);
        out.push(`    oud:   ${outcomeText(p.oldPolicy, w.old, w.outputs)}`);
        out.push(`    nieuw: ${outcomeText(p.newPolicy, w.new, w.outputs)}`);
        if (w.because.length > 0) out.push(`    want:  ${w.because.map(becauseText).join("; ")}`);
        for (const r of w.rules) {
          out.push(`    ${r.output}: oud volgens ${r.old.join("; ") || "(geen regel)"}`);
          out.push(`    ${" ".repeat(r.output.length)}  nieuw volgens ${r.new.join("; ") || "(geen regel)"}`);
        }
      });
      const rest = combinedText(s);
      if (rest) out.push("", `  ${rest}`);
    }
    if (p.proofs) {
      out.push("", paint("bold", "Bewijs"));
      for (const l of proofReportLines(p.proofs, s.searched)) out.push(`  ${l.line}`, ...l.witnesses.map((w) => `    ${w}`));
    }
    out.push("");
  }
  if (unpaired.length > 0) {
    out.push(paint("bold", "Zonder tegenhanger"));
    for (const u of unpaired) out.push(`  ${unpairedText(u)}`);
    out.push("");
  }
  return out.join("\n");
}

/** Per differing output of a witness, its old and new value as data (the case-file encoding), or the error. */
function witnessValues(w: Witness): Record<string, { old: unknown; new: unknown }> {
  const value = (o: Outcome, name: string) => ("fout" in o ? { fout: o.fout } : o.outputs[name]);
  return Object.fromEntries(w.outputs.map((name) => [name, { old: value(w.old, name), new: value(w.new, name) }]));
}

export function renderJson(pairs: readonly DiffPair[], unpaired: readonly Unpaired[] = []): string {
  const one = (p: DiffPair) => ({
    polis: p.name,
    old: p.oldFile,
    new: p.newFile,
    summary: summarize(p),
    structural: p.structural,
    semantic: {
      searched: p.semantic.searched,
      differs: p.semantic.differs,
      witnesses: p.semantic.witnesses.map((w) => ({ ...w, values: witnessValues(w) })),
      groups: p.semantic.groups,
      combined: p.semantic.combined,
      notShown: p.semantic.notShown,
      inputsOnlyOld: p.semantic.inputsOnlyOld,
      inputsOnlyNew: p.semantic.inputsOnlyNew,
    },
    ...(p.proofs ? { proofs: p.proofs } : {}),
  });
  const body = pairs.length === 1 && unpaired.length === 0 ? one(pairs[0]!) : unpaired.length === 0 ? pairs.map(one) : { pairs: pairs.map(one), unpaired };
  return JSON.stringify(body, null, 2) + "\n";
}

function md(s: string): string {
  return s.replace(/\|/g, "\\|");
}

export function renderMarkdown(pairs: readonly DiffPair[], unpaired: readonly Unpaired[] = []): string {
  const out: string[] = [];
  for (const p of pairs) {
    const o = p.oldPolicy.metadata;
    const n = p.newPolicy.metadata;
    out.push(`# Wijzigingen in ${n.title}`);
    out.push("");
    out.push(`Polis \`${p.name}\`: versie ${o.version ?? "?"} (\`${p.oldFile}\`) → versie ${n.version ?? "?"} (\`${p.newFile}\`).`);
    out.push("");
    out.push("## Samenvatting", "");
    markdownSummary(out, p);
    out.push("## Wijzigingen per artikel", "");
    markdownArticles(out, p);
    if (p.proofs) {
      out.push("## Bewijs", "");
      for (const l of proofReportLines(p.proofs, p.semantic.searched)) out.push(`- ${md(l.line)}`, ...l.witnesses.map((w) => `  - ${md(w)}`));
      out.push("");
    }
    if (p.semantic.witnesses.length > 0) {
      out.push("## Voorbeeldgevallen", "");
      markdownWitnesses(out, p);
    }
  }
  if (unpaired.length > 0) {
    out.push("## Polissen zonder tegenhanger", "");
    for (const u of unpaired) out.push(`- ${md(unpairedText(u))}`);
    out.push("");
  }
  return out.join("\n");
}

function markdownSummary(out: string[], p: DiffPair): void {
  const sum = summarize(p);
  out.push(sum.sentences.join(" "), "");
  if (sum.changed.length > 0) {
    out.push("| uitvoer | verschilt in | | verandering |");
    out.push("|---|---:|---|---|");
    for (const c of sum.changed) out.push(`| \`${c.output}\` | ${percent(c.share)} | \`${textBar(c.share)}\` | ${md(c.changes.join(", "))} |`);
    out.push("");
  }
  if (sum.unchanged.length > 0) out.push(`Niet veranderd: ${sum.unchanged.map((x) => `\`${x}\``).join(", ")}.`, "");
  if (p.semantic.witnesses.length > 0) {
    out.push("Groepen gevallen die om dezelfde reden veranderen (deel van de onderzochte gevallen):", "");
    p.semantic.witnesses.forEach((w, i, all) => out.push(`${i + 1}. ${md(groupLine(p, w, all.slice(0, i)))}`));
    out.push("");
  }
  out.push(`De percentages gelden voor ${count(p.semantic.searched)} geldige gevallen (${SAMPLE_NOTE}).`, "");
}

function markdownArticles(out: string[], p: DiffPair): void {
  if (p.structural.length === 0) {
    out.push("Geen wijzigingen in de declaraties.", "");
    return;
  }
  for (const g of byArticle(p.structural, { old: p.oldPolicy, new: p.newPolicy })) {
    out.push(`### ${g.title[0]!.toUpperCase()}${g.title.slice(1)}`, "");
    for (const { change: c, wordDiffs } of g.changes) {
      const short = c.details.filter((d) => !d.startsWith("was:\n"));
      out.push(`- ${md(describeChange(c))}${short.length > 0 ? `: ${md(short.join("; "))}` : ""}`);
      for (const w of wordDiffs) out.push(`  - ${wordDiffInline(w, "markdown")}`);
    }
    for (const l of g.lists) out.push(`- ${l.names.length === 1 ? md(`${l.label.split(" ")[0]} \`${l.names[0]}\` ${l.label.split(" ")[1]}`) : `${l.label}: ${l.names.map((n) => `\`${md(n)}\``).join(", ")}`}`);
    out.push("");
  }
  if (p.structural.some((c) => c.details.some((d) => d.startsWith("was:\n")))) out.push("(In een gewijzigde tekst is ~~doorgestreept~~ vervallen en **vet** nieuw.)", "");
}

/** `(14,7 % van de onderzochte gevallen)`, or nothing for a group found by a targeted search. */
export function groupShare(w: Witness): string {
  return w.share > 0 ? ` (${percent(w.share)} van de onderzochte gevallen)` : " (gevonden met gericht zoeken)";
}

/** An input that made the difference: `botscintigrafie_met_spect: ja (alleen nieuw)`. */
export function shownText(x: Witness["shown"][number]): string {
  return `${x.name}: ${x.value}${x.only ? ` (alleen ${x.only})` : ""}`;
}

function valueText(policy: Policy, o: Outcome, name: string): string {
  return "fout" in o ? `fout ${o.fout.code}` : showOutput(policy, name, o.outputs);
}

/**
 * A group in one line for the summary: its share, how its first output
 * changes, for which inputs (those only one version reads first), and why
 * (other deciding clauses, a changed value, or a changed rule text).
 */
export function groupLine(p: DiffPair, w: Witness, earlier: readonly Witness[] = []): string {
  const head = w.outputs[0];
  const what = head ? `${head} ${valueText(p.oldPolicy, w.old, head)} → ${valueText(p.newPolicy, w.new, head)}` : w.change;
  const others = w.outputs.slice(1);
  const more = others.length === 0 ? "" : ` (samen met ${others.length <= 2 ? others.join(" en ") : `${others.slice(0, 2).join(", ")} en ${others.length - 2} andere`})`;
  const r = w.rules.find((x) => x.output === head);
  const ruleText = [...(r?.old ?? []), ...(r?.new ?? [])].join(" ");
  // What sets the group apart first: the inputs the deciding conditions
  // name, inputs no larger group showed, inputs one version lacks, values
  // that differ from every larger group's; then the rest.
  const rank = (x: Witness["shown"][number]): number => {
    if (new RegExp(`\\b${x.name}\\b`).test(ruleText)) return 0;
    const before = earlier.map((e) => e.shown.find((y) => y.name === x.name)).filter((y) => y !== undefined);
    if (earlier.length > 0 && before.length === 0) return 1;
    if (x.only) return 2;
    return before.length > 0 && before.every((y) => y.value !== x.value) ? 3 : 4;
  };
  const inputs = w.shown.map((x, i) => ({ x, r: rank(x), i })).sort((a, b) => a.r - b.r || a.i - b.i).map((e) => e.x);
  const who = inputs.length === 0 ? "" : `, bij ${inputs.slice(0, 3).map(shownText).join(", ")}${inputs.length > 3 ? ", …" : ""}`;
  let why = "";
  if (r && r.old.join("; ") !== r.new.join("; ")) why = `; ${clauseChange(r.old, r.new)}`;
  else if (r?.via) why = `; doordat ${r.via.map((x) => `${x} ${valueText(p.oldPolicy, w.old, x)} → ${valueText(p.newPolicy, w.new, x)}`).join(" en ")}`;
  else if (w.because.length > 0) why = `; want ${w.because.map(becauseText).join("; ")}`;
  else if (r && r.new.length > 0) why = `; de tekst van regel ${r.new.map((x) => x.replace(/ \(.*$/s, "")).join(", ")} veranderde`;
  return `${percent(w.share)}: ${what}${more}${who}${why}`;
}

/** `regel indicatie (artikel 34 § 1 b A): oud «indicatie = multiple_myeloom», nieuw «anders»`, from the rules of a witness. */
function clauseChange(old: readonly string[], new_: readonly string[]): string {
  const parse = (x: string) => /^(\S+) \(([^)]*)\)(?:: (.*))?$/s.exec(x);
  const a = old.length === 1 ? parse(old[0]!) : null;
  const b = new_.length === 1 ? parse(new_[0]!) : null;
  if (a && b && a[1] === b[1]) return `regel ${b[1]} (${b[2]}): oud «${a[3] ?? "altijd"}», nieuw «${b[3] ?? "altijd"}»`;
  return `oud volgens ${old.join("; ") || "(geen regel)"}, nieuw volgens ${new_.join("; ") || "(geen regel)"}`;
}

/** The groups without a witness of their own, in one sentence. */
export function combinedText(s: SemanticResult): string | undefined {
  if (s.combined.length === 0 && s.notShown === 0) return undefined;
  const parts: string[] = [];
  if (s.combined.length > 0) {
    const shares = s.combined.reduce((t, c) => t + c.share, 0);
    parts.push(`${s.combined.length === 1 ? "Eén groep combineert" : `${s.combined.length} groepen combineren`} redenen van hierboven, zonder eigen voorbeeldgeval (samen ${percent(shares)} van de onderzochte gevallen)`);
  }
  if (s.notShown > 0) parts.push(`${s.notShown === 1 ? "één groep" : `${s.notShown} groepen`} met een eigen reden ${s.notShown === 1 ? "staat" : "staan"} er niet bij (meer met --witnesses)`);
  return `${parts.join("; ")}.`;
}

function markdownWitnesses(out: string[], p: DiffPair): void {
  p.semantic.witnesses.forEach((w, i) => {
    out.push(`### Groep ${i + 1}: ${w.change}${groupShare(w)}`);
    out.push("");
    if (w.shown.length > 0) {
      out.push("Invoer die ertoe doet:", "");
      for (const x of w.shown) out.push(`- ${md(shownText(x))}`);
    }
    if (w.because.length > 0) out.push("", `Want: ${w.because.map((b) => `\`${becauseText(b)}\``).join("; ")}.`);
    out.push("");
    out.push("| uitvoer | oud | nieuw | regels (oud → nieuw) |");
    out.push("|---|---|---|---|");
    for (const name of w.outputs) {
      const r = w.rules.find((x) => x.output === name);
      out.push(`| \`${name}\` | ${md(outcomeText(p.oldPolicy, w.old, [name]).replace(`${name} `, ""))} | ${md(outcomeText(p.newPolicy, w.new, [name]).replace(`${name} `, ""))} | ${md((r?.old ?? []).join("; "))} → ${md((r?.new ?? []).join("; "))} |`);
    }
    out.push("");
    out.push("<details><summary>Het hele geval (json)</summary>", "");
    if (w.oldInput && w.newInput) out.push("Oud:", "", "```json", JSON.stringify(w.oldInput, null, 2), "```", "", "Nieuw:", "", "```json", JSON.stringify(w.newInput, null, 2), "```");
    else out.push("```json", JSON.stringify(w.input, null, 2), "```");
    out.push("", "</details>", "");
  });
  const rest = combinedText(p.semantic);
  if (rest) {
    out.push(rest, "");
    for (const c of p.semantic.combined) out.push(`- ${md(c.changes.join("; "))} (${percent(c.share)})`);
    out.push("");
  }
}
