// Deciding a batch of .jsonl lines: the work a batch worker (or, for small
// inputs, the main thread) does. In: the bytes of whole lines and the number
// of the first. Out: exactly one output line per input line, in order — the
// outputs, or `{"fout": {…, "lijn": n}}` for a bad line — the diagnostics for
// stderr, and the worst exit code.
//
// Lines end at "\n" only; a "\r" right before it is dropped (CRLF files), a
// lone "\r" elsewhere is part of the line. A blank line is a bad line (P0701):
// it still gets its output line, so output line k always answers input line k.

import { isAscii } from "node:buffer";
import { PolisError, type Diagnostic } from "../runtime/diagnostic.js";
import { decodeCase, encodeOutputs } from "../runtime/case.js";
import { runtimeError } from "../runtime/messages.js";
import { renderDiagnostics } from "../compiler/diagnostics/render.js";
import type { DecisionModule } from "../compiler/emit/load.js";
import { parseCaseLine } from "./fast-json.js";
import { ByteSink, utf8Bytes } from "./batch-out.js";
import { compileLineReader, compileLineWriter, type LineReader, type LineWriter } from "./batch-fast.js";

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
  /** The answer lines, as UTF-8. */
  out: Uint8Array;
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

/** decideLine's answer when the generated writer has written the line. */
const WRITTEN = Symbol("written");
const NEWLINE = utf8Bytes("\n");

/** The diagnostic of a bad line (with its line number); anything but a PolisError is a Polis bug and goes on. */
function diagnosticOf(e: unknown, n: number): Diagnostic {
  if (!(e instanceof PolisError)) throw e;
  const d = e.diagnostic;
  if (d.line === undefined) d.line = n;
  return d;
}

export class LineDecider {
  /** The generated fast path (batch-fast.ts); null: every line takes the general path. */
  private readonly reader: LineReader | null;
  private readonly writer: LineWriter | null;
  private readonly sink = new ByteSink();

  constructor(
    private readonly module: DecisionModule,
    private readonly setup: BatchSetup,
    /** false: no generated reader and writer (the differential tests compare both paths). */
    fast = true,
  ) {
    this.reader = fast ? compileLineReader(module.inputFields) : null;
    this.writer = fast ? compileLineWriter(module.outputFields) : null;
  }

  decideBytes(bytes: Uint8Array, firstLine: number): BatchResult {
    let text: string;
    if (isAscii(bytes)) {
      // ASCII is its own UTF-8 and Latin-1: the fastest decoding there is.
      text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    } else {
      try {
        text = utf8.decode(bytes);
      } catch {
        return this.decideInvalidUtf8(bytes, firstLine);
      }
    }
    return this.decideText(text, firstLine);
  }

  decideText(text: string, firstLine: number): BatchResult {
    let start = firstLine === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const errors: Diagnostic[] = [];
    let worst = EXIT_OK;
    for (let n = firstLine; start < text.length; n++) {
      let end = text.indexOf("\n", start);
      const next = end < 0 ? text.length : end + 1;
      if (end < 0) end = text.length;
      if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      const json = this.reader === null ? undefined : this.reader(text, start, end);
      const r = json === undefined ? this.decideLine(text.slice(start, end), n) : this.decideJson(json, n);
      if (r === WRITTEN) {
        // The writer wrote the line.
      } else if (typeof r === "string") {
        this.sink.text(r);
        this.sink.bytes(NEWLINE);
      } else {
        this.sink.text(errorJson(r));
        this.sink.bytes(NEWLINE);
        errors.push(r);
        worst = Math.max(worst, exitCodeOf(r));
      }
      start = next;
    }
    return { out: this.sink.take(), err: this.render(errors), worst };
  }

  /** One line's answer: its JSON text (WRITTEN: already written to the sink), or the diagnostic of a bad line. */
  decideLine(line: string, n: number): string | Diagnostic | typeof WRITTEN {
    try {
      if (line.trim() === "") throw runtimeError("P0701", { detail: "de regel is leeg" }, { line: n });
      return this.decideJson(parseCaseLine(line, n), n);
    } catch (e) {
      return diagnosticOf(e, n);
    }
  }

  /** The answer to a parsed line (the value parseCaseLine gives). */
  private decideJson(json: unknown, n: number): string | Diagnostic | typeof WRITTEN {
    try {
      if (this.setup.explain) {
        const r = this.module.explain(json as Record<string, unknown>, { voor: this.setup.voor });
        return JSON.stringify(this.setup.voor === "lid" ? { uitvoer: r.output, uitleg: r.explanation, tekst: r.text } : { uitvoer: r.output, uitleg: r.explanation });
      }
      const values = decodeCase(json, this.module.inputFields, n);
      const outputs = this.module.decideValues(values, n);
      if (this.writer !== null && this.writer(outputs, this.sink)) return WRITTEN;
      return JSON.stringify(encodeOutputs(outputs, this.module.outputFields));
    } catch (e) {
      return diagnosticOf(e, n);
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
        parts.push({ out: utf8Bytes(errorJson(d) + "\n"), err: this.render([d]), worst: EXIT_USAGE });
      }
      start = end + 1;
      n++;
    }
    for (const p of parts) this.sink.bytes(p.out);
    return { out: this.sink.take(), err: parts.map((p) => p.err).join(""), worst: parts.reduce((w, p) => Math.max(w, p.worst), EXIT_OK) };
  }

  private render(ds: Diagnostic[]): string {
    if (ds.length === 0) return "";
    const { sourceFile, sourceText, color } = this.setup;
    return renderDiagnostics(ds, (f) => (f === sourceFile ? sourceText : undefined), { color }) + "\n";
  }
}
