// Source maps for `polis build` (issue 15 §1): each line of a built policy
// module that belongs to a declaration maps to that declaration's line in the
// .polis file, so a stack trace or a debugger in a consumer's project shows
// the rule, begrip or voorwaarde it is in.
//
// The generated module names where evaluation is with constants `Wk = { …,
// span: { file, …, line, column, … } }` (emit/generate.ts) and sets
// `this.w = Wk` on entering a declaration. So: the lines of a Wk constant map
// to its span; inside a method, every line maps to the declaration of the
// nearest `this.w = Wk` before it (or, before the first, the first one in
// the method); anything else (imports, the runtime glue) is left unmapped.
// Source Map v3, one segment per mapped line at column 0, with the .polis
// text embedded (sourcesContent), so the map needs nothing else to be read.

interface Place {
  line: number;
  column: number;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** One Base64 VLQ number of a source map segment. */
function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = "";
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += BASE64[digit];
  } while (v > 0);
  return out;
}

/** The span (1-based line and column) of each `const Wk = {` in the module. */
function wherePlaces(lines: readonly string[]): Map<string, Place> {
  const places = new Map<string, Place>();
  for (let i = 0; i < lines.length; i++) {
    const m = /^const (W\d+) = \{/.exec(lines[i]!);
    if (!m) continue;
    let line: number | undefined;
    let column: number | undefined;
    for (let j = i + 1; j < lines.length && !/^\};?$/.test(lines[j]!); j++) {
      line ??= Number(/^\s+line: (\d+),?$/.exec(lines[j]!)?.[1] ?? NaN) || undefined;
      column ??= Number(/^\s+column: (\d+),?$/.exec(lines[j]!)?.[1] ?? NaN) || undefined;
    }
    if (line !== undefined) places.set(m[1]!, { line, column: column ?? 1 });
  }
  return places;
}

/** For each line of the module, the .polis place it maps to, if any. */
function linePlaces(lines: readonly string[], places: Map<string, Place>): (Place | undefined)[] {
  const out: (Place | undefined)[] = new Array(lines.length).fill(undefined);
  // The W constants themselves.
  let inConst: Place | undefined;
  for (let i = 0; i < lines.length; i++) {
    const m = /^const (W\d+) = \{/.exec(lines[i]!);
    if (m) inConst = places.get(m[1]!);
    if (inConst) out[i] = inConst;
    if (/^\};?$/.test(lines[i]!)) inConst = undefined;
  }
  // Methods (four spaces in, in the Decision class): from `name(…) {` to the next.
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (/^ {4}[A-Za-z_$][\w$]*\(.*\) \{$/.test(lines[i]!)) starts.push(i);
  starts.push(lines.length);
  for (let s = 0; s + 1 < starts.length; s++) {
    let current: Place | undefined;
    const from = starts[s]!;
    const to = starts[s + 1]!;
    for (let i = from; i < to; i++) {
      const w = /this\.w = (W\d+);/.exec(lines[i]!);
      if (w) {
        current = places.get(w[1]!);
        if (current) for (let j = from; j < i; j++) out[j] ??= current; // before the first: the first
      }
      if (current) out[i] = current;
    }
  }
  return out;
}

/**
 * The source map (JSON) of the module `js`, built as `jsName`, for the .polis
 * file `source` (a path relative to the map) with text `sourceText`.
 */
export function sourceMap(js: string, jsName: string, source: string, sourceText: string): string {
  const lines = js.split("\n");
  const places = linePlaces(lines, wherePlaces(lines));
  let prevLine = 0;
  let prevColumn = 0;
  const mappings = places.map((p) => {
    if (p === undefined) return "";
    // [generated column, source index, source line, source column]: the column
    // from the line's start, the rest relative to the segment before (one source: index 0).
    const segment = vlq(0) + vlq(0) + vlq(p.line - 1 - prevLine) + vlq(p.column - 1 - prevColumn);
    prevLine = p.line - 1;
    prevColumn = p.column - 1;
    return segment;
  });
  return JSON.stringify({ version: 3, file: jsName, sources: [source], sourcesContent: [sourceText], names: [], mappings: mappings.join(";") });
}
