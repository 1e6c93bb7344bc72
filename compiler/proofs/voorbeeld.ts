// A found case as a `voorbeeld` an author can paste into the policy (issue 18).
// In: the policy, a title, the case's runtime values, what to expect. Out: Polis text.

import { formatValueDutch } from "../../runtime/dutch.js";
import type { Policy } from "../ir/ir.js";

export function voorbeeldText(policy: Policy, title: string, values: Record<string, unknown>, expected: string): string {
  return [`voorbeeld "${title.replace(/["\\]/g, "")}":`, `  ${givenText(policy, values)}`, `  verwacht ${expected}`].join("\n");
}

/** `gegeven a 1, b € 2`: the inputs of a case in Polis notation. */
export function givenText(policy: Policy, values: Record<string, unknown>): string {
  const given = policy.inputs.filter((i) => values[i.name] !== undefined).map((i) => `${i.name} ${formatValueDutch(values[i.name], i.desc.type)}`);
  return `gegeven ${given.join(", ")}`;
}
