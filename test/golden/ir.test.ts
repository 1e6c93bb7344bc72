// Golden tests of the IR and its decisions (compiler/ir/print.ts): every
// policy of test/golden/emit/ and test/golden/run/, and any policy placed in
// test/golden/ir/ itself, → test/golden/ir/<folder>/<name>.ir.txt. The IR is
// what every back end reads (the JS/TS emitter, the SQL back end): a change
// to it shows here first.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { printPolicy } from "../../compiler/ir/print.js";
import { GOLDEN, caseName, listFiles, read, repoPath } from "./golden.js";

const DIR = path.join(GOLDEN, "ir");
const SOURCES = ["emit", "run", "ir"].map((d) => path.join(GOLDEN, d));
const files = SOURCES.flatMap((d) => listFiles(d, ".polis"));

/** test/golden/run/delen.polis → test/golden/ir/run/delen.ir.txt; a policy in ir/ sits next to its file. */
function expectedFile(file: string): string {
  const rel = path.relative(GOLDEN, file);
  const inIr = rel.startsWith(`ir${path.sep}`);
  return path.join(inIr ? GOLDEN : DIR, rel).replace(/\.polis$/, ".ir.txt");
}

describe("golden IR", () => {
  it("has inputs", () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    it(caseName(GOLDEN, file), async () => {
      const shown = repoPath(file);
      const r = compile(read(file), shown);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      await expect(printPolicy(r.policy!) + "\n").toMatchFileSnapshot(expectedFile(file));
    });
  }
});
