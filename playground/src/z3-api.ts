// Entry of dist/playground/z3/z3-api.js: z3-solver's JavaScript API for the
// browser (its "browser" build), loaded by prover.ts only when proofs start,
// after z3-built.js has defined `initZ3`. Kept out of playground.js so that
// the first paint does not wait for it. Holds no Polis code, so the proofs in
// playground.js (compiler/proofs/) and the runtime they use exist once.

import { init } from "z3-solver";

(globalThis as { polisZ3?: { init: typeof init } }).polisZ3 = { init };
