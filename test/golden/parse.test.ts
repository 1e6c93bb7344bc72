// Golden tests of the parser: test/golden/parse/<feature>/<name>.polis →
// <name>.ast.txt (compiler/syntax/print.ts). Every input must parse without
// diagnostics; syntax errors are the check stage's golden files.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../compiler/syntax/parse.js";
import { printProgram } from "../../compiler/syntax/print.js";
import { renderDiagnostics } from "../../compiler/diagnostics/render.js";
import { GOLDEN, caseName, listFiles, read, repoPath, sibling } from "./golden.js";

const DIR = path.join(GOLDEN, "parse");
const files = listFiles(DIR, ".polis");

describe("golden AST", () => {
  it("has inputs", () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    it(caseName(DIR, file), async () => {
      const shown = repoPath(file);
      const text = read(file);
      const { program, diagnostics } = parse(text, shown);
      expect(renderDiagnostics(diagnostics, new Map([[shown, text]]))).toBe("");
      expect(program).toBeDefined();
      await expect(printProgram(program!) + "\n").toMatchFileSnapshot(sibling(file, ".ast.txt"));
    });
  }
});
