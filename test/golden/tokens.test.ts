// Golden tests of the lexer: test/golden/tokens/<name>.polis → <name>.tokens.txt,
// one token per line (grammar/print-tokens.ts), then the lexer's diagnostics.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { lex } from "../../grammar/lexer.js";
import { printTokens } from "../../grammar/print-tokens.js";
import { renderDiagnostics } from "../../compiler/diagnostics/render.js";
import { GOLDEN, caseName, listFiles, read, repoPath, sibling } from "./golden.js";

const DIR = path.join(GOLDEN, "tokens");
const files = listFiles(DIR, ".polis");

describe("golden tokens", () => {
  it("has inputs", () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    it(caseName(DIR, file), async () => {
      const shown = repoPath(file);
      const text = read(file);
      const { tokens, diagnostics } = lex(text, shown);
      let out = printTokens(tokens) + "\n";
      if (diagnostics.length > 0) out += "\n" + renderDiagnostics(diagnostics, new Map([[shown, text]])) + "\n";
      await expect(out).toMatchFileSnapshot(sibling(file, ".tokens.txt"));
    });
  }
});
