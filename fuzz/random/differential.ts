// Differential testing of the back ends on random policies (issue 12).
// Every back end decides every case of every policy; each must agree with
// the reference evaluator (reference.ts), output for output, error code for
// error code. A back end is one function from a batch of policies with
// their cases to an outcome per case: adding one (SQL) is adding an entry
// to BACKENDS.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import type { LoweredPolicy } from "../../compiler/ir/ir.js";
import { caseArbitrary, policyArbitrary } from "./generate.js";
import { referenceDecide, type Outcome } from "./reference.js";
import { claimedBySql, decideInSql, type SubjectResult } from "./sql.js";

export type { Outcome } from "./reference.js";

/** The repository root (this file is fuzz/random/ in the sources, dist/fuzz/random/ when built). */
const ROOT = (() => {
  let dir = path.dirname(new URL(import.meta.url).pathname);
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
})();
const BIN = path.join(ROOT, "bin", "polis.js");

/** A policy with the cases to decide. */
export interface Subject {
  /** A file name without extension, unique in the batch. */
  id: string;
  source: string;
  policy: LoweredPolicy;
  cases: Record<string, unknown>[];
}

export interface Backend {
  name: string;
  /**
   * An outcome per case per subject, in order, or for a subject the
   * construct this back end refuses to compile (counted, never skipped).
   * `work` is a scratch folder.
   */
  run(subjects: readonly Subject[], work: string): SubjectResult[] | Promise<SubjectResult[]>;
  /** For a back end that may refuse: whether it claims to support the construct (a refusal of it is a failure). */
  claims?(construct: string): boolean;
}

/** An error from any copy of the runtime (the built library has its own PolisError class): its code, field and message. */
function errorOf(e: unknown): Outcome {
  const d = (e as { diagnostic?: { code?: unknown; field?: unknown; message?: unknown } } | null)?.diagnostic;
  if (typeof d?.code !== "string") throw e;
  return errorOutcome({ code: d.code, veld: d.field, bericht: d.message });
}

/** An outcome from the `fout` object of a result line (or a diagnostic): code, field if any, message. */
export function errorOutcome(fout: { code?: unknown; veld?: unknown; bericht?: unknown }): Outcome {
  return {
    fout: String(fout.code),
    ...(fout.veld !== undefined ? { veld: String(fout.veld) } : {}),
    ...(fout.bericht !== undefined ? { bericht: String(fout.bericht) } : {}),
  };
}

function outcome(f: () => Record<string, unknown>): Outcome {
  try {
    return { outputs: f() };
  } catch (e) {
    return errorOf(e);
  }
}

export const reference: Backend = {
  name: "referentie",
  run: (subjects) => subjects.map((s) => s.cases.map((c) => referenceDecide(s.policy, c))),
};

/** The module of `polis run`, in this process, reading each case's JSON text. */
export const inProcess: Backend = {
  name: "in-process",
  run: (subjects) =>
    subjects.map((s) => {
      const m = load(s.policy);
      return s.cases.map((c) => outcome(() => m.evaluateJson(JSON.stringify(c))));
    }),
};

/** The npm package of `polis build`, its modules imported. */
export const built: Backend = {
  name: "bibliotheek",
  async run(subjects, work) {
    const src = path.join(work, "src");
    const out = path.join(work, "lib");
    fs.mkdirSync(src, { recursive: true });
    for (const s of subjects) fs.writeFileSync(path.join(src, `${s.id}.polis`), s.source);
    const build = spawnSync(process.execPath, [BIN, "build", src, "--out", out], { encoding: "utf8" });
    if (build.status !== 0) throw new Error(`polis build: ${build.stderr}`);
    // The package as published: compiled .js next to its .d.ts (polis build type-checks it, and fails if it does not).
    const results: Outcome[][] = [];
    for (const s of subjects) {
      const m = (await import(pathToFileURL(path.join(out, `${s.id}.js`)).href)) as { evaluate(i: unknown): Record<string, unknown> };
      results.push(s.cases.map((c) => outcome(() => m.evaluate(c))));
    }
    return results;
  },
};

/** Batch mode: `polis run POLICY --input cases.jsonl`, one result line per case line. */
export const jsonl: Backend = {
  name: "jsonl",
  run(subjects, work) {
    fs.mkdirSync(work, { recursive: true });
    return subjects.map((s) => {
      const policy = path.join(work, `${s.id}.polis`);
      const input = path.join(work, `${s.id}.jsonl`);
      fs.writeFileSync(policy, s.source);
      fs.writeFileSync(input, s.cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
      const r = spawnSync(process.execPath, [BIN, "run", policy, "--input", input], { encoding: "utf8", maxBuffer: 1 << 28 });
      const lines = r.stdout.split("\n").filter((l) => l !== "");
      if (lines.length !== s.cases.length) throw new Error(`jsonl: ${lines.length} lines for ${s.cases.length} cases: ${r.stderr.slice(0, 500)}`);
      return lines.map((l) => {
        const v = JSON.parse(l) as Record<string, unknown>;
        return "fout" in v ? errorOutcome(v.fout as Record<string, unknown>) : { outputs: v };
      });
    });
  },
};

/** `polis run --engine duckdb`: the query of `polis sql` in an embedded DuckDB, on the cases as .jsonl. */
export const sql: Backend = {
  name: "sql",
  async run(subjects) {
    const results: SubjectResult[] = [];
    for (const s of subjects) results.push(await decideInSql(s.id, s.policy, s.cases));
    return results;
  },
  claims: claimedBySql,
};

/** The reference first: every other back end is compared with it. */
export const BACKENDS: readonly Backend[] = [reference, inProcess, built, jsonl, sql];

export interface Disagreement {
  id: string;
  source: string;
  case: Record<string, unknown>;
  outcomes: Record<string, Outcome>;
}

/** A back end refused a policy for a construct it claims to support. */
export interface WrongRefusal {
  backend: string;
  id: string;
  source: string;
  construct: string;
}

export interface Report {
  policies: number;
  cases: number;
  backends: string[];
  /** Cases whose outcome was an error (by code), to see that errors are exercised. */
  errors: Record<string, number>;
  disagreements: Disagreement[];
  /** Per back end that refused policies: policies refused, by construct. */
  refused: Record<string, Record<string, number>>;
  /** Refusals of constructs the back end claims to support: failures. */
  wrongRefusals: WrongRefusal[];
  /** Cases decided (not refused) per back end. */
  decided: Record<string, number>;
  /** Time per back end (for the report; no test asserts on it). */
  seconds: Record<string, number>;
}

/** What the reference can say: outputs, or error code and field (not the message). */
const withoutMessage = (o: Outcome): string => JSON.stringify("fout" in o ? { fout: o.fout, ...(o.veld !== undefined ? { veld: o.veld } : {}) } : o);

/**
 * Run every back end on every subject and compare each with the first (the
 * reference): outputs, or error code and field. The other back ends must
 * also agree with each other on the Dutch message of each error.
 */
export async function compareBackends(subjects: readonly Subject[], backends: readonly Backend[] = BACKENDS): Promise<Report> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "polis-random-"));
  const results: SubjectResult[][] = [];
  const seconds: Record<string, number> = {};
  for (const b of backends) {
    const start = performance.now();
    results.push(await b.run(subjects, path.join(work, b.name)));
    seconds[b.name] = Math.round((performance.now() - start) / 100) / 10;
  }
  fs.rmSync(work, { recursive: true, force: true });
  const disagreements: Disagreement[] = [];
  const errors: Record<string, number> = {};
  const refused: Record<string, Record<string, number>> = {};
  const wrongRefusals: WrongRefusal[] = [];
  const decided: Record<string, number> = Object.fromEntries(backends.map((b) => [b.name, 0]));
  subjects.forEach((s, i) => {
    const per = backends.map((b, k) => {
      const r = results[k]![i]!;
      if (!Array.isArray(r)) {
        ((refused[b.name] ??= {})[r.refused] ??= 0);
        refused[b.name]![r.refused]!++;
        if (b.claims?.(r.refused) !== false) wrongRefusals.push({ backend: b.name, id: s.id, source: s.source, construct: r.refused });
        return undefined;
      }
      decided[b.name]! += r.length;
      return r;
    });
    const ref = per[0];
    if (!ref) throw new Error(`${backends[0]!.name} refused ${s.id}`);
    s.cases.forEach((c, j) => {
      const expected = ref[j]!;
      if ("fout" in expected) errors[expected.fout] = (errors[expected.fout] ?? 0) + 1;
      const deciders = per.flatMap((r, k) => (r && k > 0 ? [r[j]!] : []));
      const agree =
        deciders.every((o) => withoutMessage(o) === withoutMessage(expected)) &&
        deciders.every((o) => JSON.stringify(o) === JSON.stringify(deciders[0]));
      if (!agree) {
        const outcomes: Record<string, Outcome> = {};
        backends.forEach((b, k) => {
          if (per[k]) outcomes[b.name] = per[k]![j]!;
        });
        disagreements.push({ id: s.id, source: s.source, case: c, outcomes });
      }
    });
  });
  const cases = subjects.reduce((n, s) => n + s.cases.length, 0);
  return { policies: subjects.length, cases, backends: backends.map((b) => b.name), errors, disagreements, refused, wrongRefusals, decided, seconds };
}

/** A compiled subject, or an Error with the diagnostics (the generator must only make well-typed policies). */
export function subject(id: string, source: string, cases: Record<string, unknown>[]): Subject {
  const r = compile(source, `${id}.polis`);
  if (!r.policy) throw new Error(`${id}: the generated policy does not compile:\n${r.diagnostics.map((d) => `${d.span?.line}:${d.span?.column} ${d.code} ${d.message}`).join("\n")}\n${source}`);
  return { id, source, policy: r.policy, cases };
}

/** `count` random policies with `casesPer` cases each, from a seed. */
export function randomSubjects(count: number, casesPer: number, seed: number): Subject[] {
  const pairs = fc.sample(fc.tuple(policyArbitrary(), fc.array(caseArbitrary, { minLength: casesPer, maxLength: casesPer })), { numRuns: count, seed });
  return pairs.map(([p, cases], i) => subject(`willekeurig_${seed}_${i}`, p.source, cases));
}

/** The regression files: test/random/regressions/NAME.polis with NAME.jsonl, its cases. */
export function regressionSubjects(dir = path.join(ROOT, "test", "random", "regressions")): Subject[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".polis"))
    .sort()
    .map((f) => {
      const id = f.replace(/\.polis$/, "");
      const cases = fs.readFileSync(path.join(dir, `${id}.jsonl`), "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
      return subject(id.replace(/[^A-Za-z0-9_]/g, "_"), fs.readFileSync(path.join(dir, f), "utf8"), cases);
    });
}

/**
 * The in-process module against the reference as a fast-check property, so
 * that a disagreement shrinks to a small policy and case. Returns the shrunk
 * counterexample, or undefined when all agree.
 */
export function shrinkDisagreement(runs: number, seed: number): { source: string; case: Record<string, unknown>; reference: Outcome; module: Outcome } | undefined {
  const result = fc.check(
    fc.property(policyArbitrary(), caseArbitrary, (p, c) => {
      const s = subject("krimp", p.source, [c]);
      const ref = referenceDecide(s.policy, c);
      const mod = inProcess.run([s], "") as Outcome[][];
      return withoutMessage(ref) === withoutMessage(mod[0]![0]!);
    }),
    { numRuns: runs, seed },
  );
  if (!result.failed || !result.counterexample) return undefined;
  const [p, c] = result.counterexample;
  const s = subject("krimp", p.source, [c]);
  return { source: p.source, case: c, reference: referenceDecide(s.policy, c), module: (inProcess.run([s], "") as Outcome[][])[0]![0]! };
}

/** Write a shrunk counterexample as a regression file pair; returns the .polis path. */
export function writeRegression(name: string, source: string, cases: readonly Record<string, unknown>[], dir = path.join(ROOT, "test", "random", "regressions")): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.polis`), source);
  fs.writeFileSync(path.join(dir, `${name}.jsonl`), cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
  return path.join(dir, `${name}.polis`);
}
