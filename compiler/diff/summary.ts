// What a manager reads first in a change report (issue 16): a summary of one
// pair of versions (which parts changed, in which articles, which outputs
// change and for what share of the generated cases), the changes grouped by
// article with rule texts diffed word by word, and bars to show the shares.
// In: a DiffPair. Out: plain data and small text helpers that report.ts and
// html.ts render. `diff`'s diffWords is used for the word diff: well kept,
// no dependencies, and it ships its own types.

import { diffWords } from "diff";
import type { StructuralChange } from "./structural.js";
import type { DiffPair } from "./report.js";

export interface OutputShare {
  output: string;
  /** Fraction of the valid generated cases in which the output differs. */
  share: number;
  /** How it changed in the witnesses: `hoger`, `ja → nee`, … */
  changes: string[];
}

export interface Summary {
  /** Two or three Dutch sentences. */
  sentences: string[];
  /** The outputs that differ in some case, most often first. */
  changed: OutputShare[];
  /** The shared outputs that never differed. */
  unchanged: string[];
}

/** A part of a word diff: unchanged, removed or added text. */
export interface WordPart {
  kind: "same" | "removed" | "added";
  text: string;
}

function percent(f: number): string {
  const p = f * 100;
  const text = p === 0 || p >= 10 || p === 100 ? p.toFixed(0) : p < 0.1 ? p.toFixed(2) : p.toFixed(1);
  return `${text.replace(".", ",")} %`;
}

export { percent as sharePercent };

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
}

/** The articles of the changes, in article order (`7.1` before `7.10`, `34 § 1 b` before `34 § 1 b A`). */
function articlesOf(changes: readonly StructuralChange[]): string[] {
  const seen: string[] = [];
  for (const c of changes) for (const a of c.articles) if (!seen.includes(a)) seen.push(a);
  const key = (a: string) => a.split(/[^0-9A-Za-z]+/).filter(Boolean);
  return seen.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const x = ka[i];
      const y = kb[i];
      if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
      const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** How an output changes across the groups (`nee → ja`, `hoger`), in the order the groups are shown. */
function changesOf(s: DiffPair["semantic"], output: string): string[] {
  const lines = [...s.witnesses.flatMap((w) => w.reason.split("\n")), ...s.combined.flatMap((c) => c.changes)];
  const out: string[] = [];
  for (const line of lines) {
    const m = /^([^:]+): ([^|]+?)(?: \|.*)?$/.exec(line);
    if (m && m[1] === output && !out.includes(m[2]!)) out.push(m[2]!);
  }
  return out;
}

export function summarize(p: DiffPair): Summary {
  const s = p.semantic;
  const changed: OutputShare[] = Object.entries(s.differs)
    .filter(([, f]) => f > 0)
    .map(([output, share]) => ({
      output,
      share,
      changes: changesOf(s, output),
    }))
    .sort((a, b) => b.share - a.share);
  // Outputs a witness shows to differ, though no sampled case did, still changed.
  for (const w of s.witnesses) {
    for (const o of w.outputs) if (!changed.some((c) => c.output === o)) changed.push({ output: o, share: 0, changes: [] });
  }
  const unchanged = s.sharedOutputs.filter((o) => !changed.some((c) => c.output === o));
  const from = p.oldPolicy.metadata.version ?? "oud";
  const to = p.newPolicy.metadata.version ?? "nieuw";
  const arts = articlesOf(p.structural);
  const sentences: string[] = [];
  const parts = p.structural.length === 1 ? "één onderdeel" : `${p.structural.length} onderdelen`;
  sentences.push(
    p.structural.length === 0
      ? `Van versie ${from} naar ${to} veranderde de tekst van de polis niet.`
      : `Van versie ${from} naar ${to} veranderden ${parts} van de polis${arts.length > 0 ? `, in artikel ${list(arts)}` : ""}.`,
  );
  if (changed.length === 0) {
    sentences.push(`De uitkomst verandert in geen van de ${s.searched.toLocaleString("nl-NL")} onderzochte gevallen, ook niet bij gericht zoeken langs de grenswaarden.`);
  } else {
    const top = changed[0]!;
    sentences.push(
      `Daardoor ${changed.length === 1 ? "verandert één uitkomst" : `veranderen ${changed.length} van de ${s.sharedOutputs.length} uitkomsten`}: het vaakst ${top.output} (in ${percent(top.share)} van de onderzochte gevallen${top.changes.length > 0 ? `, ${top.changes.join(" of ")}` : ""}).`,
    );
    const groups = s.witnesses.length;
    sentences.push(
      `Hieronder staat per artikel wat veranderde, en ${groups === 1 ? "één voorbeeldgeval" : `${groups} voorbeeldgevallen`}: één per groep gevallen die om dezelfde reden verandert${s.combined.length > 0 ? ` (${s.combined.length === 1 ? "nog één groep combineert" : `nog ${s.combined.length} groepen combineren`} die redenen)` : ""}.`,
    );
  }
  return { sentences, changed, unchanged };
}

/** A plain-text bar for a share: 20 cells, `█` filled and `░` empty. */
export function textBar(share: number, width = 20): string {
  const filled = share > 0 ? Math.max(1, Math.round(share * width)) : 0;
  return "█".repeat(filled) + "░".repeat(width - filled);
}

/** An SVG bar for a share, with its percentage as title. */
export function svgBar(share: number, width = 200, height = 14): string {
  const w = share > 0 ? Math.max(1, Math.round(share * width)) : 0;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${percent(share)}">` +
    `<title>${percent(share)}</title>` +
    `<rect width="${width}" height="${height}" fill="#e5e7eb"/>` +
    `<rect width="${w}" height="${height}" fill="#2563eb"/></svg>`
  );
}

/** A `was:\n…\nwordt:\n…` detail as a word diff; undefined for a short detail. */
export function wordDiff(detail: string): WordPart[] | undefined {
  if (!detail.startsWith("was:\n")) return undefined;
  const [was, wordt] = detail.replace(/^was:\n/, "").split(/\nwordt:\n/) as [string, string | undefined];
  return diffWords(dedent(was), dedent(wordt ?? "")).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

export function dedent(text: string): string {
  const lines = text.split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
}
