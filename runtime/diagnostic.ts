// The one diagnostic shape of Polis: compile-time stages, case-file
// validation, evaluation errors and the CLI all report through it.
// The catalog (runtime/messages.ts) builds them from a code and parameters.
// Lives in runtime/ because generated modules throw it too, and runtime/
// imports nothing from compiler/.

import type { Code } from "./messages.js";

export type { Code } from "./messages.js";
export type Severity = "error" | "warning";

/** A place in a source file. Offsets are 0-based, lines and columns 1-based. */
export interface Span {
  file: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Related {
  span: Span;
  message: string;
}

export interface Diagnostic {
  /** Stable code, a key of the one catalog (runtime/messages.ts): P01xx literals … P08xx evaluation. */
  code: Code;
  severity: Severity;
  /** Absent for errors about a case file, which name a field instead. */
  span?: Span;
  /** What the message and hint were built from (names, values): tools read these, never the message. */
  params: Readonly<Record<string, unknown>>;
  /** Dutch, one sentence, lowercase, no final period. */
  message: string;
  hint?: string;
  related?: Related[];
  /** For case-input errors: the path of the field (`kosten`, `zittingen[2].datum`). */
  field?: string;
  /** For `.jsonl` input: the 1-based line of the case. */
  line?: number;
}

/**
 * What a generated module or the runtime throws for a user-facing failure:
 * a bad case (P07xx) or an evaluation error (P08xx). Anything else thrown is
 * a Polis bug.
 */
export class PolisError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = "PolisError";
    this.diagnostic = diagnostic;
  }
}

/** Levenshtein distance, for "bedoelde u …?" suggestions. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/** Up to three names close to `name`, closest first, for a hint. */
export function suggest(name: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(1, Math.floor(name.length / 3));
  const scored: [number, string][] = [];
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d <= limit) scored.push([d, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
  return scored.slice(0, 3).map((s) => s[1]);
}

export { didYouMean } from "./messages.js";
