// compiler/doc: the dependency graph read from the IR, article order, the
// pages of the site and their escaping (issue 14). The site in a browser:
// test/browser/doc.test.ts.

import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../../../compiler/pipeline.js";
import type { Policy } from "../../../../compiler/ir/ir.js";
import { dependencyGraph, dependencySvg } from "../../../../compiler/doc/graph.js";
import { compareArticles, pageOf, renderSite, type PolicyDoc } from "../../../../compiler/doc/site.js";

function policyOf(source: string): Policy {
  const r = compile(source, "t.polis");
  if (!r.policy) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.policy;
}

const EXAMPLE = fs.readFileSync("examples/vgz-eigen-risico.polis", "utf8");

describe("dependency graph", () => {
  const g = dependencyGraph(policyOf(EXAMPLE));
  const has = (from: string, to: string) => g.edges.some((e) => e.from === from && e.to === to);

  it("follows rules, begrippen and functions to inputs and parameters", () => {
    expect(has("begrip:leeftijd", "uitvoer:verplicht")).toBe(true);
    expect(has("parameter:verplicht_per_jaar", "uitvoer:verplicht")).toBe(true);
    expect(has("invoer:geboortedatum", "begrip:leeftijd")).toBe(true);
    // naar_rato() reads looptijd and polis_start: the output depends on them.
    expect(has("begrip:looptijd", "uitvoer:verplicht")).toBe(true);
    expect(has("invoer:polis_start", "uitvoer:verplicht")).toBe(true);
    expect(has("uitvoer:verplicht", "uitvoer:totaal")).toBe(true);
    // What a rule does not read is not an edge.
    expect(has("invoer:kosten", "uitvoer:verplicht")).toBe(false);
    expect(has("invoer:zorgsoort", "uitvoer:ten_laste_verzekerde")).toBe(true);
  });

  it("lays it out as an SVG with a node per name and escaped labels", () => {
    const svg = dependencySvg(policyOf(EXAMPLE), 'titel met <b>"tekens"</b>');
    expect(svg.startsWith("<svg")).toBe(true);
    for (const n of g.nodes) expect(svg).toContain(`data-naam="${n.name}"`);
    expect(svg).toContain("titel met &lt;b&gt;&quot;tekens&quot;&lt;/b&gt;");
    expect(svg).not.toMatch(/NaN|undefined/);
  });
});

describe("site", () => {
  it("orders articles as people read them", () => {
    expect(["13.2", "8.3.1", "7.4", "7.1", "8.3", "10a", "10"].sort(compareArticles)).toEqual(["7.1", "7.4", "8.3", "8.3.1", "10", "10a", "13.2"]);
  });

  const hostile = `polis p "Titel <script>alert(1)</script>"

invoer
  x: aantal

uitvoer
  y: aantal

regel r (artikel 2, 1):
  y x

voorbeeld "a <b>":
  gegeven x 1
  verwacht y 2
`;
  const doc: PolicyDoc = {
    path: "v/2012/p.polis",
    source: hostile,
    policy: policyOf(hostile),
    diagnostics: [],
    examples: [{ name: "a <b>", passed: false, diagnostics: [] }],
    properties: [],
  };

  it("writes an index, a page per policy, a page per change report and the stylesheet", () => {
    const files = renderSite([doc], [{ name: "p-2012", markdown: "# Wijzigingen in p\n\nPolis `p`: `policies/v/2012/p.polis`." }], { playground: "playground/index.html" });
    expect([...files.keys()].sort()).toEqual(["index.html", "stijl.css", "v-2012-p.html", "wijziging-p-2012.html"]);
    expect(pageOf("v/2012/p.polis")).toBe("v-2012-p.html");
    const page = files.get("v-2012-p.html")!;
    // Nothing from the policy becomes markup.
    expect(page).not.toContain("<script>");
    expect(page).toContain("Titel &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain('data-naam="a &lt;b&gt;" data-resultaat="mislukt"');
    // The playground link carries the policy text, base64url.
    const link = /href="playground\/index\.html#bron=([A-Za-z0-9_-]+)"/.exec(page)!;
    expect(Buffer.from(link[1]!, "base64url").toString("utf8")).toBe(hostile);
    // The change report is linked from the policy it names, and back.
    expect(page).toContain('href="wijziging-p-2012.html"');
    expect(files.get("wijziging-p-2012.html")).toContain('href="v-2012-p.html"');
    expect(files.get("index.html")).toContain('href="wijziging-p-2012.html"');
  });

  it("names every rule an exception replaces, with a link", () => {
    const source = fs.readFileSync("test/golden/run/uitzondering-op-meerdere.polis", "utf8");
    const d: PolicyDoc = { path: "u.polis", source, policy: policyOf(source), diagnostics: [], examples: [], properties: [] };
    expect(renderSite([d], [], { playground: "p.html" }).get("u.html")).toContain('uitzondering op <a href="#regel-jong">jong</a>, <a href="#regel-oud">oud</a>');
  });

  it("shows a policy with errors by its errors and text", () => {
    const broken: PolicyDoc = { path: "kapot.polis", source: "polis x", diagnostics: compile("polis x", "kapot.polis").diagnostics, examples: [], properties: [] };
    const page = renderSite([broken], [], { playground: "playground/index.html" }).get("kapot.html")!;
    expect(page).toContain("Deze polis bevat fouten");
    expect(page).toMatch(/regel 1: P02/);
  });
});
