// How policy text reaches generated code: as a JS string literal (`str`) or
// a mangled identifier (`ident`), never raw, so policy text can never become
// code (emit/generate.ts INVARIANT).

/** A JS string literal for any text (JSON escapes quotes, backslashes, newlines; we add U+2028/9). */
export function str(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A safe identifier for a policy name: ASCII letters, digits and `_` kept, everything else escaped. */
export function ident(prefix: string, name: string): string {
  let out = prefix;
  for (const ch of name) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else out += `$${ch.codePointAt(0)!.toString(16)}$`;
  }
  return out;
}

/** An epoch day as an ISO date. */
export function isoOf(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}
