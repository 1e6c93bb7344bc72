// What every command shares: reading policy files, printing diagnostics, exit
// codes (docs/language.md §9): 0 ok; 1 errors in a policy, an evaluation error or a
// failing test; 2 a bad case file or bad usage.

import fs from "node:fs";
import path from "node:path";
import { PolisError, type Diagnostic } from "../runtime/diagnostic.js";
import { decodeCaseBytes } from "../runtime/case-json.js";
import { renderDiagnostics } from "../compiler/diagnostics/render.js";
import { colorWanted } from "./commander-nl.js";

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

/** The text of a file read by compileFile (as shown), for checks that quote it. */
export function sourceOf(shown: string): string | undefined {
  return sources.get(shown);
}

/** Colour on a terminal, unless NO_COLOR; FORCE_COLOR forces it (commander-nl.ts). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return colorWanted(stream);
}

export function printDiagnostics(ds: readonly Diagnostic[]): void {
  if (ds.length === 0) return;
  process.stderr.write(renderDiagnostics([...ds], (f) => sources.get(f), { color: useColor(process.stderr) }) + "\n");
}

/** A path as shown to the user: relative to the working directory, with `/`. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  const shown = (rel.startsWith("..") ? file : rel).split(path.sep).join("/");
  return shown === "" ? "." : shown;
}

/** Why a file cannot be read, in Dutch, from a Node error code. */
function unreadable(file: string, what: string, code: string | undefined): string {
  const shown = displayPath(file);
  switch (code) {
    case "ENOENT":
      return isDanglingLink(file) ? `\`${shown}\` is een symbolische koppeling naar een bestand dat niet bestaat` : `${what} \`${shown}\` bestaat niet`;
    case "EISDIR":
      return `\`${shown}\` is een map, geen ${what}`;
    case "ELOOP":
      return `\`${shown}\` is een symbolische koppeling die in een kring naar zichzelf wijst`;
    case "EACCES":
    case "EPERM":
      return `${what} \`${shown}\` mag niet gelezen worden (geen toegang)`;
    case "ENOTDIR":
      return `${what} \`${shown}\` bestaat niet (een deel van het pad is geen map)`;
    case "ENAMETOOLONG":
      return `de naam van ${what} \`${shown.slice(0, 80)}…\` is te lang`;
    default:
      return `${what} \`${shown}\` kan niet gelezen worden (${code ?? "onbekende fout"})`;
  }
}

function isDanglingLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Stop with a usage error (exit 2) unless `file` names a readable regular
 * file: an empty name, a folder, a dangling or looping symbolic link.
 */
export function requireFile(file: string, what = "bestand"): void {
  if (file.trim() === "") throw new UsageError(`geen ${what} opgegeven: de bestandsnaam is leeg`);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new UsageError(unreadable(file, what, (e as NodeJS.ErrnoException).code));
  }
  if (st.isDirectory()) throw new UsageError(unreadable(file, what, "EISDIR"));
}

/** The bytes of a file, or a usage error that says in Dutch why not. */
export function readBytes(file: string, what = "bestand"): Uint8Array {
  requireFile(file, what);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(unreadable(file, what, (e as NodeJS.ErrnoException).code));
  }
}

/**
 * A text file (a policy): UTF-8, a byte order mark dropped. Text that is not
 * UTF-8 is refused (exit 1 for a policy), never read with U+FFFD in it.
 */
export function readText(file: string, what = "bestand"): string {
  const bytes = readBytes(file, what);
  try {
    return decodeCaseBytes(bytes);
  } catch (e) {
    if (!(e instanceof PolisError)) throw e;
    const { message, hint } = e.diagnostic;
    throw new UsageError(`${what} \`${displayPath(file)}\`: ${message.replace(/^ongeldige JSON: /, "")}${hint ? ` (${hint})` : ""}`, EXIT_POLICY);
  }
}

/** Make a file's text available to the code frames of later diagnostics. */
export function rememberSource(shown: string, text: string): void {
  sources.set(shown, text);
}

/** The .polis files below the directories that exist (tests, fuzzing, benchmarks). */
export function polisFilesIn(...dirs: string[]): string[] {
  const existing = dirs.filter((d) => fs.existsSync(d));
  return existing.length === 0 ? [] : findPolicies(existing);
}

/**
 * The .polis files named, with directories searched recursively, in a stable
 * order. A dangling symbolic link, a link that loops, or a folder reached
 * twice through links is a usage error (exit 2), never a stack trace.
 */
export function findPolicies(args: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const statOf = (p: string): fs.Stats => {
    try {
      return fs.statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === "ENOENT" && !isDanglingLink(p) ? `\`${displayPath(p)}\` bestaat niet` : unreadable(p, "polis-bestand", code));
    }
  };
  const walk = (p: string, st: fs.Stats) => {
    if (!st.isDirectory()) {
      out.push(p);
      return;
    }
    const real = fs.realpathSync(p);
    if (seen.has(real)) throw new UsageError(`\`${displayPath(p)}\` wijst via een symbolische koppeling naar een map die al doorzocht wordt (een kring)`);
    seen.add(real);
    let entries: string[];
    try {
      entries = fs.readdirSync(p).sort();
    } catch (e) {
      throw new UsageError(unreadable(p, "map", (e as NodeJS.ErrnoException).code));
    }
    for (const e of entries) {
      if (e === "node_modules" || e.startsWith(".")) continue;
      const full = path.join(p, e);
      const child = statOf(full);
      if (child.isDirectory() || e.endsWith(".polis")) walk(full, child);
    }
    seen.delete(real);
  };
  for (const a of args) {
    if (a.trim() === "") throw new UsageError("geen pad opgegeven: de naam is leeg");
    walk(a, statOf(a));
  }
  // A mistyped folder in CI must not pass silently (found by a reviewer).
  if (out.length === 0 && args.length > 0) throw new UsageError(`geen .polis-bestanden gevonden in ${args.map((a) => `\`${displayPath(a)}\``).join(", ")}`);
  return out;
}
