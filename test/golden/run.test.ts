// Golden tests of evaluation: test/golden/run/<name>.polis + <name>.case.json
// → <name>.output.json (what `polis run` prints on stdout) and
// <name>.explain.txt (what `polis run --explain` prints). More cases for one
// program are <name>.<variant>.case.json → <name>.<variant>.output.json, ….
// Each case is decided twice more and must agree: by `polis run` itself, and
// by the TypeScript module `polis build` writes for the program.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { load, type DecisionModule } from "../../compiler/emit/load.js";
import { emitModule } from "../../compiler/emit/typescript.js";
import { parseCaseText } from "../../runtime/case.js";
import { PolisError, type Diagnostic } from "../../runtime/diagnostic.js";
import { GOLDEN, ROOT, caseName, listFiles, read, repoPath } from "./golden.js";

const DIR = path.join(GOLDEN, "run");
const caseFiles = listFiles(DIR, ".case.json");

interface Case {
  caseFile: string;
  program: string;
  /** The expected files without their ending: `…/<name>` or `…/<name>.<variant>`. */
  base: string;
}

const cases: Case[] = caseFiles.map((caseFile) => {
  const base = caseFile.slice(0, -".case.json".length);
  const program = fs.existsSync(`${base}.polis`) ? `${base}.polis` : `${base.replace(/\.[^./\\]+$/, "")}.polis`;
  return { caseFile, program, base };
});

/** `{"fout": …}` as cli/run.ts prints it for a case that fails. */
function errorJson(d: Diagnostic): string {
  const fout: Record<string, unknown> = { code: d.code, bericht: d.message };
  if (d.field !== undefined) fout.veld = d.field;
  if (d.line !== undefined) fout.lijn = d.line;
  return JSON.stringify({ fout }) + "\n";
}

const modules = new Map<string, DecisionModule>();
function moduleFor(program: string): DecisionModule {
  let m = modules.get(program);
  if (!m) {
    const r = compile(read(program), repoPath(program));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    m = load(r.policy!);
    modules.set(program, m);
  }
  return m;
}

function attempt(f: () => string): string {
  try {
    return f();
  } catch (e) {
    // Duck-typed: the built module may carry its own copy of the runtime.
    if (e instanceof PolisError || (e instanceof Error && e.name === "PolisError")) return errorJson((e as PolisError).diagnostic);
    throw e;
  }
}

/** Stdout of `polis run PROGRAM --input CASE [--explain]`, computed in-process. */
function runOutputs(c: Case): { output: string; explain: string } {
  const m = moduleFor(c.program);
  const text = read(c.caseFile);
  return {
    output: attempt(() => JSON.stringify(m.evaluateJson(text), null, 2) + "\n"),
    explain: attempt(() => m.explain(parseCaseText(text) as Record<string, unknown>).text),
  };
}

function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/polis.js", ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-golden-run-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("golden evaluation", () => {
  it("has inputs", () => expect(cases.length).toBeGreaterThan(0));

  for (const c of cases) {
    it(caseName(DIR, c.caseFile), async () => {
      expect(fs.existsSync(c.program), `${repoPath(c.program)} exists`).toBe(true);
      const { output, explain } = runOutputs(c);
      await expect(output).toMatchFileSnapshot(`${c.base}.output.json`);
      await expect(explain).toMatchFileSnapshot(`${c.base}.explain.txt`);
    });
  }

  it("`polis run` prints the same", async () => {
    // One process per program (spawning one per case is slow): its cases as
    // one .jsonl file, one result line each, `lijn` added to a failure.
    const programs = [...new Set(cases.map((c) => c.program))];
    const runs = programs.map(async (program, i) => {
      const own = cases.filter((c) => c.program === program);
      const jsonl = path.join(tmp, `${i}-${path.basename(program, ".polis")}.jsonl`);
      fs.writeFileSync(jsonl, own.map((c) => read(c.caseFile).replace(/[\r\n]+/g, " ").trim()).join("\n") + "\n");
      const lines = (await cli(["run", repoPath(program), "--input", jsonl])).trimEnd().split("\n");
      expect(lines, repoPath(program)).toHaveLength(own.length);
      own.forEach((c, n) => {
        const expected = JSON.parse(read(`${c.base}.output.json`)) as { fout?: Record<string, unknown> };
        const actual = JSON.parse(lines[n]!) as { fout?: Record<string, unknown> };
        if (expected.fout) {
          expected.fout.lijn = n + 1;
          // Invalid JSON is located by line and column in a file, by position in a .jsonl line.
          if (expected.fout.code === "P0701") {
            delete expected.fout.bericht;
            delete actual.fout?.bericht;
          }
        }
        expect(actual, repoPath(c.caseFile)).toEqual(expected);
      });
    });
    await Promise.all(runs);
  });

  it("the module `polis build` writes decides the same", async () => {
    const programs = [...new Set(cases.map((c) => c.program))];
    const built = new Map<string, { evaluateJson(text: string): unknown }>();
    for (const program of programs) {
      const r = compile(read(program), repoPath(program));
      const code = await emitModule(r.policy!, {
        runtimeImport: path.join(ROOT, "runtime", "index.js"),
        stdlibImport: path.join(ROOT, "stdlib", "index.js"),
        sourcePath: repoPath(program),
      });
      const file = path.join(tmp, `${built.size}-${path.basename(program, ".polis")}.ts`);
      fs.writeFileSync(file, code);
      built.set(program, await import(pathToFileURL(file).href));
    }
    for (const c of cases) {
      const m = built.get(c.program)!;
      const out = attempt(() => JSON.stringify(m.evaluateJson(read(c.caseFile)), null, 2) + "\n");
      expect(out, repoPath(c.caseFile)).toBe(read(`${c.base}.output.json`));
    }
  });
});
