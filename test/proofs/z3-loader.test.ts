// Starting z3 another way (issue 18): the playground loads z3-solver's browser
// build through `loadZ3With`. When that load fails, `solver()` gives nothing,
// `solverFailure()` says why (the playground shows it), and `polis check`'s
// proofs fall back to sampling: "getest", never "bewezen".

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { proveCheck } from "../../compiler/proofs/check.js";
import { loadZ3With, releaseSolver, solver, solverFailure } from "../../compiler/proofs/z3.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

afterAll(releaseSolver);

describe("loadZ3With", () => {
  it("reports why z3 did not start, and the proofs only test", async () => {
    loadZ3With(() => Promise.reject(new Error("de pagina is niet cross-origin-geïsoleerd")));
    expect(await solver()).toBeUndefined();
    expect(solverFailure()).toBe("de pagina is niet cross-origin-geïsoleerd");
    const r = compile(fs.readFileSync(path.join(ROOT, "test/proofs/precies.polis"), "utf8"), "precies.polis");
    const proofs = await proveCheck(r.policy!, load(r.policy!));
    expect(proofs.outputs).toEqual([{ output: "vergoeding", status: "getest", cases: 200, reason: "de oplosser z3 is niet beschikbaar" }]);
    expect(proofs.queries).toBe(0);
  });

  it("starts z3 from the loader it is given (here the Node package itself)", async () => {
    let loads = 0;
    loadZ3With(async () => {
      loads++;
      return import("z3-solver");
    });
    const z = await solver();
    expect(z).toBeDefined();
    expect(solverFailure()).toBeUndefined();
    expect(await solver()).toBe(z);
    expect(loads).toBe(1);
    const r = compile(fs.readFileSync(path.join(ROOT, "test/proofs/precies.polis"), "utf8"), "precies.polis");
    expect((await proveCheck(r.policy!, load(r.policy!), { z3: z! })).outputs).toEqual([{ output: "vergoeding", status: "tegenvoorbeeld" }]);
  });
});
