// The lexer, parser and checker never throw (issue #4), with a few thousand
// inputs per CI run; `npm run fuzz` runs the same properties at length.

import fs from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import fc from "fast-check";
import { compileNeverThrows, mutations, randomText, tokenSoup } from "../../fuzz/properties.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

function polisFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : polisFiles(full);
    return e.name.endsWith(".polis") ? [full] : [];
  });
}

describe("the front end never throws", () => {
  it("on random text", () => {
    fc.assert(fc.property(randomText, compileNeverThrows), { numRuns: 1500, seed: 1 });
  });
  it("on random token sequences", () => {
    fc.assert(fc.property(tokenSoup, compileNeverThrows), { numRuns: 1500, seed: 2 });
  });
  const files = ["test/spec", "policies", "examples"].flatMap((d) => polisFiles(path.join(ROOT, d)));
  for (const f of files) {
    it(`on mutations of ${path.relative(ROOT, f)}`, () => {
      fc.assert(fc.property(mutations(fs.readFileSync(f, "utf8")), compileNeverThrows), { numRuns: 150, seed: 3 });
    });
  }
});
