// The policies the server knows: open documents (their text comes from the
// editor) and the .polis files of the workspace folders (read from disk until
// opened). Each policy is analysed on its own; an analysis is kept until its
// text changes, and the last one with a symbol index is kept for completion
// while the author types something that does not parse yet.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyze, type Analysis } from "./analysis.js";
import { ParseCache } from "./incremental.js";
import { Positions } from "./convert.js";

export interface Entry {
  uri: string;
  version: number;
  analysis: Analysis;
  at: Positions;
  /** The last analysis with a symbol index. */
  lastIndexed?: Analysis;
  open: boolean;
  cache: ParseCache;
}

export class Workspace {
  private readonly entries = new Map<string, Entry>();

  /** The file name the compiler sees: a path for file: URIs, the URI itself otherwise. */
  static fileOf(uri: string): string {
    if (!uri.startsWith("file:")) return uri;
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }

  static uriOf(file: string): string {
    return /^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file) ? file : pathToFileURL(file).href;
  }

  get(uri: string): Entry | undefined {
    return this.entries.get(uri);
  }

  all(): Entry[] {
    return [...this.entries.values()];
  }

  /** Analyse a text (unless this exact text was analysed already). */
  update(uri: string, text: string, version: number, open: boolean): Entry {
    const old = this.entries.get(uri);
    if (old && old.analysis.text === text) {
      old.version = version;
      old.open = open || old.open;
      return old;
    }
    const cache = old?.cache ?? new ParseCache();
    const analysis = analyze(text, Workspace.fileOf(uri), cache);
    const entry: Entry = { uri, version, analysis, at: new Positions(uri, text), open, cache };
    const lastIndexed = analysis.index ? analysis : old?.lastIndexed;
    if (lastIndexed) entry.lastIndexed = lastIndexed;
    this.entries.set(uri, entry);
    return entry;
  }

  close(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    // A closed file of the workspace falls back to its text on disk.
    const file = Workspace.fileOf(uri);
    if (uri.startsWith("file:") && fs.existsSync(file)) this.update(uri, fs.readFileSync(file, "utf8"), 0, false).open = false;
    else this.entries.delete(uri);
  }

  /** A file on disk changed or appeared; open documents keep the editor's text. */
  refreshFromDisk(uri: string): Entry | undefined {
    const e = this.entries.get(uri);
    if (e?.open) return undefined;
    const file = Workspace.fileOf(uri);
    if (!fs.existsSync(file)) {
      this.entries.delete(uri);
      return undefined;
    }
    return this.update(uri, fs.readFileSync(file, "utf8"), 0, false);
  }

  remove(uri: string): void {
    if (!this.entries.get(uri)?.open) this.entries.delete(uri);
  }
}

/** The .polis files below a folder, skipping node_modules and hidden folders; at most `limit`. */
export function policyFiles(dir: string, limit = 2000): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (out.length >= limit) return;
      if (n === "node_modules" || n.startsWith(".")) continue;
      const full = path.join(d, n);
      let st: fs.Stats;
      try {
        st = fs.statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(full);
      else if (n.endsWith(".polis")) out.push(full);
    }
  };
  walk(dir);
  return out;
}
