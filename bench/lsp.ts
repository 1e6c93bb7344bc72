// `npm run bench:lsp`: how long `polis lsp` takes to re-check a 2.000-line
// policy after a keystroke, measured as an editor sees it: from sending
// `didChange` over stdio to receiving the diagnostics of that version.
// Side by side in the same run: one full `compile` of the same text in this
// process. Prints medians; never fails on them.

import { pathToFileURL } from "node:url";
import { compile } from "../compiler/pipeline.js";
import { LspClient, positionOf } from "../lsp/client.js";
import { largePolicy } from "./large-policy.js";

const ROUNDS = Number(process.env.POLIS_BENCH_ROUNDS ?? 40);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const text = largePolicy(125);
  const uri = pathToFileURL("/tmp/groot.polis").href;
  const client = new LspClient();
  await client.initialize();
  const first = client.diagnostics(uri);
  client.open(uri, text);
  await first;
  const keystroke: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Type a digit into a parameter in the middle of the file, then take it out again.
    const at = positionOf(text, `€ ${100 + 60 + (i % 20)}`, 0, 3);
    for (const [version, change] of [[2 * i + 2, { range: { start: at, end: at }, text: "1" }], [2 * i + 3, { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: "" }]] as const) {
      const got = client.diagnostics(uri, undefined, version);
      const t0 = performance.now();
      client.change(uri, version, [change]);
      await got;
      keystroke.push(performance.now() - t0);
    }
    const t0 = performance.now();
    compile(text, "groot.polis");
    full.push(performance.now() - t0);
  }
  await client.shutdown();
  const lines = text.split("\n").length;
  const k = median(keystroke);
  const f = median(full);
  process.stdout.write(`polis lsp, ${lines} regels: na een toetsaanslag diagnostiek in ${k.toFixed(1)} ms (mediaan van ${keystroke.length})\n`);
  process.stdout.write(`ter vergelijking: volledige compile in dit proces ${f.toFixed(1)} ms (mediaan van ${full.length}); verhouding ${(k / f).toFixed(2)}×\n`);
}

void main();
