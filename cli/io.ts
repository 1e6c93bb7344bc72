// What every command shares: reading policy files, printing diagnostics, exit
// codes (docs/language.md §9): 0 ok; 1 errors in a policy, an evaluation error or a
// failing test; 2 a bad case file or bad usage.

import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../runtime/diagnostic.js";
import { renderDiagnostics } from "../compiler/diagnostics/render.js";
import { compile, type CompileResult } from "../compiler/pipeline.js";

export const EXIT_OK = 0;
export const EXIT_POLICY = 1;
export const EXIT_USAGE = 2;

/** A user error the CLI reports in one line and exits with. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = EXIT_USAGE) {
    super(message);
  }
}

const sources = new Map<string, string>();

export function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !("NO_COLOR" in process.env);
}

export function printDiagnostics(ds: readonly Diagnostic[]): void {
  if (ds.length === 0) return;
  process.stderr.write(renderDiagnostics([...ds], (f) => sources.get(f), { color: useColor(process.stderr) }) + "\n");
}

/** A path as shown to the user: relative to the working directory, with `/`. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel.startsWith("..") ? file : rel).split(path.sep).join("/");
}

export function readText(file: string, what = "bestand"): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`${what} \`${displayPath(file)}\` bestaat niet`);
    if (code === "EISDIR") throw new UsageError(`\`${displayPath(file)}\` is een map, geen ${what}`);
    throw new UsageError(`${what} \`${displayPath(file)}\` kan niet gelezen worden (${code ?? "onbekende fout"})`);
  }
}

/** Make a file's text available to the code frames of later diagnostics. */
export function rememberSource(shown: string, text: string): void {
  sources.set(shown, text);
}

export function compileFile(file: string): CompileResult & { file: string } {
  const shown = displayPath(file);
  const text = readText(file, "polis-bestand");
  sources.set(shown, text);
  return { ...compile(text, shown), file: shown };
}

/** The .polis files below the directories that exist (tests, fuzzing, benchmarks). */
export function polisFilesIn(...dirs: string[]): string[] {
  const existing = dirs.filter((d) => fs.existsSync(d));
  return existing.length === 0 ? [] : findPolicies(existing);
}

/** The .polis files named, with directories searched recursively, in a stable order. */
export function findPolicies(args: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new UsageError(`\`${displayPath(p)}\` bestaat niet`);
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) {
        if (e === "node_modules" || e.startsWith(".")) continue;
        const full = path.join(p, e);
        if (fs.statSync(full).isDirectory() || e.endsWith(".polis")) walk(full);
      }
    } else out.push(p);
  };
  for (const a of args) walk(a);
  // A mistyped folder in CI must not pass silently (found by a reviewer).
  if (out.length === 0 && args.length > 0) throw new UsageError(`geen .polis-bestanden gevonden in ${args.map((a) => `\`${displayPath(a)}\``).join(", ")}`);
  return out;
}
