// `polis test [FILES|DIRS] [--seed N] [--runs N] [--reporter text|json|junit]`:
// run every `voorbeeld` of every policy, and check every `eigenschap` on
// generated inputs. A failing eigenschap prints its shrunk counterexample as a
// `voorbeeld` block and as a case file, with the outputs and the seed to
// repeat the run. The json reporter writes one document
// (docs/schemas/test.schema.json), the junit reporter JUnit XML, both on stdout.

import { hasErrors } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import { runExamples } from "../compiler/cases/examples.js";
import { quote } from "../compiler/format/print.js";
import { checkProperties, DEFAULT_RUNS, DEFAULT_SEED, type PropertyResult } from "../compiler/cases/properties.js";
import type { Diagnostic } from "../runtime/diagnostic.js";
import { diagnosticJson } from "./check.js";
import { EXIT_OK, EXIT_POLICY, findPolicies, printDiagnostics } from "./io.js";
import { compileFile } from "./compile-file.js";
import { renderJunit, type TestCaseReport } from "./junit.js";

export interface TestOptions {
  seed?: number;
  runs?: number;
  reporter?: "text" | "json" | "junit";
}

interface FileReport {
  file: string;
  /** Compile errors: the file was not tested. */
  broken: boolean;
  diagnostics: Diagnostic[];
  cases: TestCaseReport[];
}

function testFile(f: string, seed: number, runs: number, text: boolean): FileReport {
  const r = compileFile(f);
  if (text) printDiagnostics(r.diagnostics);
  if (hasErrors(r.diagnostics) || !r.policy) {
    if (text) process.stdout.write(`✗ ${r.file}: bevat fouten\n`);
    return { file: r.file, broken: true, diagnostics: r.diagnostics, cases: [] };
  }
  const module = load(r.policy);
  const cases: TestCaseReport[] = [];
  let t0 = performance.now();
  for (const res of runExamples(r.policy, module)) {
    const t1 = performance.now();
    cases.push({ kind: "voorbeeld", name: res.name, passed: res.passed, seconds: (t1 - t0) / 1000, diagnostics: res.diagnostics });
    t0 = t1;
    if (!text) continue;
    process.stdout.write(`${res.passed ? "✓" : "✗"} ${r.file}: voorbeeld ${quote(res.name)}\n`);
    printDiagnostics(res.diagnostics);
  }
  t0 = performance.now();
  for (const p of checkProperties(r.policy, module, { seed, runs })) {
    const t1 = performance.now();
    const report: TestCaseReport = { kind: "eigenschap", name: p.name, passed: p.passed, seconds: (t1 - t0) / 1000, diagnostics: [], runs: p.runs, discarded: p.discarded, seed: p.seed };
    if (p.failure) report.failure = { outcome: p.failure.outcome, voorbeeld: p.failure.voorbeeld, caseJson: p.failure.caseJson };
    cases.push(report);
    t0 = t1;
    if (text) printProperty(r.file, p, runs);
  }
  return { file: r.file, broken: false, diagnostics: r.diagnostics, cases };
}

function printProperty(file: string, p: PropertyResult, runs: number): void {
  const reasons = [
    p.discardedBy.condition > 0 ? `${p.discardedBy.condition} omdat een voorwaarde of beperking niet gold` : "",
    p.discardedBy.optional > 0 ? `${p.discardedBy.optional} omdat een benodigde optionele invoer ontbrak` : "",
  ].filter((x) => x !== "");
  const tried = `${p.runs} ${p.runs === 1 ? "geval" : "gevallen"}${p.discarded > 0 ? `; ${p.discarded} gegenereerde gevallen overgeslagen${p.passed && reasons.length > 0 ? `: ${reasons.join(", ")}` : ""}` : ""}`;
  if (p.passed) {
    process.stdout.write(`✓ ${file}: eigenschap ${quote(p.name)} (${tried})\n`);
    return;
  }
  process.stdout.write(`✗ ${file}: eigenschap ${quote(p.name)} geldt niet (${tried}, seed ${p.seed})\n`);
  if (p.failure) {
    process.stdout.write(`  uitkomst: ${p.failure.outcome}\n`);
    process.stdout.write(`  als voorbeeld:\n${indent(p.failure.voorbeeld, "    ")}\n`);
    process.stdout.write(`  als case-bestand:\n${indent(p.failure.caseJson, "    ")}\n`);
  }
  process.stdout.write(`  herhaal met: polis test ${file} --seed ${p.seed} --runs ${runs}\n`);
}

export function testCommand(args: string[], options: TestOptions = {}): number {
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_RUNS;
  const reporter = options.reporter ?? "text";
  const files = findPolicies(args.length > 0 ? args : ["."]).map((f) => testFile(f, seed, runs, reporter === "text"));
  const all = files.flatMap((f) => f.cases);
  const examples = all.filter((c) => c.kind === "voorbeeld");
  const props = all.filter((c) => c.kind === "eigenschap");
  const passed = examples.filter((c) => c.passed).length;
  const failed = examples.length - passed;
  const propsPassed = props.filter((c) => c.passed).length;
  const propsFailed = props.length - propsPassed;
  const broken = files.filter((f) => f.broken).length;
  const code = failed > 0 || broken > 0 || propsFailed > 0 ? EXIT_POLICY : EXIT_OK;
  if (reporter === "json") {
    const summary = { examples: { passed, failed }, properties: { passed: propsPassed, failed: propsFailed }, brokenFiles: broken, seed, runs, ok: code === EXIT_OK };
    const doc = { files: files.map((f) => ({ file: f.file, broken: f.broken, diagnostics: f.diagnostics.map(diagnosticJson), cases: f.cases.map(caseJson) })), summary };
    process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
    return code;
  }
  if (reporter === "junit") {
    process.stdout.write(renderJunit(files, seed));
    return code;
  }
  const parts = [`${passed} voorbeelden geslaagd`, `${failed} mislukt`];
  if (broken > 0) parts.push(`${broken} ${broken === 1 ? "bestand" : "bestanden"} met fouten`);
  if (propsPassed + propsFailed > 0) parts.push(`${propsPassed} ${propsPassed === 1 ? "eigenschap geldt" : "eigenschappen gelden"}`, `${propsFailed} niet`);
  process.stdout.write(parts.join(", ") + ` (seed ${seed})\n`);
  return code;
}

function caseJson(c: TestCaseReport): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: c.kind, name: c.name, passed: c.passed, diagnostics: c.diagnostics.map(diagnosticJson) };
  if (c.runs !== undefined) out["runs"] = c.runs;
  if (c.discarded !== undefined) out["discarded"] = c.discarded;
  if (c.seed !== undefined) out["seed"] = c.seed;
  if (c.failure) out["failure"] = c.failure;
  return out;
}

function indent(text: string, prefix: string): string {
  return text.split("\n").map((l) => prefix + l).join("\n");
}
