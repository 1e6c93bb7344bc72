// What every generated decision module shares, written once: what its
// `Decision` class must provide, showing a value in an explanation, and the
// public functions built around it (decide, evaluate,
// evaluateJson, explain, checkProperties). A generated module defines only
// its policy's `Decision` subclass, its metadata and field descriptions, and
// calls `decisionModule` (compiler/emit/generate.ts).

import { asPolisError, type Where } from "./evaluate.js";
import { decodeCase, encodeOutputs, formatValueDutch, parseCaseText } from "./case.js";
import { renderExplanation, renderMemberExplanation, type ExplainAudience, type Explanation, type ExplainStep } from "./explain.js";
import type { FieldDesc, TypeDesc } from "./types.js";

/**
 * One case being decided: what the generated `Decision` class provides (it
 * holds the inputs and the memo fields). A plain interface, not a base class:
 * a generated class without `extends` constructs as fast as a hand-written one.
 */
export interface DecisionBase {
  /** Where evaluation is, so an error names the rule or begrip and its article. */
  w: Where;
  result: Record<string, unknown>;
  /** Check the voorwaarden in declaration order (docs/language.md §4). */
  checkConditions(line: number | undefined): void;
  /** Every output, in declaration order. */
  outputs(): Record<string, unknown>;
  /** Which clause of which rule gave each output (after `outputs()`). */
  explainSteps(): ExplainStep[];
  /** Every eigenschap on its own: true, false, or the error it met. */
  properties(): unknown[];
}

/** A value for an explanation, in Dutch; a value that cannot be computed says so. */
export function show(f: () => unknown, t: TypeDesc): string {
  try {
    return formatValueDutch(f(), t);
  } catch {
    return "(niet te berekenen)";
  }
}

export interface ModuleMetadata {
  readonly name: string;
  readonly title: string;
  readonly version: string | undefined;
  readonly validFrom: string | undefined;
  readonly validThrough: string | undefined;
  readonly source: string | undefined;
}

export interface ModuleParts {
  metadata: ModuleMetadata;
  inputFields: readonly FieldDesc[];
  outputFields: readonly FieldDesc[];
  /** A new Decision for validated runtime values. */
  create(values: Record<string, unknown>): DecisionBase;
}

/** The public functions of a decision module, in the encodings of docs/language.md §9. */
export interface ModuleFunctions {
  /** Decide a case given as runtime values that were already decoded and validated. */
  decideValues(values: Record<string, unknown>, line?: number): Record<string, unknown>;
  /** Decide one case in the case-file encoding. Throws a PolisError for a bad case or an evaluation error. */
  evaluate(input: unknown): Record<string, unknown>;
  /** Read a case from its JSON text exactly as `polis run` does (numbers keep their exact text). */
  evaluateJson(text: string, line?: number): Record<string, unknown>;
  /** The decision and, in Dutch, which rules gave it, with their values and articles. */
  explain(input: unknown, options?: { voor?: ExplainAudience }): { output: Record<string, unknown>; explanation: Explanation; text: string };
  /** Decide a case (runtime values) and evaluate every eigenschap on it, each on its own. */
  checkProperties(values: Record<string, unknown>): { outputs: Record<string, unknown>; holds: unknown[] };
}

export function decisionModule(parts: ModuleParts): ModuleFunctions {
  const { metadata, inputFields, outputFields, create } = parts;

  /** Check the voorwaarden and compute every output, once; an evaluation failure becomes a PolisError naming where it happened. */
  function decided(values: Record<string, unknown>, line: number | undefined): DecisionBase {
    const d = create(values);
    try {
      d.checkConditions(line);
      d.result = d.outputs();
    } catch (e) {
      throw asPolisError(e, d.w, line);
    }
    return d;
  }

  function explanationOf(d: DecisionBase, values: Record<string, unknown>): Explanation {
    return {
      policy: metadata.name,
      title: metadata.title,
      ...(metadata.version !== undefined ? { version: metadata.version } : {}),
      inputs: inputFields.map((f) => ({ name: f.name, value: formatValueDutch(values[f.name], f.type) })),
      steps: d.explainSteps(),
    };
  }

  return {
    decideValues: (values, line) => decided(values, line).result,
    evaluate: (input) => encodeOutputs(decided(decodeCase(input, inputFields), undefined).result, outputFields),
    evaluateJson: (text, line) => encodeOutputs(decided(decodeCase(parseCaseText(text, line), inputFields, line), line).result, outputFields),
    explain(input, options) {
      const values = decodeCase(input, inputFields);
      const d = decided(values, undefined);
      const output = encodeOutputs(d.result, outputFields);
      const explanation = explanationOf(d, values);
      const text = options?.voor === "lid" ? renderMemberExplanation(explanation) : renderExplanation(explanation);
      return { output, explanation, text };
    },
    checkProperties(values) {
      const d = decided(values, undefined);
      return { outputs: d.result, holds: d.properties() };
    },
  };
}
