// Golden tests of the checker: test/golden/check/<feature>/{good,bad}/<name>.polis
// → <name>.diagnostics.txt, exactly what `polis check` prints on stderr for
// that file (no colour, paths relative to the repository; empty when there is
// nothing to say). A program in good/ has no errors (warnings are fine), one
// in bad/ has at least one. One last test runs the real CLI over every input
// and compares its stderr with the expected files.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile, hasErrors } from "../../compiler/pipeline.js";
import { renderDiagnostics } from "../../compiler/diagnostics/render.js";
import { load } from "../../compiler/emit/load.js";
import { proveCheck } from "../../compiler/proofs/check.js";
import { releaseSolver } from "../../compiler/proofs/z3.js";
import { GOLDEN, ROOT, caseName, listFiles, read, repoPath, sibling } from "./golden.js";

const DIR = path.join(GOLDEN, "check");
const files = listFiles(DIR, ".polis");

/** What `polis check FILE` writes on stderr (cli/io.ts printDiagnostics). */
async function checkOutput(file: string): Promise<{ text: string; errors: boolean }> {
  const shown = repoPath(file);
  const source = read(file);
  const { diagnostics, policy } = compile(source, shown);
  // As the CLI does (cli/check.ts): prove the outputs free of conflicts and gaps,
  // or fall back to generated cases where a construct cannot be encoded.
  if (policy && !hasErrors(diagnostics)) diagnostics.push(...(await proveCheck(policy, load(policy))).diagnostics);
  const text = diagnostics.length === 0 ? "" : renderDiagnostics(diagnostics, new Map([[shown, source]])) + "\n";
  return { text, errors: hasErrors(diagnostics) };
}

describe("golden diagnostics", () => {
  afterAll(releaseSolver);

  it("has good and bad inputs", () => {
    expect(files.some((f) => f.includes(`${path.sep}good${path.sep}`))).toBe(true);
    expect(files.some((f) => f.includes(`${path.sep}bad${path.sep}`))).toBe(true);
  });

  for (const file of files) {
    const kind = path.basename(path.dirname(file));
    it(caseName(DIR, file), async () => {
      expect(["good", "bad"]).toContain(kind);
      const { text, errors } = await checkOutput(file);
      await expect(text).toMatchFileSnapshot(sibling(file, ".diagnostics.txt"));
      expect(errors, kind === "good" ? "a good program has no errors" : "a bad program has an error").toBe(kind === "bad");
      expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/); // no stack trace
    });
  }

  it("`polis check` prints exactly the expected files on stderr", () => {
    const main = path.join(ROOT, "dist", "cli", "main.js");
    expect(fs.existsSync(main), "run `npm run build` first").toBe(true);
    const r = spawnSync(process.execPath, ["bin/polis.js", "check", ...files.map(repoPath)], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    const expected = files.map((f) => read(sibling(f, ".diagnostics.txt"))).join("");
    expect(r.stderr).toBe(expected);
    expect(r.status).toBe(files.some((f) => f.includes(`${path.sep}bad${path.sep}`)) ? 1 : 0);
  });
});
