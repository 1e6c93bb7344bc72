// The lexer, parser and checker never throw (issue #4), with a few thousand
// inputs per CI run; `npm run fuzz` runs the same properties at length.

import fs from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import fc from "fast-check";
import { compileNeverThrows, mutations, randomText, tokenSoup } from "../../fuzz/properties.js";
import { polisFilesIn } from "../../cli/io.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

const polisFiles = (dir: string): string[] => polisFilesIn(dir);

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
