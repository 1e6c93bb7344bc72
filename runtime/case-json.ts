// Case files, step 1 (LANGUAGE.md §10): bytes and text to a parsed JSON value.
// In: the bytes of a case file or one `.jsonl` line's text. Out: a JSON value
// whose numbers are LosslessNumbers (their exact text), or a PolisError P0701
// that says what is wrong and where.
// Guarantees: text that is not valid UTF-8 (Latin-1, UTF-16, a stray byte) is
// rejected, never silently replaced with U+FFFD; a UTF-8 byte order mark is
// accepted and ignored (RFC 8259 §8.1 allows it); nesting is capped at
// MAX_DEPTH before parsing, because lossless-json parses recursively.

import { parse } from "lossless-json";
import { PolisError } from "./diagnostic.js";
import { runtimeError, type JsonAdvice } from "./messages.js";
import { quote } from "./case-describe.js";

/** Deeper JSON than this is rejected before parsing (P0701). */
export const MAX_DEPTH = 1000;

// ── Parsing ────────────────────────────────────────────────────────────────

/**
 * Parse a case's JSON text. Numbers stay LosslessNumbers (their exact text).
 * A syntax error, a duplicate key or nesting deeper than MAX_DEPTH is P0701.
 */
export function parseCaseText(text: string, line?: number): unknown {
  const tooDeep = findTooDeep(text);
  if (tooDeep !== undefined) {
    throw runtimeError(
      "P0701",
      { detail: `meer dan ${MAX_DEPTH} niveaus genest ${where(text, tooDeep)}` },
      { line },
    );
  }
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof PolisError) throw e;
    const raw = e instanceof Error ? e.message : String(e);
    throw runtimeError("P0701", translateSyntaxError(raw, text), { line });
  }
}

/** Offset of the first bracket that opens level MAX_DEPTH + 1, skipping strings. */
function findTooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return undefined;
}

/** "op positie 7" for one-line text, "op regel 3, kolom 10" otherwise. */
function where(text: string, offset: number): string {
  if (!text.includes("\n")) return `op positie ${offset + 1}`;
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      col = 1;
    } else col++;
  }
  return `op regel ${line}, kolom ${col}`;
}

const SYNTAX_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Comma ',' expected after value/, () => "komma verwacht na een waarde"],
  [/^Colon ':' expected after property name/, () => "dubbele punt verwacht na een veldnaam"],
  [/^JSON value expected/, () => "waarde verwacht"],
  [/^Array item expected/, () => "element van de lijst verwacht"],
  [/^Expected end of input/, () => "einde van de invoer verwacht"],
  [/^Invalid number '([^']*)'/, (m) => `ongeldig getal ${JSON.stringify(m[1])}: cijfer verwacht`],
  [/^End of string '"' expected/, () => "afsluitend aanhalingsteken verwacht"],
  [/^Quoted object key or end of object/, () => "veldnaam tussen aanhalingstekens of `}` verwacht"],
  [/^Quoted object key expected/, () => "veldnaam tussen aanhalingstekens verwacht"],
  [/^Duplicate key '((?:.|\n)*)' encountered/, (m) => `veld ${quote(m[1] ?? "")} komt twee keer voor`],
  [/^Array item or end of array/, () => "element van de lijst of `]` verwacht"],
  [/^Invalid character '((?:.|\n)*)'/, (m) => `ongeldig teken ${JSON.stringify(m[1])}`],
  [/^Invalid escape character/, () => "ongeldige escape in een tekst"],
  [/^Object value expected after ':'/, () => "waarde verwacht na de dubbele punt"],
  [/^Invalid unicode character/, () => "ongeldige unicode-escape in een tekst"],
];

function translateSyntaxError(raw: string, text: string): { detail: string; advice?: JsonAdvice } {
  const posMatch = /(?:at )?position (\d+)\s*$/.exec(raw);
  const pos = posMatch ? Number(posMatch[1]) : undefined;
  let detail = raw;
  for (const [re, make] of SYNTAX_MESSAGES) {
    const m = re.exec(raw);
    if (m) {
      detail = make(m);
      if (/reached end of input/.test(raw)) detail += ", maar de invoer houdt op";
      break;
    }
  }
  if (text.trim() === "") detail = "de invoer is leeg";
  else if (pos !== undefined) detail += ` ${where(text, pos)}`;
  const rest = pos !== undefined ? text.slice(pos, pos + 12) : "";
  if (/^-?(NaN|Infinity)/.test(rest)) return { detail, advice: "nanInfinity" };
  if (/^'/.test(rest)) return { detail, advice: "singleQuotes" };
  return { detail };
}

/** The global TextDecoder (Node, browsers), declared here: a built library compiles without DOM or Node types. */
declare const TextDecoder: new (label: "utf-8", options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * The text of a case file's bytes: UTF-8, with an optional byte order mark
 * (dropped). UTF-16 or UTF-32 text, and bytes that are not UTF-8 (Latin-1,
 * Windows-1252), are P0701 with a message that says what the file is.
 */
export function decodeCaseBytes(bytes: Uint8Array, line?: number): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (bytes.length >= 2 && (b0 === 0 || b1 === 0))) {
    throw runtimeError(
      "P0701",
      { detail: "het bestand is UTF-16 of UTF-32 gecodeerd, niet UTF-8", advice: "utf16" },
      { line },
    );
  }
  try {
    // TextDecoder drops a leading UTF-8 BOM (ignoreBOM: false).
    return UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const detail = `geen geldige UTF-8 op byte ${at + 1}${lineOfByte(bytes, at)} (0x${bytes[at]!.toString(16).padStart(2, "0")})`;
    throw runtimeError("P0701", { detail, advice: "latin1" }, { line });
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    if (i + n >= b.length && n > 0) return i;
    let cp = n === 0 ? c : c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (n > 0 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

/** ", regel N" when the bytes hold more than one line. */
function lineOfByte(b: Uint8Array, at: number): string {
  let line = 1;
  for (let i = 0; i < at; i++) if (b[i] === 0x0a) line++;
  return line > 1 || b.indexOf(0x0a) >= 0 ? ` (regel ${line})` : "";
}
