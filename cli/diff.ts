// `polis diff OLD NEW [--format text|json|markdown|html]`: what changed between two
// versions of a policy (files), or between two folders of policies paired by
// polis name. Exit 0 when both sides compile (whatever the differences);
// 1 when a policy has errors; 2 for bad usage. Policies without a counterpart
// are listed in the report (and on stderr); progress goes to stderr only when
// it is a terminal.

import fs from "node:fs";
import { hasErrors } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import { structuralDiff } from "../compiler/diff/structural.js";
import { semanticDiff } from "../compiler/diff/semantic.js";
import { renderJson, renderMarkdown, renderText, type DiffPair, type Unpaired } from "../compiler/diff/report.js";
import { renderHtml } from "../compiler/diff/html.js";
import { EXIT_OK, EXIT_POLICY, UsageError, displayPath, findPolicies, printDiagnostics, useColor } from "./io.js";
import { compileFile } from "./compile-file.js";

export interface DiffOptions {
  format?: string;
  witnesses?: number;
  samples?: number;
  seed?: number;
}

type Compiled = NonNullable<ReturnType<typeof compileOne>>;

function compileOne(file: string) {
  const r = compileFile(file);
  printDiagnostics(r.diagnostics);
  if (hasErrors(r.diagnostics) || !r.policy || !r.program) return undefined;
  return { file: r.file, program: r.program, policy: r.policy };
}

function side(path: string): Compiled[] | undefined {
  if (!fs.existsSync(path)) throw new UsageError(`\`${displayPath(path)}\` bestaat niet`);
  const files = fs.statSync(path).isDirectory() ? findPolicies([path]) : [path];
  const out: Compiled[] = [];
  let ok = true;
  for (const f of files) {
    const c = compileOne(f);
    if (c) out.push(c);
    else ok = false;
  }
  return ok ? out : undefined;
}

export async function diffCommand(oldPath: string, newPath: string, options: DiffOptions): Promise<number> {
  try {
    return await diffPolicies(oldPath, newPath, options);
  } finally {
    // z3's threads keep Node alive: stop them (a no-op when z3 was never loaded).
    await (await import("../compiler/proofs/z3.js")).releaseSolver();
  }
}

async function diffPolicies(oldPath: string, newPath: string, options: DiffOptions): Promise<number> {
  const format = options.format ?? "text";
  if (!["text", "json", "markdown", "html"].includes(format)) throw new UsageError(`onbekend formaat \`${format}\`: kies text, json, markdown of html`);
  const olds = side(oldPath);
  const news = side(newPath);
  if (!olds || !news) return EXIT_POLICY;
  const byName = new Map(news.map((n) => [n.policy.metadata.name, n]));
  const pairs: DiffPair[] = [];
  const unpaired: Unpaired[] = [];
  const progress = process.stderr.isTTY === true;
  const total = olds.filter((o) => byName.has(o.policy.metadata.name)).length;
  for (const o of olds) {
    const n = byName.get(o.policy.metadata.name);
    if (!n) {
      unpaired.push({ name: o.policy.metadata.name, file: o.file, side: "oud" });
      continue;
    }
    byName.delete(o.policy.metadata.name);
    if (progress) process.stderr.write(`\rpolis diff: ${pairs.length + 1}/${total} ${o.policy.metadata.name} …\x1b[K`);
    const oldSide = { policy: o.policy, module: load(o.policy) };
    const newSide = { policy: n.policy, module: load(n.policy) };
    const semantic = semanticDiff(
      oldSide,
      newSide,
      { ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.samples !== undefined ? { samples: options.samples } : {}), ...(options.witnesses !== undefined ? { witnesses: options.witnesses } : {}) },
    );
    // Loaded only here: z3 (WebAssembly) is never on `polis run`'s path.
    const { proveEquivalence } = await import("../compiler/proofs/diff.js");
    const proofs = (await proveEquivalence(oldSide, newSide)).outputs;
    pairs.push({ name: o.policy.metadata.name, oldFile: o.file, newFile: n.file, oldPolicy: o.policy, newPolicy: n.policy, structural: structuralDiff(o.program, n.program), semantic, proofs });
  }
  if (progress) process.stderr.write("\r\x1b[K");
  for (const n of byName.values()) unpaired.push({ name: n.policy.metadata.name, file: n.file, side: "nieuw" });
  if (pairs.length === 0 && olds.length === 1 && news.length === 1) {
    throw new UsageError(`de polissen heten verschillend (\`${olds[0]!.policy.metadata.name}\` en \`${news[0]!.policy.metadata.name}\`): polis diff vergelijkt versies van één polis`);
  }
  const text =
    format === "json" ? renderJson(pairs, unpaired)
    : format === "markdown" ? renderMarkdown(pairs, unpaired)
    : format === "html" ? renderHtml(pairs, unpaired)
    : renderText(pairs, useColor(process.stdout), unpaired);
  process.stdout.write(text);
  for (const u of unpaired) process.stderr.write(`polis: polis \`${u.name}\` (${u.file}) ${u.side === "oud" ? "heeft geen nieuwe versie" : "is nieuw"}\n`);
  return EXIT_OK;
}
