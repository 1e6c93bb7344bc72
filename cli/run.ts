// `polis run FILE --input CASE.json|CASES.jsonl [--explain]`.
// A .jsonl file is streamed line by line (constant memory): one result line
// per case line, `{"fout": …}` for a bad one; the exit code is the highest seen.

import fs from "node:fs";
import readline from "node:readline";
import { PolisError, type Diagnostic } from "../runtime/diagnostic.js";
import { decodeCaseBytes, parseCaseText } from "../runtime/case.js";
import { load, type DecisionModule } from "../compiler/emit/load.js";
import { hasErrors } from "../compiler/pipeline.js";
import { EXIT_OK, EXIT_POLICY, EXIT_USAGE, UsageError, compileFile, displayPath, printDiagnostics, readBytes, requireFile } from "./io.js";

export interface RunOptions {
  input?: string;
  explain?: boolean;
  /** `--engine duckdb|postgres`: decide a whole table in a database (cli/engine.ts). */
  engine?: string;
  output?: string;
  database?: string;
  table?: string;
}

export async function runCommand(file: string, options: RunOptions): Promise<number> {
  const r = compileFile(file);
  printDiagnostics(r.diagnostics);
  if (hasErrors(r.diagnostics) || !r.policy) return EXIT_POLICY;
  if (options.engine !== undefined) return (await import("./engine.js")).runEngine(r.policy, r.file, { ...options, engine: options.engine });
  if (options.input === undefined) throw new UsageError("geef een case-bestand met --input");
  const module = load(r.policy);
  requireFile(options.input, "case-bestand");
  if (options.input.endsWith(".jsonl")) return runLines(module, { ...options, input: options.input });
  let text: string;
  try {
    text = decodeCaseBytes(readBytes(options.input, "case-bestand"));
  } catch (e) {
    if (!(e instanceof PolisError)) throw e;
    return reportError(e.diagnostic, undefined);
  }
  return runOne(module, text, undefined, options, false);
}

function exitCodeOf(d: Diagnostic): number {
  return d.code.startsWith("P07") ? EXIT_USAGE : EXIT_POLICY;
}

function errorJson(d: Diagnostic): string {
  const fout: Record<string, unknown> = { code: d.code, bericht: d.message };
  if (d.field !== undefined) fout.veld = d.field;
  if (d.line !== undefined) fout.lijn = d.line;
  return JSON.stringify({ fout });
}

function runOne(module: DecisionModule, text: string, line: number | undefined, options: RunOptions, compact: boolean): number {
  try {
    if (options.explain) {
      const json = parseCaseText(text, line) as Record<string, unknown>;
      const result = module.explain(json);
      process.stdout.write(result.text + (compact ? "\n" : ""));
    } else {
      const out = module.evaluateJson(text, line);
      process.stdout.write((compact ? JSON.stringify(out) : JSON.stringify(out, null, 2)) + "\n");
    }
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof PolisError)) throw e;
    return reportError(e.diagnostic, line);
  }
}

/** A case that failed: `{"fout": …}` on stdout, the diagnostic on stderr. */
function reportError(d: Diagnostic, line: number | undefined): number {
  if (line !== undefined && d.line === undefined) d.line = line;
  process.stdout.write(errorJson(d) + "\n");
  printDiagnostics([d]);
  return exitCodeOf(d);
}

async function runLines(module: DecisionModule, options: RunOptions & { input: string }): Promise<number> {
  if (!fs.existsSync(options.input)) throw new UsageError(`case-bestand \`${displayPath(options.input)}\` bestaat niet`);
  const rl = readline.createInterface({ input: fs.createReadStream(options.input, "utf8"), crlfDelay: Infinity });
  let worst = EXIT_OK;
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === "") continue;
    worst = Math.max(worst, runOne(module, line, n, options, true));
  }
  return worst;
}
