// The policy as `polis run` needs it — the generated module's JavaScript and
// the diagnostics to print — with a cache of compiled modules (issue 15 §4,
// cold start). Most of a cold `polis run` is building the parser and
// compiling the policy; the same policy is run over and over, so the result
// is kept, keyed by a SHA-256 of the toolchain build, the file name as shown
// and the source text. A cache hit loads neither the compiler nor the parser.
//
// Where: $POLIS_CACHE_DIR, else $XDG_CACHE_HOME/polis, else ~/.cache/polis.
// POLIS_CACHE=0 turns it off. Only policies without errors are kept, at most
// MAX_ENTRIES (the oldest go). The cache is an optimisation only: any
// failure to read or write it is ignored and the policy is compiled.
// Only the bundled CLI caches: the build id is put in by scripts/bundle.mjs
// (a hash of the toolchain's sources), so a rebuilt toolchain never reads
// modules an older one wrote.

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Diagnostic } from "../runtime/diagnostic.js";
import { displayPath, readText, rememberSource } from "./io.js";

declare const __POLIS_BUILD__: string | undefined;

const MAX_ENTRIES = 64;
const FORMAT = 1;

export interface RunnablePolicy {
  /** The file as shown in messages. */
  file: string;
  sourceText: string;
  diagnostics: Diagnostic[];
  /** The module's JavaScript (compiler/emit/load.ts moduleCode); undefined when the policy has errors. */
  code: string | undefined;
}

function buildId(): string | undefined {
  return typeof __POLIS_BUILD__ === "string" ? __POLIS_BUILD__ : undefined;
}

export function cacheDir(): string | undefined {
  if (process.env["POLIS_CACHE"] === "0") return undefined;
  const explicit = process.env["POLIS_CACHE_DIR"];
  if (explicit !== undefined && explicit !== "") return explicit;
  const xdg = process.env["XDG_CACHE_HOME"];
  return path.join(xdg !== undefined && xdg !== "" ? xdg : path.join(os.homedir(), ".cache"), "polis");
}

interface Entry {
  format: number;
  key: string;
  diagnostics: Diagnostic[];
  code: string;
}

function read(file: string, key: string): Entry | undefined {
  try {
    const entry = JSON.parse(fs.readFileSync(file, "utf8")) as Entry;
    return entry.format === FORMAT && entry.key === key && typeof entry.code === "string" && Array.isArray(entry.diagnostics) ? entry : undefined;
  } catch {
    return undefined;
  }
}

function write(dir: string, file: string, entry: Entry): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(entry));
    fs.renameSync(tmp, file);
    prune(dir);
  } catch {
    // A cache that cannot be written is no cache; the run goes on.
  }
}

/** Keep the newest MAX_ENTRIES modules. */
function prune(dir: string): void {
  const names = fs.readdirSync(dir).filter((n) => n.startsWith("run-") && n.endsWith(".json"));
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names.map((n) => ({ n, t: fs.statSync(path.join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - MAX_ENTRIES)) fs.rmSync(path.join(dir, n), { force: true });
}

/** The policy in `file`, compiled (or from the cache). Reading errors are usage errors, as for every command. */
export async function runnablePolicy(file: string): Promise<RunnablePolicy> {
  const shown = displayPath(file);
  const sourceText = readText(file, "polis-bestand");
  rememberSource(shown, sourceText);
  const build = buildId();
  const dir = build === undefined ? undefined : cacheDir();
  const key = crypto.createHash("sha256").update(`${build}\0${shown}\0${sourceText}`).digest("hex");
  const entryFile = dir === undefined ? undefined : path.join(dir, `run-${key.slice(0, 40)}.json`);
  const hit = entryFile === undefined ? undefined : read(entryFile, key);
  if (hit !== undefined) return { file: shown, sourceText, diagnostics: hit.diagnostics, code: hit.code };

  const [{ compile, hasErrors }, { moduleCode }] = await Promise.all([import("../compiler/pipeline.js"), import("../compiler/emit/load.js")]);
  const r = compile(sourceText, shown);
  const ok = r.policy !== undefined && !hasErrors(r.diagnostics);
  const code = ok ? moduleCode(r.policy!) : undefined;
  if (code !== undefined && dir !== undefined && entryFile !== undefined) {
    let entry: Entry | undefined;
    try {
      entry = JSON.parse(JSON.stringify({ format: FORMAT, key, diagnostics: r.diagnostics, code })) as Entry;
    } catch {
      entry = undefined; // diagnostics that are not plain JSON: not cached
    }
    if (entry !== undefined) write(dir, entryFile, entry);
  }
  return { file: shown, sourceText, diagnostics: r.diagnostics, code };
}
