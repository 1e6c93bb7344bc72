// The lexer, parser and checker never throw (issue #4), with a few thousand
// inputs per CI run (test/budget.ts); `npm run fuzz` runs the same
// properties at length.

import fs from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import fc from "fast-check";
import { compileNeverThrows, mutations, randomText, tokenSoup } from "../../fuzz/properties.js";
import { polisFilesIn } from "../../cli/io.js";
import { runs, runsFor } from "../budget.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

const polisFiles = (dir: string): string[] => polisFilesIn(dir);

describe("the front end never throws", () => {
  it("on random text", () => {
    fc.assert(fc.property(randomText, compileNeverThrows), { numRuns: runs(500, 15_000), seed: 1 });
  });
  it("on random token sequences", () => {
    fc.assert(fc.property(tokenSoup, compileNeverThrows), { numRuns: runs(500, 15_000), seed: 2 });
  });
  const files = ["test/spec", "policies", "examples"].flatMap((d) => polisFiles(path.join(ROOT, d)));
  for (const f of files) {
    it(`on mutations of ${path.relative(ROOT, f)}`, () => {
      // A mutation costs a compile of the whole policy: about 400.000 characters per policy.
      const text = fs.readFileSync(f, "utf8");
      const numRuns = runsFor(text.length, { budget: 400_000, min: 8, max: 60 });
      fc.assert(fc.property(mutations(text), compileNeverThrows), { numRuns, seed: 3 });
    });
  }
});
