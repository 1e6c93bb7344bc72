// One proof session (issue 18): a solver holding "this is a valid case" for
// one policy (check) or two (diff), and the queries asked of it. Constraints
// that encoding adds on the way (input variables, calendar definitions) are
// asserted at the base level before each query; the query itself is pushed
// and popped, so the solver's learnt facts carry over between queries.
// In: a z3 context and the policies. Out: sat (with a witness case as
// runtime values), unsat, or unknown (time limit, non-linear arithmetic).

import fc from "fast-check";
import type { Model, Solver } from "z3-solver";
import type { LoweredPolicy } from "../ir/ir.js";
import { inputsArbitrary } from "../cases/generators.js";
import { SmtCalendar } from "./calendar.js";
import { TextTable, type B } from "./encode.js";
import { CaseVars } from "./inputs.js";
import { PolicyModel } from "./decisions.js";
import type { Z3 } from "./z3.js";

/** Milliseconds a single query may take before it counts as unknown. */
const QUERY_TIMEOUT_MS = 10_000;

export type Answer = { status: "unsat" } | { status: "unknown" } | { status: "sat"; model: Model<"polis">; values: Record<string, unknown> };

export class Session {
  readonly cal: SmtCalendar;
  readonly texts = new TextTable();
  readonly vars: CaseVars;
  readonly models: PolicyModel[];
  private readonly solver: Solver<"polis">;
  private assertedValid = 0;
  private assertedSide = 0;
  queries = 0;
  private readonly base: Record<string, unknown>;

  constructor(
    readonly z: Z3,
    policies: readonly LoweredPolicy[],
    /** Milliseconds a query may take; null: no limit (tests that must not depend on the machine's load). */
    timeoutMs: number | null = QUERY_TIMEOUT_MS,
  ) {
    this.cal = new SmtCalendar(z);
    const inputs = [...new Map(policies.flatMap((p) => p.inputs.map((i) => [i.name, i] as const))).values()];
    this.vars = new CaseVars(z, policies.flatMap((p) => p.inputs), this.texts, CaseVars.dateRange(policies.map((p) => p.metadata)));
    this.models = policies.map((p, i) => new PolicyModel(z, p, this.cal, this.texts, this.vars, `p${i}_`));
    this.solver = new z.Solver();
    if (timeoutMs !== null) this.solver.set("timeout", timeoutMs);
    // Values for inputs no query constrains: one generated case.
    const merged = policies.length === 1 ? policies[0]! : { ...policies[0]!, inputs };
    this.base = fc.sample(inputsArbitrary(merged), { numRuns: 1, seed: 20120101 })[0] ?? {};
    for (const m of this.models) for (const c of m.conditions) this.solver.add(c);
  }

  private flush(): void {
    const valid = this.vars.valid;
    for (; this.assertedValid < valid.length; this.assertedValid++) this.solver.add(valid[this.assertedValid]!);
    const side = this.cal.side;
    for (; this.assertedSide < side.length; this.assertedSide++) this.solver.add(side[this.assertedSide]!);
  }

  /** Is there a valid case where `goal` holds? */
  async ask(goal: B, extra: B[] = []): Promise<Answer> {
    this.flush();
    this.queries++;
    this.solver.push();
    try {
      this.solver.add(goal, ...extra);
      const r = await this.solver.check();
      if (r === "unsat") return { status: "unsat" };
      if (r === "unknown") return { status: "unknown" };
      const model = this.solver.model();
      return { status: "sat", model, values: this.vars.valuesOf(model, this.base) };
    } finally {
      this.solver.pop();
    }
  }
}
