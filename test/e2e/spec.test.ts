// Every complete program of LANGUAGE.md (§4, §9.1, §9.2, §9.3) parses,
// type-checks, runs and gives the stated result: its copy in test/spec passes
// `polis test` (its voorbeelden and eigenschappen). When the contract is at
// hand (../shared/docs/LANGUAGE.md), the copies must equal its programs.

import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertBuilt, polis } from "./cli.js";

const SPEC = path.join(ROOT, "test", "spec");
const LANGUAGE_MD = path.join(ROOT, "..", "shared", "docs", "LANGUAGE.md");
const specFiles = fs.readdirSync(SPEC).filter((f) => f.endsWith(".polis")).sort();

/** The `polis NAAM` a program declares. */
function polisName(text: string): string | undefined {
  return /^polis\s+(\S+)/m.exec(text)?.[1];
}

/** The ```polis blocks of a Markdown text that are complete programs (they have a `polis` line). */
function programsIn(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```polis\r?\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  return blocks.filter((b) => polisName(b) !== undefined);
}

const normalize = (s: string) => s.replace(/\r\n/g, "\n").replace(/\s+$/, "") + "\n";

describe("the programs of LANGUAGE.md", () => {
  beforeAll(assertBuilt);

  it("are all in test/spec", () => {
    expect(specFiles.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of specFiles) {
    it.concurrent(`test/spec/${file} passes \`polis test\``, async () => {
      const r = await polis(["test", `test/spec/${file}`]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/\b0 mislukt\b/);
      expect(r.stdout).not.toMatch(/✗/);
      expect(r.status).toBe(0);
    });
  }

  it.skipIf(!fs.existsSync(LANGUAGE_MD))("test/spec holds exactly the programs of LANGUAGE.md", () => {
    const programs = programsIn(fs.readFileSync(LANGUAGE_MD, "utf8"));
    expect(programs.length).toBeGreaterThanOrEqual(4);
    const copies = new Map(specFiles.map((f) => {
      const text = fs.readFileSync(path.join(SPEC, f), "utf8");
      return [polisName(text), { file: f, text }] as const;
    }));
    for (const program of programs) {
      const name = polisName(program)!;
      const copy = copies.get(name);
      expect(copy, `a copy of \`polis ${name}\` in test/spec`).toBeDefined();
      expect(normalize(copy!.text), `test/spec/${copy!.file}`).toBe(normalize(program));
      copies.delete(name);
    }
    expect([...copies.values()].map((c) => c.file), "files in test/spec that are not in LANGUAGE.md").toEqual([]);
  });
});
