// `polis doc`: the documentation site of a folder of policies, as a map from
// file name to content. In: each policy's source, its IR (when it compiles),
// its voorbeeld and eigenschap results, and the change reports (markdown).
// Out: index.html, one page per policy, one per change report, stijl.css.
// No IO (cli/doc.ts reads and writes). Dutch throughout; every text from a
// policy is escaped.

import { marked } from "marked";
import type { Diagnostic } from "../../runtime/diagnostic.js";
import { formatDutchDate } from "../../runtime/calendar.js";
import type { DatedInfo, Policy, TableInfo, Type } from "../ir/ir.js";
import type { ExampleResult } from "../cases/examples.js";
import type { PropertyResult } from "../cases/properties.js";
import { dependencySvg } from "./graph.js";
import { STYLESHEET, html, page, raw, type Raw } from "./html.js";

export interface PolicyDoc {
  /** Path relative to the documented folder, with `/`: `vgz/2012/eigen-risico.polis`. */
  path: string;
  source: string;
  policy?: Policy;
  diagnostics: Diagnostic[];
  examples: ExampleResult[];
  properties: PropertyResult[];
}

export interface ChangeReport {
  /** File name without `.md`. */
  name: string;
  markdown: string;
}

export interface SiteOptions {
  /** Where the playground is, relative to the site (default `playground/index.html`). */
  playground: string;
}

export const pageOf = (path: string) => `${path.replace(/\.polis$/, "").replace(/[^A-Za-z0-9_-]+/g, "-")}.html`;
const reportPage = (r: ChangeReport) => `wijziging-${r.name.replace(/[^A-Za-z0-9_-]+/g, "-")}.html`;
const reportTitle = (r: ChangeReport) => /^#\s+(.+)$/m.exec(r.markdown)?.[1]?.trim() ?? r.name;

/** A change report concerns a policy when it names the policy's file. */
const concerns = (r: ChangeReport, d: PolicyDoc) => r.markdown.includes(d.path);

export function renderSite(docs: readonly PolicyDoc[], reports: readonly ChangeReport[], options: SiteOptions): Map<string, string> {
  const files = new Map<string, string>();
  files.set("stijl.css", STYLESHEET);
  files.set("index.html", indexPage(docs, reports));
  for (const d of docs) files.set(pageOf(d.path), policyPage(d, reports.filter((r) => concerns(r, d)), options));
  for (const r of reports) files.set(reportPage(r), reportPageHtml(r, docs.filter((d) => concerns(r, d))));
  return files;
}

// ── helpers ─────────────────────────────────────────────────────────────────

const slice = (d: PolicyDoc, span: { start: number; end: number }) => d.source.slice(span.start, span.end);
const articles = (as: readonly string[]) => (as.length === 0 ? "zonder artikel" : `artikel ${as.join(", ")}`);

function typeText(t: Type): string {
  switch (t.k) {
    case "soort":
    case "record":
      return t.name;
    case "lijst":
      return `lijst van ${typeText(t.elem)}`;
    case "duur":
      return t.unit ? `duur in ${t.unit}` : "duur";
    default:
      return t.k;
  }
}

function validity(p: Policy): string | undefined {
  const m = p.metadata;
  if (m.validFrom === undefined && m.validThrough === undefined) return undefined;
  return [m.validFrom !== undefined ? `van ${formatDutchDate(m.validFrom)}` : "", m.validThrough !== undefined ? `tot en met ${formatDutchDate(m.validThrough)}` : ""].filter(Boolean).join(" ");
}

/** Article numbers in reading order: 7.1 < 7.4 < 8.3.1 < 13.2. */
export function compareArticles(a: string, b: string): number {
  const pa = a.split(/[.\s]+/);
  const pb = b.split(/[.\s]+/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    const nx = parseInt(x, 10);
    const ny = parseInt(y, 10);
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    if (x !== y) return x.localeCompare(y, "nl");
  }
  return 0;
}

function table(head: string[], rows: (string | Raw)[][], testid?: string): Raw {
  return html`<div class="tabel"><table${raw(testid ? ` data-testid="${testid}"` : "")}><thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map((r) => html`<tr>${r.map((c, i) => html`<td data-kop="${head[i] ?? ""}">${c}</td>`)}</tr>`)}</tbody></table></div>`;
}

/** A decision table as a table: the condition columns, the output columns (after `||`) and each row's article. */
function decisionTable(t: TableInfo): Raw {
  const head = [...t.columns, ...t.outputs.map((o) => `→ ${o}`), "artikel"];
  const rows = t.rows.map((r) => [
    ...(r.isDefault ? ["anders", ...t.columns.slice(1).map(() => "")] : r.cells),
    ...r.values.map((v) => html`<code>${v}</code>`),
    r.articles.join(", "),
  ]);
  return table(head, rows, "beslistabel");
}

/** A value by date: one row per period. */
function datedTable(d: PolicyDoc, x: DatedInfo): Raw {
  const rows = x.periods.map((p) => [formatDutchDate(p.from), p.through !== undefined ? formatDutchDate(p.through) : "", html`<code>${slice(d, p.value.span)}</code>`]);
  return html`<p class="meta">gekozen op <code>${x.by}</code></p>${table(["vanaf", "tot en met", "waarde"], rows, "waarden-per-datum")}`;
}

function base64Url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

function counts(d: PolicyDoc): string {
  const ex = d.examples.filter((e) => e.passed).length;
  const pr = d.properties.filter((p) => p.passed).length;
  const parts = [`${ex} van ${d.examples.length} voorbeelden geslaagd`];
  if (d.properties.length > 0) parts.push(`${pr} van ${d.properties.length} eigenschappen gelden`);
  return parts.join(", ");
}

// ── index ───────────────────────────────────────────────────────────────────

function indexPage(docs: readonly PolicyDoc[], reports: readonly ChangeReport[]): string {
  const groups = new Map<string, PolicyDoc[]>();
  for (const d of docs) {
    const folder = d.path.includes("/") ? d.path.slice(0, d.path.lastIndexOf("/")) : ".";
    groups.set(folder, [...(groups.get(folder) ?? []), d]);
  }
  const sections = [...groups.entries()].map(
    ([folder, ds]) => html`<h2>${folder === "." ? "Polissen" : folder}</h2><ul class="polissen">${ds.map((d) => {
      const p = d.policy;
      const failing = d.examples.some((e) => !e.passed) || d.properties.some((x) => !x.passed);
      return html`<li data-testid="polis" data-pad="${d.path}"><a class="titel" href="${pageOf(d.path)}">${p ? p.metadata.title : d.path}</a>
<div class="meta">${p ? html`<code>${p.metadata.name}</code>${p.metadata.version ? ` · versie ${p.metadata.version}` : ""}${validity(p) ? ` · geldig ${validity(p)}` : ""}` : html`<span class="mislukt">bevat fouten</span>`} · <code>${d.path}</code></div>
<div class="meta ${failing ? "mislukt" : "geslaagd"}">${counts(d)}</div></li>`;
    })}</ul>`,
  );
  const changes = reports.length === 0 ? html`` : html`<h2>Wijzigingen</h2><ul>${reports.map((r) => html`<li><a href="${reportPage(r)}" data-testid="wijziging">${reportTitle(r)}</a></li>`)}</ul>`;
  return page({
    title: "Polissen — documentatie",
    body: html`<h1>Polissen</h1><p class="meta">${docs.length} ${docs.length === 1 ? "polis" : "polissen"}: per polis de invoer, de regels per artikel, de parameters, de voorbeelden met hun uitkomst en een plaatje van de afhankelijkheden. Elke polis is te openen in de speelplaats om zelf een geval door te rekenen.</p>${sections}${changes}`,
  });
}

// ── change reports ──────────────────────────────────────────────────────────

function reportPageHtml(r: ChangeReport, about: readonly PolicyDoc[]): string {
  const body = marked.parse(r.markdown, { async: false, gfm: true });
  const links = about.length === 0 ? html`` : html`<p class="meta">Over: ${about.map((d, i) => html`${i > 0 ? ", " : ""}<a href="${pageOf(d.path)}">${d.path}</a>`)}</p>`;
  return page({ title: reportTitle(r), nav: html`<span>${reportTitle(r)}</span>`, body: html`${links}<div class="wijziging">${raw(body)}</div>` });
}

// ── a policy ────────────────────────────────────────────────────────────────

function policyPage(d: PolicyDoc, reports: readonly ChangeReport[], options: SiteOptions): string {
  const p = d.policy;
  const title = p ? p.metadata.title : d.path;
  const playground = `${options.playground}#bron=${base64Url(d.source)}`;
  const buttons = html`<div class="knoppen"><a class="knop" href="${playground}" data-testid="open-speelplaats">Open in de speelplaats</a></div>`;
  if (!p) {
    return page({
      title,
      nav: html`<span>${d.path}</span>`,
      body: html`<h1>${d.path}</h1><div class="fouten"><p>Deze polis bevat fouten en kan niet worden beschreven:</p><ul>${d.diagnostics.filter((x) => x.severity === "error").map((x) => html`<li>${x.span ? `regel ${x.span.line}: ` : ""}${x.code}: ${x.message}</li>`)}</ul></div>${buttons}<h2>Tekst</h2><pre>${d.source}</pre>`,
    });
  }
  const m = p.metadata;
  const head = html`<h1>${m.title}</h1>
<p class="meta"><code>${m.name}</code>${m.version ? ` · versie ${m.version}` : ""}${validity(p) ? ` · geldig ${validity(p)}` : ""}</p>
${m.source ? html`<p class="meta">Bron: ${m.source}</p>` : ""}
<p class="meta">Bestand: <code>${d.path}</code> · ${counts(d)}</p>${buttons}`;
  const changes = reports.length === 0 ? html`` : html`<h2 id="wijzigingen">Wijzigingen</h2><ul>${reports.map((r) => html`<li><a href="${reportPage(r)}" data-testid="wijziging">${reportTitle(r)}</a></li>`)}</ul>`;
  return page({
    title: `${m.title}${m.version ? ` (${m.version})` : ""}`,
    nav: html`<span>${m.title}</span>`,
    body: html`${head}${changes}${inputsSection(d, p)}${outputsSection(d, p)}${graphSection(p)}${rulesSection(d, p)}${definitionsSection(d, p)}${examplesSection(d, p)}${propertiesSection(d, p)}<h2 id="tekst">Volledige tekst</h2><details><summary>De polis zoals geschreven</summary><pre>${d.source}</pre></details>`,
  });
}

function inputsSection(d: PolicyDoc, p: Policy): Raw {
  const rows = p.inputs.map((i) => [html`<code>${i.name}</code>`, typeText(i.type), i.desc.restriction?.text ?? "", i.optional ? "optioneel" : "verplicht"]);
  const soorten = p.soorten.length === 0 ? html`` : html`<h3>Soorten</h3>${table(["soort", "waarden"], p.soorten.map((s) => [html`<code>${s.name}</code>`, s.values.join(", ")]))}`;
  const records = p.records.map((r) => html`<h3>Gegevens <code>${r.name}</code></h3>${table(["veld", "type"], r.fields.map((f) => [html`<code>${f.name}</code>`, typeText(f.type)]))}`);
  const conditions = p.conditions.length === 0 ? html`` : html`<h3>Voorwaarden</h3><p>Een geval is alleen geldig als:</p><ul>${p.conditions.map((c) => html`<li><code>${c.text}</code></li>`)}</ul>`;
  void d;
  return html`<h2 id="invoer">Invoer</h2>${table(["naam", "type", "beperking", "verplicht of optioneel"], rows, "invoer")}${soorten}${records}${conditions}`;
}

function outputsSection(d: PolicyDoc, p: Policy): Raw {
  const withDefault = p.outputs.some((o) => o.default);
  const rows = p.outputs.map((o) => [
    html`<code>${o.name}</code>`,
    typeText(o.type),
    o.rules.length === 0 ? "" : html`${o.rules.map((ri, k) => html`${k > 0 ? ", " : ""}<a href="#regel-${p.rules[ri]!.name}">${p.rules[ri]!.name}</a>`)}`,
    ...(withDefault ? [o.default ? html`<code>${slice(d, o.default.span)}</code>` : ""] : []),
  ]);
  return html`<h2 id="uitvoer">Uitvoer</h2>${table(["naam", "type", "bepaald door", ...(withDefault ? ["standaardwaarde"] : [])], rows, "uitvoer")}`;
}

function graphSection(p: Policy): Raw {
  return html`<h2 id="afhankelijkheden">Afhankelijkheden</h2><p>Waar elke uitvoer van afhangt: een pijl van A naar B betekent dat B met A wordt berekend (door regels, begrippen en functies heen).</p>
<div class="legenda"><span class="invoer">invoer</span><span class="parameter">parameter</span><span class="begrip">begrip</span><span class="uitvoer">uitvoer</span></div>
<div class="figuur" data-testid="afhankelijkheden">${raw(dependencySvg(p, `Afhankelijkheden van ${p.metadata.title}`))}</div>`;
}

function rulesSection(d: PolicyDoc, p: Policy): Raw {
  const byArticle = new Map<string, number[]>();
  p.rules.forEach((r, i) => {
    const a = r.articles[0] ?? "";
    byArticle.set(a, [...(byArticle.get(a) ?? []), i]);
  });
  const groups = [...byArticle.entries()].sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : compareArticles(a, b)));
  return html`<h2 id="regels">Regels per artikel</h2>${groups.map(
    ([a, rs]) => html`<h3>${a === "" ? "Zonder artikel" : `Artikel ${a}`}</h3>${rs.map((ri) => {
      const r = p.rules[ri]!;
      const bases = (r.exceptionTo ?? []).map((i) => p.rules[i]!.name);
      const exception = bases.length > 0 ? html` · uitzondering op ${bases.map((b, k) => html`${k > 0 ? ", " : ""}<a href="#regel-${b}">${b}</a>`)}` : "";
      const kind = r.table ? `tabel (${r.table.hitPolicy})` : "regel";
      return html`<div class="regel" id="regel-${r.name}" data-testid="regel" data-regel="${r.name}" data-artikel="${r.articles.join(", ")}"><div>${kind} <code>${r.name}</code> · ${articles(r.articles)}${exception}</div>${r.table ? decisionTable(r.table) : html`<pre>${slice(d, r.span)}</pre>`}</div>`;
    })}`,
  )}`;
}

function definitionsSection(d: PolicyDoc, p: Policy): Raw {
  const params = p.parameters.length === 0 ? html`` : html`<h2 id="parameters">Parameters</h2>${table(["naam", "type", "waarde", "artikel"], p.parameters.map((x) => [html`<code>${x.name}</code>`, typeText(x.type), html`<code>${slice(d, x.value.span)}</code>`, x.articles.join(", ")]), "parameters")}`;
  const begrippen = p.begrippen.length === 0 ? html`` : html`<h2 id="begrippen">Begrippen</h2>${p.begrippen.map((b) => html`<div class="regel" id="begrip-${b.name}"><div>${b.dated ? "parameter per datum" : "begrip"} <code>${b.name}</code>: ${typeText(b.type)}${b.articles.length > 0 ? ` · ${articles(b.articles)}` : ""}</div>${b.dated ? datedTable(d, b.dated) : html`<pre>${slice(d, b.span)}</pre>`}</div>`)}`;
  const functions = p.functions.length === 0 ? html`` : html`<h2 id="functies">Functies</h2>${p.functions.map((f) => html`<div class="regel"><div>functie <code>${f.name}</code>${f.articles.length > 0 ? ` · ${articles(f.articles)}` : ""}</div><pre>${slice(d, f.span)}</pre></div>`)}`;
  return html`${params}${begrippen}${functions}`;
}

function examplesSection(d: PolicyDoc, p: Policy): Raw {
  if (p.examples.length === 0) return html`<h2 id="voorbeelden">Voorbeelden</h2><p>Deze polis heeft geen voorbeelden.</p>`;
  return html`<h2 id="voorbeelden">Voorbeelden</h2><p>${counts(d)} (zoals <code>polis test</code> ze nu uitvoert).</p>${p.examples.map((ex, i) => {
    const res = d.examples[i];
    const passed = res?.passed === true;
    const given = table(["gegeven", "waarde"], ex.given.map((g) => [html`<code>${g.name}</code>`, slice(d, g.value.span)]));
    const expected = ex.expectedError !== undefined ? html`<p>verwacht: een fout <code>${ex.expectedError}</code></p>` : table(["verwacht", "waarde"], ex.expected.map((x) => [html`<code>${x.name}</code>`, slice(d, x.value.span)]));
    return html`<div class="voorbeeld" data-testid="voorbeeld" data-naam="${ex.name}" data-resultaat="${passed ? "geslaagd" : "mislukt"}"><h3>${ex.name}</h3><p class="status ${passed ? "geslaagd" : "mislukt"}">${passed ? "✓ geslaagd" : "✗ mislukt"}</p>${(res?.diagnostics ?? []).map((x) => html`<p class="mislukt">${x.message}</p>`)}<div class="kolommen">${given}${expected}</div></div>`;
  })}`;
}

function propertiesSection(d: PolicyDoc, p: Policy): Raw {
  if (p.properties.length === 0) return html``;
  return html`<h2 id="eigenschappen">Eigenschappen</h2><p>Beweringen die voor elk geldig geval moeten gelden; gecontroleerd op gegenereerde gevallen.</p>${p.properties.map((prop, i) => {
    const res = d.properties[i];
    const passed = res?.passed === true;
    return html`<div class="voorbeeld" data-testid="eigenschap" data-naam="${prop.name}" data-resultaat="${passed ? "geslaagd" : "mislukt"}"><h3>${prop.name}</h3><pre>${slice(d, prop.span)}</pre><p class="status ${passed ? "geslaagd" : "mislukt"}">${passed ? `✓ geldt (${res?.runs ?? 0} gevallen)` : "✗ geldt niet"}</p>${res?.failure ? html`<p>Tegenvoorbeeld: ${res.failure.outcome}</p><pre>${res.failure.caseJson}</pre>` : ""}</div>`;
  })}`;
}
