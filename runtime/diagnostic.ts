// The one diagnostic shape of Polis: compile-time stages, case-file
// validation, evaluation errors and the CLI all report through it.
// In: a code from a catalog, a span and parameters. Out: a Diagnostic with a
// Dutch message. Lives in runtime/ because generated modules throw it too, and
// runtime/ imports nothing from compiler/.

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
  /** Stable code, never reused: P01xx literals … P08xx evaluation. */
  code: string;
  severity: Severity;
  /** Absent for errors about a case file, which name a field instead. */
  span?: Span;
  /** Dutch, one sentence, lowercase, no final period. */
  message: string;
  hint?: string;
  related?: Related[];
  /** For case-input errors: the path of the field (`kosten`, `zittingen[2].datum`). */
  field?: string;
  /** For `.jsonl` input: the 1-based line of the case. */
  line?: number;
}

/** A message template: Dutch text built from named parameters. */
export type MessageTemplate = (p: Record<string, string>) => string;

export interface CatalogEntry {
  severity: Severity;
  text: MessageTemplate;
}

export type Catalog = Record<string, CatalogEntry>;

export interface DiagnosticExtras {
  hint?: string;
  related?: Related[];
  field?: string;
}

export function makeDiagnostic(
  catalog: Catalog,
  code: string,
  span: Span | undefined,
  params: Record<string, string> = {},
  extras: DiagnosticExtras = {},
): Diagnostic {
  const entry = catalog[code];
  if (!entry) throw new Error(`unknown diagnostic code ${code}`);
  const d: Diagnostic = { code, severity: entry.severity, message: entry.text(params) };
  if (span) d.span = span;
  if (extras.hint !== undefined) d.hint = extras.hint;
  if (extras.related !== undefined && extras.related.length > 0) d.related = extras.related;
  if (extras.field !== undefined) d.field = extras.field;
  return d;
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

/** "bedoelde u `a`?" / "bedoelde u `a` of `b`?" */
export function didYouMean(names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  const quoted = names.map((n) => `\`${n}\``);
  const last = quoted.pop()!;
  return `bedoelde u ${quoted.length ? quoted.join(", ") + " of " : ""}${last}?`;
}
