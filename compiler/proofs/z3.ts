// The SMT solver behind the proofs (issue 18): z3-solver from npm, WebAssembly.
// In: nothing. Out: one z3 Context per process, created on first use (about
// 0,6 s), and `releaseSolver()` which stops z3's worker threads so that Node
// can exit. Only `polis check` and `polis diff` load this file, through a
// dynamic import: `polis run` never pays for z3. The playground loads z3's
// browser build instead (`loadZ3With`, playground/src/prover.ts): one
// encoding, two ways to start the solver.
// Guarantees: when z3-solver cannot be loaded (not installed, no WebAssembly
// threads), `solver()` resolves to undefined, `solverFailure()` says why, and
// callers fall back to sampling.

import type { Context } from "z3-solver";

export type Z3 = Context<"polis">;

/** What is needed of the z3-solver package: its `init` and `killThreads`. */
export type Z3Api = Pick<typeof import("z3-solver"), "init" | "killThreads">;

interface Loaded {
  ctx: Z3;
  stop: () => Promise<void>;
}

let loading: Promise<Loaded | undefined> | undefined;
let api: () => Promise<Z3Api> = () => import("z3-solver");
let failure: string | undefined;

async function start(): Promise<Loaded | undefined> {
  try {
    const { init, killThreads } = await api();
    // Emscripten's own messages (a worker stopped while it reported back) are
    // not the author's business: stderr belongs to the diagnostics.
    const quiet = () => undefined;
    const z = await init({ print: quiet, printErr: quiet });
    const ctx = new z.Context("polis");
    failure = undefined;
    return { ctx, stop: () => killThreads(z.em).catch(() => z.em.PThread.terminateAllThreads()) };
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
    return undefined;
  }
}

/** The process-wide z3 context, or undefined when z3 is not available. */
export async function solver(): Promise<Z3 | undefined> {
  // `globalThis.process`: this file also runs in the browser (the playground).
  if ((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env["POLIS_PROOFS"] === "0") {
    failure = "POLIS_PROOFS=0";
    return undefined;
  }
  loading ??= start();
  return (await loading)?.ctx;
}

/** Why the last start of z3 failed (after `solver()` resolved to undefined). */
export function solverFailure(): string | undefined {
  return failure;
}

/** Start z3 another way from now on (the playground: z3's browser build). */
export function loadZ3With(load: () => Promise<Z3Api>): void {
  api = load;
  loading = undefined;
}

/** Stop z3's threads (Node does not exit while they run). A later `solver()` starts a new one. */
export async function releaseSolver(): Promise<void> {
  const l = loading;
  loading = undefined;
  const loaded = await l;
  await loaded?.stop();
}
