// `npm run bench`: decisions per second of the compiled LANGUAGE.md §9.1
// policy against a hand-written exact TypeScript implementation of the same
// rules, on the same 100.000 generated cases, measured side by side in one
// run (interleaved rounds, medians); then, in the same run, the batch path
// (`polis run POLICY --input CASES.jsonl`, 1.000.000 lines by default,
// POLIS_BENCH_LINES) with its wall time and peak memory as a ratio to the
// in-process figure, and the cold start of `polis run` on one case (cached
// module, first run, and under load) as a ratio to node's own start. Prints
// figures and ratios; never fails on them (speed is measured here, not
// asserted in tests).

import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { compile } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import { generateCases } from "./cases.js";
import { evaluateHandwritten } from "./handwritten.js";
import { interleave } from "./measure.js";
import { bareNode, coldStarts, timeProcess, writeCasesFile } from "./processes.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const N = Number(process.env.POLIS_BENCH_CASES ?? 100_000);
const LINES = Number(process.env["POLIS_BENCH_LINES"] ?? 1_000_000);
let inProcessPerSecond: number | undefined;

function fmt(n: number): string {
  return Math.round(n).toLocaleString("nl-NL");
}

const file = path.join(ROOT, "test/spec/vgz-eigen-risico.polis");
const t0 = performance.now();
const compiled = compile(fs.readFileSync(file, "utf8"), "test/spec/vgz-eigen-risico.polis");
if (!compiled.policy) throw new Error("the §9.1 policy does not compile");
const module = load(compiled.policy);
const compileMs = performance.now() - t0;

// POLIS_BENCH_ONLY=sql: only the SQL part below (the in-process ratio column is left out).
const SQL_ONLY = process.env.POLIS_BENCH_ONLY === "sql";
if (!SQL_ONLY) await benchInProcess();

async function benchInProcess(): Promise<void> {
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

  // The batch path and the cold start, as processes, with their own cache of
  // compiled policies (cli/policy-cache.ts): a hit is the usual `polis run` of
  // a policy run before, a miss (an empty cache each time) its first run.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-bench-"));
  const env = (dir: string): NodeJS.ProcessEnv => ({ ...process.env, POLIS_CACHE_DIR: path.join(tmp, dir) });
  const caseFile = path.join(tmp, "case.json");
  fs.writeFileSync(caseFile, JSON.stringify(cases[0]));
  const linesFile = path.join(tmp, "cases.jsonl");
  writeCasesFile(linesFile, LINES);
  const jobs = os.availableParallelism();
  const one = ["run", file, "--input", caseFile];
  const batch = await timeProcess(ROOT, ["run", file, "--input", linesFile], env("cache"));
  const hits = coldStarts(ROOT, one, 7, () => env("cache"));
  const misses = coldStarts(ROOT, one, 7, (i) => env(`miss-${i}`));
  const bare = bareNode(7);
  // Under load: the same cold starts while a batch run keeps every core busy.
  const busy = timeProcess(ROOT, ["run", file, "--input", linesFile], env("cache"));
  await new Promise((r) => setTimeout(r, 500));
  const loaded = coldStarts(ROOT, one, 5, () => env("cache"));
  await busy;
  fs.rmSync(tmp, { recursive: true, force: true });

  const ratio = compiledM!.perSecond / handM!.perSecond;
  const batchPerSecond = LINES / batch.seconds;
  const median = (xs: number[]) => xs[xs.length >> 1]!;
  const cold = median(hits);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`Polis bench — LANGUAGE.md §9.1 (vgz_eigen_risico), ${fmt(N)} cases, node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`  compile (parse, check, generate, load): ${compileMs.toFixed(0)} ms`);
  console.log(`  in process, compiled module:  ${fmt(compiledM!.perSecond).padStart(10)} beslissingen/s  1.00×`);
  console.log(`  in process, hand-written TS:  ${fmt(handM!.perSecond).padStart(10)} beslissingen/s  ${(handM!.perSecond / compiledM!.perSecond).toFixed(2)}×   (compiled / hand-written ${ratio.toFixed(2)}×, target ≥ 0.50×)`);
  console.log(`  batch, polis run .jsonl:      ${fmt(batchPerSecond).padStart(10)} beslissingen/s  ${(batchPerSecond / compiledM!.perSecond).toFixed(2)}×   (${fmt(LINES)} lines, ${jobs} jobs, ${batch.seconds.toFixed(2)} s wall, ${batch.cpuSeconds !== undefined ? `${batch.cpuSeconds.toFixed(1)} s CPU, ` : ""}peak ${batch.peakMb !== undefined ? `${batch.peakMb.toFixed(0)} MB` : "?"}; target ≥ 250.000/s, ≤ 200 MB)`);
  console.log(`  cold start, polis run 1 case: ${ms(cold).padStart(10)}  ${(cold / median(bare)).toFixed(2)}× node's own start (bare node ${ms(median(bare))}; medians of 7; target ≤ 300 ms)`);
  console.log(`    first run of a policy (compiled, not cached): ${ms(median(misses))}  ${(median(misses) / median(bare)).toFixed(2)}×`);
  console.log(`    under load (a batch run on every core):       ${ms(median(loaded))}  ${(median(loaded) / median(bare)).toFixed(2)}×`);

  inProcessPerSecond = compiledM!.perSecond;
}

// SQL (issue 17): the same rules over a table in an embedded DuckDB, as
// ratios to the in-process compiled module above.
{
  const SQL_ROWS = Number(process.env.POLIS_BENCH_SQL_ROWS ?? 1_000_000);
  const { benchSql } = await import("./sql.js");
  const sql = await benchSql(compiled.policy, file, ROOT, SQL_ROWS);
  const inProcess = inProcessPerSecond;
  const cliPerSecond = SQL_ROWS / sql.cli.seconds;
  const row = (label: string, perSecond: number, note = "") =>
    console.log(`  ${label.padEnd(29)} ${fmt(perSecond).padStart(10)} beslissingen/s  ${inProcess === undefined ? "" : `${(perSecond / inProcess).toFixed(2)}×`}${note}`);
  console.log(`SQL — ${fmt(SQL_ROWS)} rows of §9.1 in DuckDB, results to Parquet (generated and hand-written checked equal on every row first); × is the ratio to the in-process compiled module`);
  row("polis sql (DuckDB):", sql.polis, `   (target ≥ 2.000.000/s; ${fmt(sql.polisCpu)} per CPU-second)`);
  row("hand-written exact DuckDB:", sql.hand, `   (${fmt(sql.handCpu)} per CPU-second)`);
  console.log(`  polis sql / hand-written exact: ${(sql.polis / sql.hand).toFixed(2)}× wall, ${(sql.polisCpu / sql.handCpu).toFixed(2)}× CPU (target ≥ 0.50×)`);
  const cpu = sql.cli.cpuSeconds !== undefined ? `, ${sql.cli.cpuSeconds.toFixed(2)} s CPU` : "";
  row("polis run --engine duckdb:", cliPerSecond, `   (parquet in and out, ${sql.cli.seconds.toFixed(2)} s wall with start-up${cpu}, peak ${sql.cli.peakMb !== undefined ? `${sql.cli.peakMb.toFixed(0)} MB` : "?"})`);
}
