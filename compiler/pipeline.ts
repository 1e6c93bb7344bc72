// The whole chain, one line a stage (STYLE.md): parse → resolve → check →
// decide (the rule semantics of LANGUAGE.md §5 lowered to data, ir/decisions.ts).
// Between stages it stops when there were errors; within a stage every error
// that can be found is reported. No IO: the CLI reads files and prints.
//
//   .polis → tokens → CST → AST → symbols → IR policy → decisions → JS/TS module

import type { Diagnostic } from "../runtime/diagnostic.js";
import { diagnostic } from "../runtime/messages.js";
import type { Program } from "./syntax/ast.js";
import type { LoweredPolicy } from "./ir/ir.js";
import { decide } from "./ir/decisions.js";
import { deepestPlace, parse } from "./syntax/parse.js";
import { resolve } from "./resolve/resolve.js";
import { check } from "./check/check.js";

export interface CompileResult {
  program?: Program;
  policy?: LoweredPolicy;
  diagnostics: Diagnostic[];
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === "error");
}

/**
 * Input nested deeper than a stage's stack holds, despite the limits of
 * compiler/syntax/parse.ts (a caller with little stack left, a stage that
 * recurses more per level): a diagnostic at the most deeply nested
 * expression or bracket (issue 12), not a crash. Only without source or
 * program to look at does it name the whole file.
 */
export function tooDeep(e: unknown, file: string, source?: string, program?: Program): Diagnostic[] {
  if (!(e instanceof RangeError) || !/call stack/i.test(e.message)) throw e;
  const where = deepestPlace(file, source, program);
  if (where !== undefined) return [diagnostic("P0204", where, { what: "meer haakjes of bewerkingen in elkaar dan Polis aankan" })];
  return [diagnostic("P0204", { file, start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 }, {})];
}

export function compile(source: string, file: string): CompileResult {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(source, file);
  } catch (e) {
    return { diagnostics: tooDeep(e, file, source) };
  }
  if (!parsed.program || hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
  return compileParsed(parsed.program, source, parsed.diagnostics);
}

/**
 * The stages after parsing, for a caller that built the AST of `source`
 * itself (the language server reuses the AST of declarations that did not
 * change). Same result as `compile` for the same program.
 */
export function compileParsed(program: Program, source: string, parseDiagnostics: Diagnostic[] = []): CompileResult {
  try {
    return compileParsedUnguarded(program, source, parseDiagnostics);
  } catch (e) {
    return { diagnostics: tooDeep(e, program.file, source, program) };
  }
}

function compileParsedUnguarded(program: Program, source: string, parseDiagnostics: Diagnostic[]): CompileResult {
  const resolved = resolve(program);
  const checked = check(program, resolved.symbols, source);
  const diagnostics = [...parseDiagnostics, ...resolved.diagnostics, ...checked.diagnostics];
  if (hasErrors(diagnostics)) return { program, diagnostics };
  return { program, policy: { ...checked.policy, decisions: decide(checked.policy) }, diagnostics };
}
