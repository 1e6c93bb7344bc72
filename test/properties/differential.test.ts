// Differential testing (issue #4): the execution paths agree on every
// generated input of every policy — the in-process module of `polis run`
// (evaluateJson), the TypeScript library of `polis build` (evaluate), and
// batch mode (`polis run --input cases.jsonl`). Also: bad case files are
// always rejected with a P07xx error and never a result; policy text cannot
// inject code into a generated module; building twice is byte-identical.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { compile } from "../../compiler/pipeline.js";
import { load, type DecisionModule } from "../../compiler/emit/load.js";
import { inputsArbitrary } from "../../compiler/cases/generators.js";
import { encodeValue } from "../../runtime/case.js";
import { PolisError } from "../../runtime/diagnostic.js";
import type { Policy } from "../../compiler/ir/ir.js";
import { polisFilesIn } from "../../cli/io.js";
import { runs } from "../budget.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/polis.js");
const CASES_PER_POLICY = runs(30, 300);

const polisFiles = (dir: string): string[] => polisFilesIn(dir);

/** A temporary tree with the policies to build (the build command takes one directory). */
const tree = fs.mkdtempSync(path.join(os.tmpdir(), "polis-diff-src-"));
const out = fs.mkdtempSync(path.join(os.tmpdir(), "polis-diff-out-"));
const sources = [...polisFiles(path.join(ROOT, "test/spec")), ...polisFiles(path.join(ROOT, "policies")), path.join(ROOT, "test/properties/fixtures/injectie.polis")];
const relOf = (f: string) => path.relative(ROOT, f).replace(/^test\//, "");

function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof PolisError) return { fout: { code: e.diagnostic.code } };
    const d = (e as { diagnostic?: { code: string } }).diagnostic;
    if (d) return { fout: { code: d.code } };
    throw e;
  }
}

function casesFor(policy: Policy, seed: number): Record<string, unknown>[] {
  return fc.sample(inputsArbitrary(policy), { numRuns: CASES_PER_POLICY, seed }).map((values) => {
    const c: Record<string, unknown> = {};
    for (const i of policy.inputs) if (values[i.name] !== undefined) c[i.name] = encodeValue(values[i.name], i.desc.type);
    return c;
  });
}

beforeAll(() => {
  for (const f of sources) {
    const target = path.join(tree, relOf(f));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(f, target);
  }
  execFileSync(process.execPath, [BIN, "build", tree, "--out", out], { stdio: "pipe" });
}, 300_000);

describe("the execution paths agree", () => {
  sources.forEach((f, index) => {
    it(relOf(f), async () => {
      const r = compile(fs.readFileSync(f, "utf8"), relOf(f));
      expect(r.policy, r.diagnostics.map((d) => d.message).join("\n")).toBeDefined();
      const inProcess: DecisionModule = load(r.policy!);
      const built = (await import(path.join(out, relOf(f).replace(/\.polis$/, ".js")))) as { evaluate(i: unknown): unknown };
      const cases = casesFor(r.policy!, 1000 + index);
      const expected = cases.map((c) => outcome(() => inProcess.evaluateJson(JSON.stringify(c))));
      // The built TypeScript module.
      cases.forEach((c, i) => expect(outcome(() => built.evaluate(c)), JSON.stringify(c)).toEqual(expected[i]));
      // Batch mode: one line per case, in order.
      const jsonl = path.join(tree, `cases-${index}.jsonl`);
      fs.writeFileSync(jsonl, cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
      const run = spawnSync(process.execPath, [BIN, "run", f, "--input", jsonl], { encoding: "utf8" });
      const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(cases.length);
      lines.forEach((line, i) => {
        const e = expected[i] as Record<string, unknown>;
        if ("fout" in e) expect((line.fout as { code: string }).code).toBe((e.fout as { code: string }).code);
        else expect(line).toEqual(e);
      });
      expect(run.stderr).not.toMatch(/interne fout|at .*\.js:\d+/);
    });
  });
});

describe("bad case files", () => {
  const junk = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 40 }),
    fc.constantFrom("NaN", "Infinity", "-Infinity", "1e400", '{"a": 1e2}', "[[[[[[[[[[", "null", "[]", '"x"', "{}", '{"__proto__": {"x": 1}}'),
  );
  const specFile = path.join(ROOT, "test/spec/vgz-eigen-risico.polis");
  const module = load(compile(fs.readFileSync(specFile, "utf8"), "spec.polis").policy!);
  const good = { geboortedatum: "1970-03-12", polis_start: "2012-01-01", polis_eind: "2012-01-30", vrijwillig_eigen_risico: "100", kosten: "50.00", zorgsoort: "ziekenhuis" };
  const fields = Object.keys(good);
  const badValue = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom("NaN", "Infinity", "1e2", "12,50", "2012-02-30", "2013-02-29", "99999999999999999999999999", "-0.001", " 50", "", "€ 50", "ja"),
  );
  it("are rejected with a P07xx error naming the field, never a result or a crash", () => {
    fc.assert(
      fc.property(junk, (text) => {
        const r = outcome(() => module.evaluateJson(text)) as { fout?: { code: string } };
        expect(r.fout?.code ?? "result", text).toMatch(/^P07\d\d$/);
      }),
      { numRuns: runs(500, 15_000), seed: 5 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...fields), badValue, (field, value) => {
        const text = JSON.stringify({ ...good, [field]: value });
        let result: unknown;
        try {
          result = module.evaluateJson(text);
        } catch (e) {
          expect(e).toBeInstanceOf(PolisError);
          const d = (e as PolisError).diagnostic;
          expect(d.code).toMatch(/^P07\d\d$/);
          expect(d.field ?? "", text).toContain(field);
          return;
        }
        // Some junk is a valid value (e.g. a number that fits): then the decision must be complete.
        expect(Object.keys(result as object)).toEqual(["verplicht", "vrijwillig", "totaal", "ten_laste_verzekerde", "vergoeding"]);
      }),
      { numRuns: runs(500, 15_000), seed: 6 },
    );
  });
  it("make the CLI exit with 2, print {\"fout\": …} and no stack trace", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-bad-"));
    for (const [i, text] of ["[1,2]", '{"kosten": NaN}', "{", '{"geboortedatum": "1970-02-30"}', "1e5"].entries()) {
      const file = path.join(dir, `bad${i}.json`);
      fs.writeFileSync(file, text);
      const run = spawnSync(process.execPath, [BIN, "run", specFile, "--input", file], { encoding: "utf8" });
      expect(run.status, text).toBe(2);
      expect(JSON.parse(run.stdout).fout.code).toMatch(/^P07\d\d$/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("policy text cannot inject code", () => {
  it("quotes, backticks, ${, */ and Unicode names compile to safe code that runs", async () => {
    const f = path.join(ROOT, "test/properties/fixtures/injectie.polis");
    const r = compile(fs.readFileSync(f, "utf8"), "injectie.polis");
    const m = load(r.policy!);
    const input = { naam: "`${process.exit(6)}` \" */", keuze: "ĳs", geërfd: "2.50" };
    expect(m.evaluate(input)).toEqual({ begroeting: "gevonden: \\ ` ${x} */", ĳzer: "5.00", gekozen: true });
    expect(m.metadata.title).toBe('titel met " aanhalingsteken, `backtick`, ${x}, */ en /* en \\ backslash');
    const built = (await import(path.join(out, "properties/fixtures/injectie.js"))) as { evaluate(i: unknown): unknown; metadata: { version: string } };
    expect(built.evaluate(input)).toEqual(m.evaluate(input));
    expect(built.metadata.version).toBe("1 ${process.exit(3)}");
    // The library as its users use it: the typed Input, evaluate and explain,
    // checked by tsc together with the library.
    fs.writeFileSync(
      path.join(out, "usage.ts"),
      [
        'import { policies_vgz_2012_eigen_risico as er, PolisError } from "./index.js";',
        "const input: er.Input = {",
        '  geboortedatum: "1970-03-12", polis_start: "2012-01-01", polis_eind: "2012-01-30",',
        '  vrijwillig_eigen_risico: "100", eerdere_verzekeringen: [], zorgkosten: [],',
        "};",
        "const output: er.Output = er.evaluate(input);",
        "export const verplicht: string = output.verplicht;",
        "export const text: string = er.explain(input).text;",
        "export const isError = (e: unknown): boolean => e instanceof PolisError;",
        "",
      ].join("\n"),
    );
    const usage = (await import(path.join(out, "usage.ts"))) as { verplicht: string; text: string };
    expect(usage.verplicht).toBe("18.00");
    expect(usage.text).toContain("artikel 7.1, 7.4");
    // And the whole built library type-checks under --strict.
    fs.writeFileSync(path.join(out, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ["**/*.ts"] }));
    if (!fs.existsSync(path.join(out, "node_modules"))) fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(out, "node_modules"));
    const tsc = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", out], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});

describe("builds are deterministic", () => {
  it("building twice gives byte-identical output", () => {
    // The first build is `out` (beforeAll); what the build writes: modules, declarations, schemas.
    const first = out;
    const again = fs.mkdtempSync(path.join(os.tmpdir(), "polis-again-"));
    execFileSync(process.execPath, [BIN, "build", tree, "--out", again], { stdio: "pipe" });
    const built = (p: string) => (p.endsWith(".js") || p.endsWith(".ts") || p.endsWith(".json")) && !p.endsWith("package.json") && !p.includes("node_modules");
    const files = (fs.readdirSync(again, { recursive: true }) as string[]).filter(built).sort();
    expect(files.length).toBeGreaterThan(sources.length);
    expect((fs.readdirSync(first, { recursive: true }) as string[]).filter(built).filter((p) => p !== "usage.ts" && p !== "tsconfig.json").sort()).toEqual(files);
    for (const p of files) expect(fs.readFileSync(path.join(again, p), "utf8"), p).toBe(fs.readFileSync(path.join(first, p), "utf8"));
  }, 300_000);
});
