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
