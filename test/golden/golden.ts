// What the golden runners share (STYLE.md "Tests: golden files per stage"):
// the repository root, listing a stage's folder, and paths as the CLI shows
// them (relative to the repository, with `/`). Adding a test is adding a file.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const GOLDEN = path.join(ROOT, "test", "golden");

/** Every file below `dir` whose name ends with `suffix`, sorted, as absolute paths. */
export function listFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(suffix)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** `test/golden/check/names/bad/unknown.polis`: relative to the repository, with `/`. */
export function repoPath(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join("/");
}

/** The file next to `file` with its `.polis` replaced by `ending`. */
export function sibling(file: string, ending: string): string {
  return file.replace(/\.polis$/, ending);
}

/** The test name for a file: its path inside the stage's folder. */
export function caseName(stageDir: string, file: string): string {
  return path.relative(stageDir, file).split(path.sep).join("/");
}

export function read(file: string): string {
  return fs.readFileSync(file, "utf8");
}
