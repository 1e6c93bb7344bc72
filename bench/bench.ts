// `npm run bench`: decisions per second of the compiled LANGUAGE.md §9.1
// policy against a hand-written exact TypeScript implementation of the same
// rules, on the same 100.000 generated cases, measured side by side in one
// run (interleaved rounds, medians), plus the wall time of `polis run` on one
// case. Prints figures and ratios; never fails on them (speed is measured
// here, not asserted in tests).

import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { compile } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import { generateCases } from "./cases.js";
import { evaluateHandwritten } from "./handwritten.js";
import { interleave } from "./measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const N = Number(process.env.POLIS_BENCH_CASES ?? 100_000);

function fmt(n: number): string {
  return Math.round(n).toLocaleString("nl-NL");
}

const file = path.join(ROOT, "test/spec/vgz-eigen-risico.polis");
const t0 = performance.now();
const compiled = compile(fs.readFileSync(file, "utf8"), "test/spec/vgz-eigen-risico.polis");
if (!compiled.policy) throw new Error("the §9.1 policy does not compile");
const module = load(compiled.policy);
const compileMs = performance.now() - t0;

const cases = generateCases(N, 2012);
// Same answers first: a benchmark of two different functions would be meaningless.
for (const c of cases.slice(0, 2000)) {
  const a = JSON.stringify(module.evaluate(c));
  const b = JSON.stringify(evaluateHandwritten(c));
  if (a !== b) throw new Error(`compiled and hand-written disagree on ${JSON.stringify(c)}: ${a} vs ${b}`);
}

const [compiledM, handM] = interleave(
  [
    { name: "compiled", fn: (c) => module.evaluate(c) },
    { name: "hand-written", fn: (c) => evaluateHandwritten(c) },
  ],
  cases,
);

// `polis run` on one case, wall time (median of 5 process starts).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-bench-"));
const caseFile = path.join(tmp, "case.json");
fs.writeFileSync(caseFile, JSON.stringify(cases[0]));
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  execFileSync(process.execPath, [path.join(ROOT, "bin/polis.js"), "run", file, "--input", caseFile], { stdio: "pipe" });
  runs.push(performance.now() - s);
}
runs.sort((a, b) => a - b);
fs.rmSync(tmp, { recursive: true, force: true });

const ratio = compiledM!.perSecond / handM!.perSecond;
console.log(`Polis bench — LANGUAGE.md §9.1 (vgz_eigen_risico), ${fmt(N)} cases, node ${process.version}`);
console.log(`  compile (parse, check, generate, load): ${compileMs.toFixed(0)} ms`);
console.log(`  compiled module:   ${fmt(compiledM!.perSecond)} beslissingen/s`);
console.log(`  hand-written TS:   ${fmt(handM!.perSecond)} beslissingen/s`);
console.log(`  ratio compiled / hand-written: ${ratio.toFixed(2)}× (target ≥ 0.50×)`);
console.log(`  polis run, one case (wall, median of 5): ${runs[2]!.toFixed(0)} ms (target ≤ 500 ms)`);

// SQL (issue 17): the same rules over a table in an embedded DuckDB.
const SQL_ROWS = Number(process.env.POLIS_BENCH_SQL_ROWS ?? 1_000_000);
const { benchSql } = await import("./sql.js");
const sql = await benchSql(compiled.policy, SQL_ROWS);
console.log(`SQL — ${fmt(sql.rows)} rows of §9.1 in DuckDB (results streamed to Parquet; checked equal row by row first)`);
console.log(`  polis sql (DuckDB):         ${fmt(sql.polis)} beslissingen/s (target ≥ 2.000.000)`);
console.log(`  hand-written exact DuckDB:  ${fmt(sql.hand)} beslissingen/s`);
console.log(`  compiled module (in-process, above): ${fmt(compiledM!.perSecond)} beslissingen/s`);
console.log(`  ratio polis sql / hand-written exact: ${(sql.polis / sql.hand).toFixed(2)}× (target ≥ 0.50×)`);
