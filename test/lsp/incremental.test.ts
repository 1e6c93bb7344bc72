// The language server's incremental parse must give exactly what `compile`
// gives: the same AST (spans included) and the same diagnostics, for every
// policy of the repository and after edits anywhere in them.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { ParseCache, compileIncremental, declarationStarts } from "../../lsp/incremental.js";
import { polisFilesIn } from "../../cli/io.js";
import { largePolicy } from "../../bench/large-policy.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FILES = polisFilesIn(path.join(ROOT, "policies"), path.join(ROOT, "test/spec"), path.join(ROOT, "examples"), path.join(ROOT, "test/golden/check"));

function same(text: string, file: string, cache: ParseCache) {
  const full = compile(text, file);
  const incremental = compileIncremental(text, file, cache);
  expect(JSON.stringify(incremental.program)).toBe(JSON.stringify(full.program));
  expect(incremental.diagnostics).toEqual(full.diagnostics);
  expect(incremental.policy === undefined).toBe(full.policy === undefined);
}

describe("incremental parsing in the language server", () => {
  it("finds the declarations of a file", () => {
    const text = "polis p \"t\"\nsoort S: a, b\n# regel in commentaar\nregel r (artikel 1):\n  x 1\n  regel_2\n";
    expect(declarationStarts(text)).toEqual([12, 48]);
  });

  it("gives what compile gives, for every policy in the repository", () => {
    expect(FILES.length).toBeGreaterThan(20);
    for (const f of FILES) same(fs.readFileSync(f, "utf8"), path.relative(ROOT, f), new ParseCache());
  });

  it("gives what compile gives after edits, reusing its cache", () => {
    const rng = (() => { let s = 7; return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648; })();
    const edits = ["", " ", "\n", "x", "regel ", "#", "1", "\nparameter p: aantal = 3\n"];
    for (const f of FILES.filter((_, i) => i % 5 === 0)) {
      const original = fs.readFileSync(f, "utf8");
      const cache = new ParseCache();
      let text = original;
      for (let i = 0; i < 6; i++) {
        const at = Math.floor(rng() * text.length);
        text = text.slice(0, at) + edits[Math.floor(rng() * edits.length)] + text.slice(at + (rng() < 0.3 ? 1 : 0));
        same(text, "f.polis", cache);
        if (i % 3 === 2) text = original;
      }
    }
  });

  it("gives what compile gives on a 2.000-line policy", () => {
    const text = largePolicy(125);
    expect(text.split("\n").length).toBeGreaterThan(2000);
    const cache = new ParseCache();
    same(text, "groot.polis", cache);
    const at = text.indexOf("€ 150");
    same(text.slice(0, at) + "€ 1500" + text.slice(at + 5), "groot.polis", cache);
    expect(compile(text, "groot.polis").diagnostics).toEqual([]);
  });
});
