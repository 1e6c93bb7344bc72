// The parser's grammar → docs/grammar.html, a railroad diagram per rule.
// In: the serialized grammar of `parser` (grammar/parser.ts). Out: one HTML
// file. The page loads Chevrotain's diagram renderer from unpkg, so it needs a
// network connection to draw; the grammar itself is embedded in the page.
// Example followed: Chevrotain/chevrotain examples/parser/diagrams/.
//
//   npm run build && npm run diagrams            # writes docs/grammar.html
//   node dist/grammar/diagrams.js other.html     # or a file of your choice

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createSyntaxDiagramsCode } from "chevrotain";
import { parser } from "./parser.js";

/** The HTML page, as a string. Regenerate it whenever a rule changes. */
export function diagramsHtml(): string {
  return createSyntaxDiagramsCode(parser.getSerializedGastProductions());
}

/** Writes the page to `outFile`, creating its folder if needed. */
export function writeDiagrams(outFile: string): void {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, diagramsHtml(), "utf8");
}

// Run as a script: the output path is relative to the working directory, which
// `npm run diagrams` sets to the repository root.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outFile = resolve(process.argv[2] ?? "docs/grammar.html");
  writeDiagrams(outFile);
  console.log(`wrote ${outFile}`);
}
