// Deciding a batch of .jsonl lines: the work a batch worker (or, for small
// inputs, the main thread) does. In: the bytes of whole lines and the number
// of the first. Out: exactly one output line per input line, in order — the
// outputs, or `{"fout": {…, "lijn": n}}` for a bad line — the diagnostics for
// stderr, and the worst exit code.
//
// Lines end at "\n" only; a "\r" right before it is dropped (CRLF files), a
// lone "\r" elsewhere is part of the line. A blank line is a bad line (P0701):
// it still gets its output line, so output line k always answers input line k.

import { PolisError, type Diagnostic } from "../runtime/diagnostic.js";
import { decodeCase, encodeOutputs } from "../runtime/case.js";
import { runtimeError } from "../runtime/messages.js";
import { renderDiagnostics } from "../compiler/diagnostics/render.js";
import type { DecisionModule } from "../compiler/emit/load.js";
import { parseCaseLine } from "./fast-json.js";

export interface BatchSetup {
  /** Explanations as JSON (`{"uitvoer", "uitleg"}`) instead of the outputs alone. */
  explain: boolean;
  /** `lid`: each explanation also carries the member's letter text (`"tekst"`). */
  voor?: "auteur" | "lid";
  color: boolean;
  /** The policy's source, for the code frames of evaluation errors. */
  sourceFile: string;
  sourceText: string;
}

export interface BatchResult {
  out: string;
  err: string;
  worst: number;
}

const EXIT_OK = 0;
const EXIT_POLICY = 1;
const EXIT_USAGE = 2;

// A byte order mark is dropped at the start of the input only (decideText), not of every batch.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The fout object of a bad line (LANGUAGE.md §10): code, Dutch message, field and line. */
export function errorJson(d: Diagnostic): string {
  const fout: Record<string, unknown> = { code: d.code, bericht: d.message };
  if (d.field !== undefined) fout["veld"] = d.field;
  if (d.line !== undefined) fout["lijn"] = d.line;
  return JSON.stringify({ fout });
}

export function exitCodeOf(d: Diagnostic): number {
  return d.code.startsWith("P07") ? EXIT_USAGE : EXIT_POLICY;
}

export class LineDecider {
  constructor(
    private readonly module: DecisionModule,
    private readonly setup: BatchSetup,
  ) {}

  decideBytes(bytes: Uint8Array, firstLine: number): BatchResult {
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return this.decideInvalidUtf8(bytes, firstLine);
    }
    return this.decideText(text, firstLine);
  }

  decideText(text: string, firstLine: number): BatchResult {
    if (firstLine === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    const out: string[] = new Array(lines.length);
    const errors: Diagnostic[] = [];
    let worst = EXIT_OK;
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i]!;
      if (line.charCodeAt(line.length - 1) === 0x0d) line = line.slice(0, -1);
      const r = this.decideLine(line, firstLine + i);
      if (typeof r === "string") out[i] = r;
      else {
        out[i] = errorJson(r);
        errors.push(r);
        worst = Math.max(worst, exitCodeOf(r));
      }
    }
    return { out: out.length === 0 ? "" : out.join("\n") + "\n", err: this.render(errors), worst };
  }

  /** One line's answer: its JSON text, or the diagnostic of a bad line. */
  decideLine(line: string, n: number): string | Diagnostic {
    try {
      if (line.trim() === "") throw runtimeError("P0701", { detail: "de regel is leeg" }, { line: n });
      const json = parseCaseLine(line, n);
      if (this.setup.explain) {
        const r = this.module.explain(json as Record<string, unknown>, { voor: this.setup.voor });
        return JSON.stringify(this.setup.voor === "lid" ? { uitvoer: r.output, uitleg: r.explanation, tekst: r.text } : { uitvoer: r.output, uitleg: r.explanation });
      }
      const values = decodeCase(json, this.module.inputFields, n);
      return JSON.stringify(encodeOutputs(this.module.decideValues(values, n), this.module.outputFields));
    } catch (e) {
      if (!(e instanceof PolisError)) throw e;
      const d = e.diagnostic;
      if (d.line === undefined) d.line = n;
      return d;
    }
  }

  /** Bytes that are not UTF-8: decide line by line, so only the bad lines fail. */
  private decideInvalidUtf8(bytes: Uint8Array, firstLine: number): BatchResult {
    const parts: BatchResult[] = [];
    let start = 0;
    let n = firstLine;
    while (start < bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      const slice = bytes.subarray(start, end);
      let text: string | undefined;
      try {
        text = utf8.decode(slice);
      } catch {
        text = undefined;
      }
      if (text !== undefined) parts.push(this.decideText(text + "\n", n));
      else {
        const d = runtimeError("P0701", { detail: "de regel is geen geldige UTF-8-tekst" }, { line: n }).diagnostic;
        parts.push({ out: errorJson(d) + "\n", err: this.render([d]), worst: EXIT_USAGE });
      }
      start = end + 1;
      n++;
    }
    return { out: parts.map((p) => p.out).join(""), err: parts.map((p) => p.err).join(""), worst: Math.max(EXIT_OK, ...parts.map((p) => p.worst)) };
  }

  private render(ds: Diagnostic[]): string {
    if (ds.length === 0) return "";
    const { sourceFile, sourceText, color } = this.setup;
    return renderDiagnostics(ds, (f) => (f === sourceFile ? sourceText : undefined), { color }) + "\n";
  }
}
