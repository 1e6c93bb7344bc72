// `polis check FILES… [--format text|json]`: parse and type-check, then prove
// per output (issue 18, compiler/proofs) that rules do not conflict and that
// an output without `standaard` always gets a value, or test it on generated
// cases where the proof does not reach. Text: diagnostics on stderr, a line
// per file on stdout with what was proved and what only tested. JSON: one
// document on stdout (docs/schemas/check.schema.json), nothing on stderr.

import { hasErrors } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import type { OutputProof } from "../compiler/proofs/check.js";
import type { Diagnostic } from "../runtime/diagnostic.js";
import { EXIT_OK, EXIT_POLICY, findPolicies, printDiagnostics, sourceOf } from "./io.js";
import { compileFile } from "./compile-file.js";

export interface CheckOptions {
  format?: "text" | "json";
}

/** A diagnostic as a machine reads it: the code and its parameters, not only the Dutch text. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  const { span } = d;
  const out: Record<string, unknown> = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    params: jsonSafe(d.params) as Record<string, unknown>,
    file: span?.file ?? null,
    span: span ? { start: span.start, end: span.end, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn } : null,
  };
  if (d.hint !== undefined) out["hint"] = d.hint;
  if (d.related !== undefined) out["related"] = d.related.map((r) => ({ message: r.message, file: r.span.file, span: { start: r.span.start, end: r.span.end, line: r.span.line, column: r.span.column, endLine: r.span.endLine, endColumn: r.span.endColumn } }));
  if (d.field !== undefined) out["field"] = d.field;
  if (d.line !== undefined) out["line"] = d.line;
  return out;
}

/** Parameters as plain JSON: a bigint as its digits, anything without a JSON form as its text. */
function jsonSafe(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v === undefined || typeof v === "function" || typeof v === "symbol") return null;
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  return v;
}

/** The proof lines of a file: `  bewezen: a, b`, `  bewezen voor lijsten tot 3 elementen, daarboven getest op 200 gevallen: c` and `  getest op 200 gevallen: d (reden)`. */
export function proofLines(proofs: readonly OutputProof[]): string[] {
  const lines: string[] = [];
  const proved = proofs.filter((p) => p.status === "bewezen").map((p) => p.output);
  if (proved.length > 0) lines.push(`  bewezen: ${proved.join(", ")}`);
  const refuted = proofs.filter((p) => p.status === "tegenvoorbeeld").map((p) => p.output);
  // A proof over short lists is not a proof: it says its bound, and that longer lists were only tested.
  const bounded = proofs.filter((p) => p.status === "begrensd");
  if (bounded.length > 0) lines.push(`  bewezen voor lijsten tot ${bounded[0]!.bound ?? 0} elementen, daarboven getest op ${bounded[0]!.cases ?? 0} gevallen: ${bounded.map((p) => p.output).join(", ")}`);
  if (refuted.length > 0) lines.push(`  tegenvoorbeeld gevonden: ${refuted.join(", ")}`);
  for (const p of proofs.filter((x) => x.status === "getest")) lines.push(`  getest op ${p.cases ?? 0} gevallen: ${p.output}${p.reason ? ` (${p.reason})` : ""}`);
  return lines;
}

export async function checkCommand(files: string[], options: CheckOptions = {}): Promise<number> {
  const json = options.format === "json";
  const paths = findPolicies(files);
  let errors = 0;
  let warnings = 0;
  const results: { file: string; ok: boolean; diagnostics: Record<string, unknown>[]; proofs?: OutputProof[] }[] = [];
  // Loaded only here: z3 (WebAssembly) is never on `polis run`'s path.
  const { proveCheck } = await import("../compiler/proofs/check.js");
  const { releaseSolver } = await import("../compiler/proofs/z3.js");
  try {
    for (const f of paths) {
      const r = compileFile(f);
      const policy = r.policy;
      let proofs: OutputProof[] | undefined;
      if (policy && !hasErrors(r.diagnostics)) {
        const p = await proveCheck(policy, load(policy), { ...(sourceOf(r.file) !== undefined ? { source: sourceOf(r.file)! } : {}) });
        r.diagnostics.push(...p.diagnostics);
        proofs = p.outputs;
      }
      errors += r.diagnostics.filter((d) => d.severity === "error").length;
      warnings += r.diagnostics.filter((d) => d.severity === "warning").length;
      if (json) {
        results.push({ file: r.file, ok: !hasErrors(r.diagnostics), diagnostics: r.diagnostics.map(diagnosticJson), ...(proofs ? { proofs } : {}) });
        continue;
      }
      printDiagnostics(r.diagnostics);
      if (!hasErrors(r.diagnostics)) process.stdout.write(`${r.file}: in orde\n${proofLines(proofs ?? []).map((l) => `${l}\n`).join("")}`);
    }
  } finally {
    await releaseSolver();
  }
  if (json) process.stdout.write(JSON.stringify({ files: results, errors, warnings }, null, 2) + "\n");
  else process.stdout.write(`${paths.length} ${paths.length === 1 ? "bestand" : "bestanden"} gecontroleerd: ${errors} ${errors === 1 ? "fout" : "fouten"}, ${warnings} ${warnings === 1 ? "waarschuwing" : "waarschuwingen"}\n`);
  return errors > 0 ? EXIT_POLICY : EXIT_OK;
}
