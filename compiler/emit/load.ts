// IR policy → a live decision module, in-process, for `polis run` and
// `polis test`. It generates plain JavaScript (emit/generate.ts) and
// instantiates it with the runtime; no ts-morph, no prettier on this path.

import type * as R from "../../runtime/index.js";
import type { LoweredPolicy } from "../ir/ir.js";
import { generate } from "./generate.js";
import { instantiate } from "./instantiate.js";

export interface DecisionModule {
  metadata: {
    name: string;
    title: string;
    version?: string;
    validFrom?: string;
    validThrough?: string;
    source?: string;
  };
  inputFields: readonly R.FieldDesc[];
  outputFields: readonly R.FieldDesc[];
  /** Runtime values in (validated), runtime values out. */
  decideValues(values: Record<string, unknown>, line?: number): Record<string, unknown>;
  evaluate(input: Record<string, unknown>): Record<string, unknown>;
  evaluateJson(text: string, line?: number): Record<string, unknown>;
  explain(input: Record<string, unknown>, options?: { voor?: R.ExplainAudience }): { output: Record<string, unknown>; explanation: R.Explanation; text: string };
  /** Decide a case (validated runtime values) and evaluate every eigenschap on it, each on its own: true, false, or the error it met. */
  checkProperties(values: Record<string, unknown>): { outputs: Record<string, unknown>; holds: unknown[] };
}

/** The JavaScript of the module, for `instantiate` (here, or in a batch worker). */
export function moduleCode(policy: LoweredPolicy): string {
  return generate(policy, { ts: false }).code;
}

export function load(policy: LoweredPolicy): DecisionModule {
  return instantiate(moduleCode(policy));
}
