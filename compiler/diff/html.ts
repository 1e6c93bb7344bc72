// `polis diff --format html`: the change report as one self-contained HTML
// page (no scripts, no external files): the summary with an SVG bar per
// output, the changes by article with the rule texts diffed word by word
// (<del>/<ins>), the witnesses, and the policies without a counterpart.

import type { DiffPair, Unpaired } from "./report.js";
import { becauseText, combinedText, groupLine, groupShare, listText, shownText } from "./report.js";
import { showOutput, type Outcome } from "./semantic.js";
import { sharePercent, summarize, svgBar, type WordPart } from "./summary.js";
import { byArticle } from "./articles.js";
import { proofReportLines } from "../proofs/report.js";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
del{background:#fee2e2;color:#991b1b}ins{background:#dcfce7;color:#166534;text-decoration:none}
pre{background:#f6f8fa;padding:.5rem;overflow-x:auto}.summary p{font-size:1.1rem}`;

function wordDiffHtml(parts: readonly WordPart[]): string {
  return parts.map((p) => (p.kind === "same" ? esc(p.text) : p.kind === "removed" ? `<del>${esc(p.text)}</del>` : `<ins>${esc(p.text)}</ins>`)).join("");
}

function value(p: DiffPair, side: "old" | "new", o: Outcome, name: string): string {
  if ("fout" in o) return `fout ${o.fout.code}: ${o.fout.bericht}`;
  return showOutput(side === "old" ? p.oldPolicy : p.newPolicy, name, o.outputs);
}

function pairHtml(p: DiffPair): string[] {
  const out: string[] = [];
  const o = p.oldPolicy.metadata;
  const n = p.newPolicy.metadata;
  out.push(`<h1>Wijzigingen in ${esc(n.title)}</h1>`);
  out.push(`<p>Polis <code>${esc(p.name)}</code>: versie ${esc(o.version ?? "?")} (<code>${esc(p.oldFile)}</code>) → versie ${esc(n.version ?? "?")} (<code>${esc(p.newFile)}</code>).</p>`);
  const sum = summarize(p);
  out.push(`<section class="summary"><h2>Samenvatting</h2><p>${esc(sum.sentences.join(" "))}</p>`);
  if (sum.changed.length > 0) {
    out.push("<table><tr><th>uitvoer</th><th>verschilt in</th><th></th><th>verandering</th></tr>");
    for (const c of sum.changed) out.push(`<tr><td><code>${esc(c.output)}</code></td><td>${esc(sharePercent(c.share))}</td><td>${svgBar(c.share)}</td><td>${esc(c.changes.join(", "))}</td></tr>`);
    out.push("</table>");
  }
  if (sum.unchanged.length > 0) out.push(`<p>Niet veranderd: ${sum.unchanged.map((x) => `<code>${esc(x)}</code>`).join(", ")}.</p>`);
  if (p.semantic.witnesses.length > 0) out.push(`<p>Groepen gevallen die om dezelfde reden veranderen:</p><ol>${p.semantic.witnesses.map((w, i, all) => `<li>${esc(groupLine(p, w, all.slice(0, i)))}</li>`).join("")}</ol>`);
  out.push(`<p><small>Percentages over ${p.semantic.searched.toLocaleString("nl-NL")} geldige gegenereerde gevallen, met nadruk op de grenswaarden van beide versies; geen afspiegeling van het verzekerdenbestand.</small></p></section>`);
  out.push("<h2>Wijzigingen per artikel</h2>");
  if (p.structural.length === 0) out.push("<p>Geen wijzigingen in de declaraties.</p>");
  for (const g of byArticle(p.structural, { old: p.oldPolicy, new: p.newPolicy })) {
    out.push(`<h3>${esc(g.title[0]!.toUpperCase() + g.title.slice(1))}</h3><ul>`);
    for (const { change: c, wordDiffs } of g.changes) {
      const what = c.kind === "hernoemd" ? `${c.what} ${c.name} hernoemd tot ${c.newName}` : `${c.what} ${c.name} ${c.kind}`;
      const short = c.details.filter((d) => !d.startsWith("was:\n"));
      out.push(`<li>${esc(what)}${short.length > 0 ? `: ${esc(short.join("; "))}` : ""}${wordDiffs.map((w) => `<pre>${wordDiffHtml(w)}</pre>`).join("")}</li>`);
    }
    for (const l of g.lists) out.push(`<li>${esc(listText(l).replace(/`/g, ""))}</li>`);
    out.push("</ul>");
  }
  if (p.proofs) {
    out.push("<h2>Bewijs</h2><ul>");
    for (const l of proofReportLines(p.proofs, p.semantic.searched)) out.push(`<li>${esc(l.line)}${l.witnesses.length ? `<ul>${l.witnesses.map((w) => `<li>${esc(w)}</li>`).join("")}</ul>` : ""}</li>`);
    out.push("</ul>");
  }
  if (p.semantic.witnesses.length > 0) out.push("<h2>Voorbeeldgevallen</h2>");
  p.semantic.witnesses.forEach((w, i) => {
    out.push(`<h3>Groep ${i + 1}: ${esc(w.change)}${esc(groupShare(w))}</h3>`);
    if (w.shown.length > 0) out.push(`<p>Invoer die ertoe doet:</p><ul>${w.shown.map((x) => `<li>${esc(shownText(x))}</li>`).join("")}</ul>`);
    if (w.because.length > 0) out.push(`<p>Want: ${w.because.map((b) => `<code>${esc(becauseText(b))}</code>`).join("; ")}.</p>`);
    out.push("<table><tr><th>uitvoer</th><th>oud</th><th>nieuw</th><th>regels (oud → nieuw)</th></tr>");
    for (const name of w.outputs) {
      const r = w.rules.find((x) => x.output === name);
      out.push(`<tr><td><code>${esc(name)}</code></td><td>${esc(value(p, "old", w.old, name))}</td><td>${esc(value(p, "new", w.new, name))}</td><td>${esc((r?.old ?? []).join("; "))} → ${esc((r?.new ?? []).join("; "))}</td></tr>`);
    }
    out.push("</table>");
    out.push(`<details><summary>Het hele geval (json)</summary><pre>${esc(JSON.stringify(w.oldInput && w.newInput ? { oud: w.oldInput, nieuw: w.newInput } : w.input, null, 2))}</pre></details>`);
  });
  const rest = combinedText(p.semantic);
  if (rest) out.push(`<p>${esc(rest)}</p><ul>${p.semantic.combined.map((c) => `<li>${esc(c.changes.join("; "))} (${esc(sharePercent(c.share))})</li>`).join("")}</ul>`);
  return out;
}

export function renderHtml(pairs: readonly DiffPair[], unpaired: readonly Unpaired[] = []): string {
  const title = pairs.length === 1 ? `Wijzigingen in ${pairs[0]!.newPolicy.metadata.title}` : "Wijzigingen in de polissen";
  const out = [`<!doctype html>`, `<html lang="nl"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>`];
  for (const p of pairs) out.push(...pairHtml(p));
  if (unpaired.length > 0) {
    out.push("<h2>Polissen zonder tegenhanger</h2><ul>");
    for (const u of unpaired) out.push(`<li>polis <code>${esc(u.name)}</code> (<code>${esc(u.file)}</code>) ${u.side === "oud" ? "heeft geen nieuwe versie" : "is nieuw"}</li>`);
    out.push("</ul>");
  }
  out.push("</body></html>");
  return out.join("\n") + "\n";
}
