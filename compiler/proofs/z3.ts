// The SMT solver behind the proofs (issue 18): z3-solver from npm, WebAssembly.
// In: nothing. Out: one z3 Context per process, created on first use (about
// 0,6 s), and `releaseSolver()` which stops z3's worker threads so that Node
// can exit. Only `polis check` and `polis diff` load this file, through a
// dynamic import: `polis run` never pays for z3.
// Guarantees: when z3-solver cannot be loaded (not installed, no WebAssembly
// threads), `solver()` resolves to undefined and callers fall back to sampling.

import type { Context } from "z3-solver";

export type Z3 = Context<"polis">;

interface Loaded {
  ctx: Z3;
  stop: () => Promise<void>;
}

let loading: Promise<Loaded | undefined> | undefined;

async function start(): Promise<Loaded | undefined> {
  try {
    const { init, killThreads } = await import("z3-solver");
    // Emscripten's own messages (a worker stopped while it reported back) are
    // not the author's business: stderr belongs to the diagnostics.
    const quiet = () => undefined;
    const z = await init({ print: quiet, printErr: quiet });
    const ctx = new z.Context("polis");
    return { ctx, stop: () => killThreads(z.em).catch(() => z.em.PThread.terminateAllThreads()) };
  } catch {
    return undefined;
  }
}

/** The process-wide z3 context, or undefined when z3 is not available. */
export async function solver(): Promise<Z3 | undefined> {
  if (globalThis.process?.env?.["POLIS_PROOFS"] === "0") return undefined;
  loading ??= start();
  return (await loading)?.ctx;
}

/** Stop z3's threads (Node does not exit while they run). A later `solver()` starts a new one. */
export async function releaseSolver(): Promise<void> {
  const l = loading;
  loading = undefined;
  const loaded = await l;
  await loaded?.stop();
}
