// HTML building blocks of the documentation site: escaping, the page frame
// and the one stylesheet (readable on a phone, printable). No IO.

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Tagged template: interpolated strings are escaped, `raw()` values are not. */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Raw(out);
}

function render(v: unknown): string {
  if (v instanceof Raw) return v.html;
  if (Array.isArray(v)) return v.map(render).join("");
  if (v === undefined || v === null || v === false) return "";
  return escapeHtml(String(v));
}

export interface PageOptions {
  title: string;
  /** Breadcrumb: the index link is always first. */
  nav?: Raw;
  body: Raw;
}

export function page(o: PageOptions): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<link rel="stylesheet" href="stijl.css">
<link rel="icon" href="data:,">
</head>
<body>
<nav class="kruimels" aria-label="kruimelpad"><a href="index.html" data-testid="naar-index">Alle polissen</a>${o.nav ? o.nav.html : ""}</nav>
<main>
${o.body.html}
</main>
<footer>Gegenereerd met <code>polis doc</code> uit de polisbestanden zelf: wat hier staat is wat de software rekent.</footer>
</body>
</html>
`;
}

export const STYLESHEET = `/* polis doc: one column, readable on a phone, printable. */
:root { color: #1b1f24; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 0 1rem 2rem; }
.kruimels { padding: .7rem 0; border-bottom: 1px solid #d0d4da; font-size: .92rem; }
.kruimels a + a::before, .kruimels span::before { content: " › "; color: #7d8793; }
h1 { font-size: 1.6rem; margin: 1rem 0 .3rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #d0d4da; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
a { color: #1c5d8a; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .88em; }
pre { background: #f4f6f8; border: 1px solid #e1e4e8; border-radius: 4px; padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
.meta { color: #3d4650; margin: .2rem 0; }
.knoppen { margin: .8rem 0; display: flex; flex-wrap: wrap; gap: .6rem; }
.knop { display: inline-block; background: #1c5d8a; color: #fff; padding: .35rem .8rem; border-radius: 4px; text-decoration: none; }
.tabel { overflow-x: auto; margin: .4rem 0 1rem; }
table { border-collapse: collapse; min-width: 60%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid #e1e4e8; }
thead th { border-bottom: 2px solid #b9c0c8; font-size: .9rem; }
.regel { border-left: 3px solid #1c5d8a; padding: .1rem .8rem; margin: .8rem 0; }
.regel pre { margin: .3rem 0; }
.geslaagd { color: #1d6b2f; }
.mislukt { color: #a3261c; }
.status { font-weight: 600; }
.voorbeeld { margin: 1rem 0; padding: .2rem .8rem; border: 1px solid #e1e4e8; border-radius: 4px; break-inside: avoid; }
.voorbeeld h3 { margin-top: .6rem; }
.kolommen { display: flex; flex-wrap: wrap; gap: 0 2rem; }
.figuur { overflow-x: auto; border: 1px solid #e1e4e8; border-radius: 4px; padding: .4rem; background: #fff; }
.figuur svg { display: block; margin: 0 auto; }
/* On a wide screen the picture may use the whole window, not just the text column. */
@media screen and (min-width: 66rem) { .figuur { margin-left: calc(50% - 50vw + 1.5rem); margin-right: calc(50% - 50vw + 1.5rem); } }
.legenda { font-size: .85rem; display: flex; flex-wrap: wrap; gap: .8rem; margin: .4rem 0; }
.legenda span::before { content: ""; display: inline-block; width: .9rem; height: .9rem; margin-right: .3rem; vertical-align: -2px; border: 1px solid; }
.legenda .invoer::before { background: #e3effa; border-color: #1c5d8a; }
.legenda .parameter::before { background: #fdf0d8; border-color: #8a5a00; }
.legenda .begrip::before { background: #eee6f7; border-color: #5b3b8a; }
.legenda .uitvoer::before { background: #dff2e2; border-color: #1d6b2f; border-radius: 50%; }
.polissen { list-style: none; padding: 0; }
.polissen li { padding: .6rem 0; border-bottom: 1px solid #e1e4e8; }
.polissen .titel { font-weight: 600; font-size: 1.05rem; }
.fouten { color: #a3261c; background: #fbeeed; border-left: 4px solid #a3261c; padding: .4rem .8rem; }
footer { margin-top: 3rem; font-size: .82rem; color: #5a6470; border-top: 1px solid #d0d4da; padding-top: .6rem; }
@media (max-width: 600px) {
  body { padding: 0 .6rem 1.5rem; } h1 { font-size: 1.35rem; }
  /* Tables become one card per row, each cell with its column's name. */
  .tabel table, .tabel tbody, .tabel tr, .tabel td { display: block; width: 100%; }
  .tabel thead { display: none; }
  .tabel tr { border-bottom: 1px solid #b9c0c8; padding: .3rem 0; }
  .tabel td { border: none; padding: .1rem 0; }
  .tabel td:empty { display: none; }
  .tabel td::before { content: attr(data-kop) ": "; color: #5a6470; font-size: .85rem; }
  .tabel td:first-child::before { content: none; }
  .tabel td:first-child { font-weight: 600; }
}
@media print {
  .kruimels, .knoppen, footer { display: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .figuur { overflow: visible; border: none; }
  .figuur svg { max-width: 100% !important; min-width: 0 !important; height: auto; }
  pre, .regel, .voorbeeld, tr { break-inside: avoid; }
  .tabel { overflow: visible; }
}
`;
