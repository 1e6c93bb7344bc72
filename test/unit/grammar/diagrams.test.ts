import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diagramsHtml, writeDiagrams } from "../../../grammar/diagrams.js";
import { ROOT } from "../../e2e/cli.js";

describe("writeDiagrams", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("writes an HTML page with the grammar's rules", () => {
    const dir = mkdtempSync(join(tmpdir(), "polis-diagrams-"));
    dirs.push(dir);
    const outFile = join(dir, "nested", "grammar.html");
    writeDiagrams(outFile);
    const html = readFileSync(outFile, "utf8");
    expect(html).toContain("<!DOCTYPE html>");
    expect(html).toContain("window.serializedGrammar");
    for (const rule of ["program", "regelDecl", "expression"]) {
      expect(html).toContain(`"name": "${rule}"`);
    }
  });

  it("matches docs/grammar.html (regenerate it with `npm run build && npm run diagrams` after a grammar change)", () => {
    // The rules are defined in a fixed order across grammar/rules/*.ts; the page follows it.
    expect(readFileSync(join(ROOT, "docs", "grammar.html"), "utf8")).toBe(diagramsHtml());
  });
});
