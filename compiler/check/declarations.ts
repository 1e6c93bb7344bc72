// Checking declarations (LANGUAGE.md §3–§4): the policy's header, soorten and
// gegevens, invoer (with beperkingen), voorwaarden, parameters, begrippen,
// functies and uitvoer. In: the context of a resolved program. Out: the
// corresponding parts of the IR policy; reads between definitions go into
// the dependency graph. Rules come after (rules.ts), tests last (tests.ts).

import type { Span } from "../../runtime/diagnostic.js";
import type { FieldDesc } from "../../runtime/types.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import { isReserved } from "../resolve/resolve.js";
import { checkDated } from "./dated.js";
import { report, within, type CheckContext } from "./context.js";
import { resolveType, restrictionOf, restrictionWord, typeOfDecl } from "./declared-types.js";
import { checkCondition, checkExpr, EMPTY_SCOPE } from "./expressions.js";
import { containsError } from "./types.js";

export const articleLabels = (as: readonly A.Article[]): string[] => as.map((a) => a.label);

/** An IR policy with its metadata, soorten and gegevens, and every other part still empty. */
export function emptyPolicy(cx: CheckContext): IR.Policy {
  const { program } = cx;
  const policy: IR.Policy = {
    metadata: {
      name: program.name,
      title: program.title,
      file: program.file,
      ...(program.header.version ? { version: program.header.version.text } : {}),
      ...(program.header.validity ? { validFrom: program.header.validity.from, validitySpan: program.header.validity.span } : {}),
      ...(program.header.validity?.to !== undefined ? { validThrough: program.header.validity.to } : {}),
      ...(program.header.source ? { source: program.header.source.text } : {}),
    },
    soorten: [],
    records: [],
    inputs: [],
    conditions: [],
    parameters: [],
    begrippen: [],
    functions: [],
    outputs: [],
    rules: [],
    examples: [],
    properties: [],
  };
  for (const [, t] of cx.symbols.types) {
    if (t.kind === "soort") policy.soorten.push({ name: t.decl.name, values: t.decl.values.map((v) => v.name) });
    else {
      const rt = resolveType(cx, { kind: "NamedType", name: t.decl.name, span: t.decl.nameSpan });
      if (rt.k === "record") policy.records.push({ name: rt.name, fields: [...rt.fields] });
    }
  }
  return policy;
}

/** The inputs, with their case-file description (type, beperking, optional). */
export function checkInputs(cx: CheckContext, policy: IR.Policy): void {
  for (const d of cx.program.declarations) {
    if (d.kind !== "Invoer") continue;
    for (const f of d.fields) {
      const sym = cx.symbols.values.get(f.name);
      if (sym?.kind !== "input" || sym.span !== f.nameSpan) continue;
      const type = typeOfDecl(cx, "input", f.name);
      if (containsError(type)) continue;
      const restriction = restrictionOf(cx, f, type);
      const desc: FieldDesc = { name: f.name, type: typeDescOf(type), ...(restriction ? { restriction } : {}), ...(f.optional ? { optional: true } : {}) };
      policy.inputs.push({ name: f.name, type, desc, optional: f.optional === true, span: f.span });
      if (f.default) report(cx, "P0401", f.default.span, { expected: "geen `standaard` bij invoer", actual: "een standaardwaarde" });
    }
  }
}

/** Voorwaarden, parameters, begrippen and functies, in the order written. */
export function checkDefinitions(cx: CheckContext, policy: IR.Policy): void {
  const inputNames = new Set(policy.inputs.map((i) => i.name));
  for (const d of cx.program.declarations) {
    switch (d.kind) {
      case "Voorwaarde": {
        const expr = within(cx, null, () => checkCondition(cx, d.condition, EMPTY_SCOPE));
        policy.conditions.push({ expr, text: d.text, field: firstInputNamed(d.condition, inputNames) ?? "", span: d.span });
        break;
      }
      case "Parameter":
      case "Begrip": {
        if (cx.symbols.values.get(d.name)?.span !== d.nameSpan) break;
        const kind = d.kind === "Parameter" ? "parameter" : "begrip";
        const type = within(cx, { kind, name: d.name }, () => typeOfDecl(cx, kind, d.name));
        if (d.kind === "Parameter" && d.dated) {
          const dated = d.dated;
          policy.begrippen.push(within(cx, { kind, name: d.name }, () => checkDated(cx, d, dated, type, policy)));
          break;
        }
        const value = within(cx, { kind, name: d.name }, () => checkExpr(cx, d.value, type, EMPTY_SCOPE, d.name));
        (kind === "parameter" ? policy.parameters : policy.begrippen).push({ name: d.name, type, value, articles: articleLabels(d.articles), span: d.span });
        break;
      }
      case "Functie":
        if (cx.symbols.values.get(d.name)?.span !== d.nameSpan) break;
        policy.functions.push(within(cx, { kind: "function", name: d.name }, () => checkFunction(cx, d)));
        break;
      default:
        break;
    }
  }
}

function checkFunction(cx: CheckContext, d: Extract<A.Decl, { kind: "Functie" }>): IR.Policy["functions"][number] {
  const scope = new Map<string, IR.Type>();
  const params = d.params.map((p) => {
    if (isReserved(p.name)) report(cx, "P0304", p.span, { name: p.name, what: "parameter van een functie" });
    else if (cx.symbols.values.has(p.name)) report(cx, "P0309", p.span, { name: p.name });
    const t = resolveType(cx, p.type);
    scope.set(p.name, t);
    return { name: p.name, type: t };
  });
  const result = resolveType(cx, d.result);
  const body = checkExpr(cx, d.body, result, scope, d.name);
  return { name: d.name, params, result, body, articles: articleLabels(d.articles), span: d.span };
}

/** The outputs (their `standaard` is a definition of its own); returned by name for the rules. */
export function checkOutputs(cx: CheckContext, policy: IR.Policy): Map<string, IR.Output> {
  const index = new Map<string, IR.Output>();
  for (const d of cx.program.declarations) {
    if (d.kind !== "Uitvoer") continue;
    for (const f of d.fields) {
      if (cx.symbols.values.get(f.name)?.span !== f.nameSpan) continue;
      const type = typeOfDecl(cx, "output", f.name);
      if (f.restriction) report(cx, "P0408", f.restriction.span, { what: restrictionWord(f.restriction.text), type: "een uitvoer" });
      if (f.optional) report(cx, "P0415", f.span, { name: f.name });
      const out: IR.Output = { name: f.name, type, rules: [], span: f.span };
      if (f.default) {
        const expr = f.default;
        out.default = within(cx, { kind: "output", name: f.name }, () => checkExpr(cx, expr, type, EMPTY_SCOPE, f.name));
      }
      policy.outputs.push(out);
      index.set(f.name, out);
    }
  }
  return index;
}

/** The first input a voorwaarde names, in source order: the field a violation is reported on. */
function firstInputNamed(e: A.Expr, inputNames: ReadonlySet<string>): string | undefined {
  let found: string | undefined;
  const visit = (x: unknown) => {
    if (found || x === null || typeof x !== "object") return;
    if (Array.isArray(x)) return x.forEach(visit);
    const node = x as { kind?: string; name?: string; span?: Span };
    if (node.kind === "Name" && node.name && inputNames.has(node.name)) {
      found = node.name;
      return;
    }
    // visit children in source order
    const children = Object.entries(node)
      .filter(([k]) => k !== "span" && k !== "opSpan" && k !== "fieldSpan" && k !== "calleeSpan" && k !== "variableSpan")
      .map(([, v]) => v);
    children.sort((p, q) => ((p as { span?: Span })?.span?.start ?? 0) - ((q as { span?: Span })?.span?.start ?? 0));
    children.forEach(visit);
  };
  visit(e);
  return found;
}
