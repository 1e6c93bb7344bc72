// `polis run FILE --input CASE [--format json|jsonl] [--output OUT] [--explain] [--jobs N]`.
// `-` is standard input (for --input) or output (for --output, the default).
// The format is --format, else the input's extension (.jsonl in any case is a
// stream, anything else one case). One case: the outputs as JSON, or the
// explanation (Dutch text; JSON with --format). A stream: batch.ts, one
// answer line per input line, `{"fout": …}` for a bad one; the exit code is
// the highest seen.
//
// Engines: the policy is decided by an Engine; "js" (the generated module,
// in-process and in worker threads) is the one there is. Another back end
// adds an entry to ENGINES with the same interface.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Writable } from "node:stream";
import { PolisError } from "../runtime/diagnostic.js";
import type { ExplainAudience } from "../runtime/explain.js";
import { decodeCaseBytes, parseCaseText } from "../runtime/case.js";
import type { DecisionModule } from "../compiler/emit/load.js";
import { instantiate } from "../compiler/emit/instantiate.js";
import { errorJson, exitCodeOf } from "./batch-lines.js";
import { EXIT_OK, EXIT_POLICY, UsageError, displayPath, printDiagnostics, requireFile, useColor } from "./io.js";
import { runnablePolicy } from "./policy-cache.js";

export interface RunOptions {
  input?: string;
  output?: string;
  format?: "json" | "jsonl";
  explain?: boolean;
  /** For whom the explanation is written (`--voor lid`: a member). */
  voor?: ExplainAudience;
  jobs?: number;
  /** `--engine duckdb|postgres`: decide a whole table in a database (cli/engine.ts, issue 17). */
  engine?: string;
  database?: string;
  table?: string;
}

/** What an engine gets: the checked policy (its generated module's JavaScript), where to read and write, and how. */
export interface RunPlan {
  code: string;
  file: string;
  sourceText: string;
  input: string;
  format: "json" | "jsonl";
  /** The format was asked for (so an explanation is JSON, not text). */
  formatGiven: boolean;
  explain: boolean;
  voor: ExplainAudience;
  jobs: number;
  sink: Writable;
}

export type Engine = (plan: RunPlan) => Promise<number>;

const ENGINES: Record<string, Engine> = { js: runJs };

export async function runCommand(file: string, options: RunOptions, engine = options.engine ?? "js"): Promise<number> {
  if (engine === "duckdb" || engine === "postgres") {
    // Options of the JavaScript path that a database run cannot honour: never drop them silently.
    if (options.explain === true || options.voor !== undefined) throw new UsageError(`--explain werkt niet met --engine ${engine}: de uitleg geeft \`polis run\` zonder --engine; \`polis sql --trace\` geeft per uitvoer de regel en het artikel`);
    if (options.format === "json") throw new UsageError(`--format json werkt niet met --engine ${engine}: de uitkomst is een regel per rij (.jsonl, .csv of .parquet)`);
    const { compileFile } = await import("./compile-file.js");
    const { hasErrors } = await import("../compiler/pipeline.js");
    const r = compileFile(file);
    printDiagnostics(r.diagnostics);
    if (hasErrors(r.diagnostics) || !r.policy) return EXIT_POLICY;
    const output = options.output === "-" ? undefined : options.output;
    return (await import("./engine.js")).runEngine(r.policy, r.file, { ...options, engine, ...(output ? { output } : { output: undefined }) });
  }
  if (options.input === undefined) throw new UsageError("verplichte optie '-i, --input <case>' ontbreekt");
  const run = ENGINES[engine];
  if (!run) throw new UsageError(`onbekende engine \`${engine}\`: kies ${[...Object.keys(ENGINES), "duckdb"].join(", ")} of postgres`);
  const r = await runnablePolicy(file);
  printDiagnostics(r.diagnostics);
  if (r.code === undefined) return EXIT_POLICY;
  checkInput(options.input);
  if (options.voor !== undefined && options.explain !== true) throw new UsageError("--voor hoort bij --explain (bijvoorbeeld --explain --voor lid)");
  const format = options.format ?? (options.input !== "-" && /\.jsonl$/i.test(options.input) ? "jsonl" : "json");
  const sink = openOutput(options.output ?? "-");
  const plan: RunPlan = {
    code: r.code,
    file: r.file,
    sourceText: r.sourceText,
    input: options.input,
    format,
    formatGiven: options.format !== undefined,
    explain: options.explain === true,
    voor: options.voor ?? "auteur",
    jobs: options.jobs ?? defaultJobs(),
    sink,
  };
  try {
    return await run(plan);
  } finally {
    if (sink !== process.stdout) await new Promise<void>((resolve, reject) => sink.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}

function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

function checkInput(input: string): void {
  if (input !== "-") requireFile(input, "case-bestand");
}

function openOutput(output: string): Writable {
  if (output === "-") return process.stdout;
  const dir = path.dirname(path.resolve(output));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`de map van uitvoerbestand \`${displayPath(output)}\` bestaat niet`);
  if (fs.existsSync(output) && fs.statSync(output).isDirectory()) throw new UsageError(`\`${displayPath(output)}\` is een map, geen uitvoerbestand`);
  return fs.createWriteStream(output);
}

async function readAll(input: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  try {
    if (input !== "-") return fs.readFileSync(input);
    for await (const c of process.stdin) chunks.push(c as Buffer);
  } catch (e) {
    throw new UsageError(`case-bestand \`${displayPath(input)}\` kan niet gelezen worden (${(e as NodeJS.ErrnoException).code ?? "onbekende fout"})`);
  }
  return Buffer.concat(chunks);
}

async function runJs(plan: RunPlan): Promise<number> {
  const module = instantiate(plan.code);
  if (plan.format === "jsonl") {
    const input = plan.input === "-" ? process.stdin : fs.createReadStream(plan.input, { highWaterMark: 256 * 1024 });
    const small = plan.input !== "-" && fs.statSync(plan.input).size < 512 * 1024;
    const setup = { explain: plan.explain, voor: plan.voor, color: useColor(process.stderr), sourceFile: plan.file, sourceText: plan.sourceText };
    // Loaded only for a stream: one case needs no worker threads.
    const { runBatch } = await import("./batch.js");
    return runBatch(input as AsyncIterable<Buffer>, plan.sink, { code: plan.code, module, setup, jobs: plan.jobs }, small);
  }
  return runOne(module, await readAll(plan.input), plan);
}

/** One case file: its bytes must be UTF-8 (runtime/case.ts says what else they are). */
function runOne(module: DecisionModule, bytes: Uint8Array, plan: RunPlan): number {
  try {
    const text = decodeCaseBytes(bytes);
    if (plan.explain) {
      const result = module.explain(parseCaseText(text) as Record<string, unknown>, { voor: plan.voor });
      plan.sink.write(plan.formatGiven ? JSON.stringify({ uitvoer: result.output, uitleg: result.explanation, ...(plan.voor === "lid" ? { tekst: result.text } : {}) }, null, 2) + "\n" : result.text);
    } else {
      plan.sink.write(JSON.stringify(module.evaluateJson(text), null, 2) + "\n");
    }
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof PolisError)) throw e;
    const d = e.diagnostic;
    plan.sink.write(errorJson(d) + "\n");
    printDiagnostics([d]);
    return exitCodeOf(d);
  }
}
