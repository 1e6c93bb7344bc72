// docs/language.md, the language reference users read: its diagnostics
// section is generated from the one catalog (tools/language-doc.ts) and must
// be current; its complete programs compile; it names every stdlib function;
// nothing in the repository points to the language design outside it.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOC, ROOT, withDiagnostics } from "../../tools/language-doc.js";
import { MESSAGES } from "../../runtime/messages.js";
import { STDLIB } from "../../stdlib/index.js";
import { compile } from "../../compiler/pipeline.js";

const doc = fs.readFileSync(DOC, "utf8");

describe("docs/language.md", () => {
  it("has the diagnostics section the catalog generates (run `npm run build && npm run docs:language` when this fails)", () => {
    expect(withDiagnostics(doc)).toBe(doc);
  });

  it("lists every diagnostic code", () => {
    for (const code of Object.keys(MESSAGES)) expect(doc).toContain(`### ${code} (`);
  });

  it("describes every standard-library function", () => {
    for (const f of STDLIB) expect(doc).toContain(`\`${f.name}(`);
  });

  it("has complete programs that compile without errors", () => {
    const programs = [...doc.matchAll(/```polis\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((p) => /^polis /m.test(p));
    expect(programs.length).toBeGreaterThanOrEqual(2);
    for (const p of programs) expect(compile(p, "docs/language.md").diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("is what users are pointed to: README, docs, hints and generated modules name no file outside the repository", () => {
    const files = ["README.md", "policies/README.md", "editors/vscode/README.md", "runtime/messages.ts"];
    for (const f of fs.readdirSync(path.join(ROOT, "docs"))) if (f.endsWith(".md")) files.push(`docs/${f}`);
    for (const f of fs.readdirSync(path.join(ROOT, "test/golden/emit"))) if (f.endsWith(".ts") && !f.endsWith(".test.ts")) files.push(`test/golden/emit/${f}`);
    for (const f of files) {
      const text = fs.readFileSync(path.join(ROOT, f), "utf8");
      expect(text, f).not.toMatch(/\.\.\/shared|LANGUAGE\.md/);
    }
  });
});
