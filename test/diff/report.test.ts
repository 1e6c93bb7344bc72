// The change report a manager reads (issue 16), through the built CLI: the
// summary comes first, a changed rule is diffed word by word, --format html
// draws an SVG bar per changed output, JSON gives old and new values as data,
// and a policy without a counterpart is listed in the report itself.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertBuilt, polis } from "../e2e/cli.js";
import { wordDiff } from "../../compiler/diff/summary.js";
import { byArticle } from "../../compiler/diff/articles.js";
import { structuralDiff } from "../../compiler/diff/structural.js";
import { compile } from "../../compiler/pipeline.js";

describe("word diff of a rule text", () => {
  it("marks removed and added words, keeping the rest", () => {
    const parts = wordDiff("was:\n  regel r (artikel 1):\n    a b en c\nwordt:\n  regel r (artikel 1):\n    a d en c")!;
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["b"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["d"]);
    expect(parts.map((p) => (p.kind === "added" ? "" : p.text)).join("")).toBe("regel r (artikel 1):\n  a b en c");
  });
});

const OLD = "test/diff/threshold-oud.polis";
const NEW = "test/diff/threshold-nieuw.polis";

describe("polis diff: the report a manager reads", () => {
  beforeAll(() => assertBuilt());

  it("markdown opens with a summary and diffs the changed rule word by word", async () => {
    const r = await polis(["diff", OLD, NEW, "--format", "markdown"]);
    expect(r.status).toBe(0);
    const md = r.stdout;
    const summary = md.indexOf("## Samenvatting");
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(md.indexOf("## Wijzigingen per artikel"));
    expect(md.indexOf("## Wijzigingen per artikel")).toBeLessThan(md.indexOf("## Voorbeeldgevallen"));
    expect(md).toContain("Van versie 2012 naar 2013 veranderden");
    expect(md).toMatch(/\| `te_laat` \| [0-9,]+ % \| `█+░*` \|/);
    expect(md).toContain("### Artikel 4.2");
    expect(md).toContain("regel `termijn` gewijzigd (artikel 4.2): > 56 → > 35");
    // the progress line is for terminals only
    expect(r.stderr).toBe("");
  });

  it("html draws an SVG bar per changed output and marks the word diff", async () => {
    const r = await polis(["diff", OLD, NEW, "--format", "html"]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(r.stdout).toContain("<svg");
    expect(r.stdout).toContain("regel termijn gewijzigd: &gt; 56 → &gt; 35");
  });

  it("json gives old and new values as data", async () => {
    const r = await polis(["diff", OLD, NEW, "--format", "json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { summary: { sentences: string[] }; semantic: { witnesses: { values: Record<string, { old: unknown; new: unknown }> }[] } };
    expect(j.summary.sentences.length).toBeGreaterThanOrEqual(2);
    const w = j.semantic.witnesses[0]!;
    expect(w.values.te_laat).toEqual({ old: false, new: true });
  });

  it("lists a policy without a counterpart in the report", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-diff-"));
    fs.mkdirSync(path.join(dir, "oud"));
    fs.mkdirSync(path.join(dir, "nieuw"));
    fs.copyFileSync(path.join(ROOT, OLD), path.join(dir, "oud", "a.polis"));
    fs.copyFileSync(path.join(ROOT, NEW), path.join(dir, "nieuw", "a.polis"));
    fs.writeFileSync(path.join(dir, "nieuw", "b.polis"), fs.readFileSync(path.join(ROOT, NEW), "utf8").replace("polis wachttijd", "polis andere"));
    const r = await polis(["diff", path.join(dir, "oud"), path.join(dir, "nieuw"), "--format", "markdown"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("## Polissen zonder tegenhanger");
    expect(r.stdout).toMatch(/polis andere \(.*b\.polis\) is nieuw/);
  });
});

describe("changes by article (issue 16)", () => {
  const compiled = (file: string) => {
    const r = compile(fs.readFileSync(path.join(ROOT, file), "utf8"), file);
    return { program: r.program!, policy: r.policy! };
  };

  it("puts an input without article under the article of the rules that used it, and collapses plain removals", () => {
    const o = compiled("policies/riziv/2008/vertebroplastie.polis");
    const n = compiled("policies/riziv/2022/vertebroplastie.polis");
    const groups = byArticle(structuralDiff(o.program, n.program), { old: o.policy, new: n.policy });
    const where = (name: string) => groups.find((g) => g.lists.some((l) => l.names.includes(name)) || g.changes.some((c) => c.change.name === name))?.title;
    // read by the indicatie rule (34 § 1 b A), through a begrip for ao_type
    expect(where("hoogteverlies")).toBe("artikel 34 § 1 b A");
    expect(where("ct_scan")).toBe("artikel 34 § 1 b A + B");
    expect(where("botscintigrafie_met_spect")).toBe("artikel 34 § 1 b A + B");
    const algemeen = groups.find((g) => g.title === "algemeen")!;
    // only what the policy ties to no article stays general: the header and the types
    expect(algemeen.changes.map((c) => c.change.what)).toEqual(["polis"]);
    expect(algemeen.lists.every((l) => /^(soort|gegevens) /.test(l.label))).toBe(true);
    const removed = groups.find((g) => g.title === "artikel 34 § 1 b A + B")!.lists.find((l) => l.label === "invoer verwijderd")!;
    expect(removed.names).toEqual(["ct_scan", "botscintigrafie_zonder_spect"]);
  });
});

describe("polis diff: groups of cases in the report (issue 16)", () => {
  beforeAll(() => assertBuilt());

  it("lists each group in the summary and shows only the inputs that made the difference", async () => {
    const r = await polis(["diff", "test/diff/leeftijd-oud.polis", "test/diff/leeftijd-nieuw.polis", "--format", "markdown"]);
    expect(r.status).toBe(0);
    const md = r.stdout;
    const summary = md.slice(md.indexOf("## Samenvatting"), md.indexOf("## Wijzigingen per artikel"));
    expect(summary).toContain("Groepen gevallen die om dezelfde reden veranderen");
    expect(summary).toMatch(/^\d\. .*verplicht € 220 → € 350.*want verplicht_per_jaar: € 220 → € 350$/m);
    expect(summary).toMatch(/^\d\. .*verplicht € 0 → € 350.*leeftijd: 1[67].*oud «leeftijd < 18», nieuw «anders»$/m);
    expect(summary).toMatch(/^\d\. .*terug_te_vragen € 1.000 → € 1.200.*want plafond: € 1.000 → € 1.200$/m);
    // the ceiling's group shows the costs and nothing else; the adults' group no costs
    const groups = md.split("### Groep ").slice(1);
    const ceiling = groups.find((g) => g.startsWith(`${g[0]}: terug_te_vragen`))!;
    expect(ceiling.slice(0, ceiling.indexOf("|"))).toMatch(/Invoer die ertoe doet:\n\n- kosten: € 1\.500\n\nWant: `plafond: € 1\.000 → € 1\.200`\./);
    const adults = groups.find((g) => /\n- leeftijd: 40\n/.test(g))!;
    expect(adults.slice(0, adults.indexOf("|"))).not.toContain("kosten");
    expect(adults).not.toContain("`plafond");
  });

  it("gives the groups in json", async () => {
    const r = await polis(["diff", "test/diff/leeftijd-oud.polis", "test/diff/leeftijd-nieuw.polis", "--format", "json"]);
    const j = JSON.parse(r.stdout) as { semantic: { groups: number; witnesses: { shown: { name: string }[]; share: number }[] } };
    expect(j.semantic.groups).toBeGreaterThanOrEqual(3);
    expect(j.semantic.witnesses.length).toBe(3);
    for (const w of j.semantic.witnesses) expect(w.share).toBeGreaterThan(0);
  });
});
