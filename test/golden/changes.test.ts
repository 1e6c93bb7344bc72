// Golden yearly change reports (LANGUAGE.md §11, issue #5): each file in
// docs/changes/ is exactly what `polis diff OLD NEW --format markdown` prints
// when run from the repository root, with the CLI's default options (seed,
// sample size, number of witnesses). The report is regenerated in-process the
// way cli/diff.ts does it, so a change to a policy or to the diff shows up here
// as a changed report. Regenerate a report after an intended change with
// `npx vitest run test/golden/changes.test.ts -u` (or with the CLI command).

import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile, hasErrors } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { structuralDiff } from "../../compiler/diff/structural.js";
import { semanticDiff } from "../../compiler/diff/semantic.js";
import { renderMarkdown, type DiffPair } from "../../compiler/diff/report.js";
import { ROOT, read } from "./golden.js";

/** Paths relative to the repository root, as the CLI shows them when run there. */
const REPORTS = [
  {
    report: "docs/changes/vgz-eigen-risico-2012-2013.md",
    old: "policies/vgz/2012/eigen-risico.polis",
    new: "policies/vgz/2013/eigen-risico.polis",
  },
  {
    report: "docs/changes/riziv-vertebroplastie-2008-2022.md",
    old: "policies/riziv/2008/vertebroplastie.polis",
    new: "policies/riziv/2022/vertebroplastie.polis",
  },
];

function compiled(file: string) {
  const r = compile(read(path.join(ROOT, file)), file);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(hasErrors(r.diagnostics)).toBe(false);
  return { program: r.program!, policy: r.policy! };
}

/** `polis diff OLD NEW --format markdown` for two files of one polis. */
function report(oldFile: string, newFile: string): string {
  const o = compiled(oldFile);
  const n = compiled(newFile);
  expect(n.policy.metadata.name).toBe(o.policy.metadata.name);
  // The CLI passes no seed, samples or witnesses unless asked: the defaults.
  const semantic = semanticDiff({ policy: o.policy, module: load(o.policy) }, { policy: n.policy, module: load(n.policy) }, {});
  const pair: DiffPair = {
    name: o.policy.metadata.name,
    oldFile,
    newFile,
    oldPolicy: o.policy,
    newPolicy: n.policy,
    structural: structuralDiff(o.program, n.program),
    semantic,
  };
  return renderMarkdown([pair]);
}

describe("golden change reports (docs/changes)", () => {
  for (const r of REPORTS) {
    it(r.report, async () => {
      const text = report(r.old, r.new);
      await expect(text).toMatchFileSnapshot(path.join(ROOT, r.report));
    });
  }
});
