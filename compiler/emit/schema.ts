// IR policy → JSON Schema (draft 2020-12) for its case files and its
// decisions, in the encodings of LANGUAGE.md §10, so a claim system can
// validate and document the contract without TypeScript. A schema is as strict
// as JSON Schema can say: a beperking on a number written as a string (which
// keeps it exact) cannot be checked by a schema, so it is in the description
// and in `x-polis-beperking`; Polis itself still checks every case.

import type { Input, Output, Policy, Type } from "../ir/ir.js";
import type { Rat } from "../../runtime/rational.js";
import { formatDecimal } from "../../runtime/rational.js";

type Schema = Record<string, unknown>;

const DRAFT = "https://json-schema.org/draft/2020-12/schema";
const DECIMAL = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$";
const CENTS = "^-?(0|[1-9][0-9]*)(\\.[0-9]{1,2})?$";
const WHOLE = "^(0|[1-9][0-9]*)$";
const DATE: Schema = { type: "string", format: "date", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };

function unit(name: string): Schema {
  return { type: "object", properties: { [name]: { type: "integer" } }, required: [name], additionalProperties: false };
}

const PERIOD: Schema = {
  oneOf: [
    { type: "null", description: "de lege periode" },
    { type: "object", properties: { van: DATE, tot_en_met: DATE }, required: ["van", "tot_en_met"], additionalProperties: false },
  ],
};

/** The case-file encoding of a value of type t. */
export function inputSchema(t: Type): Schema {
  switch (t.k) {
    case "bedrag": return { oneOf: [{ type: "string", pattern: CENTS }, { type: "number" }], description: "bedrag in euro, hoogstens twee decimalen; als tekst blijft het exact" };
    case "getal": return { oneOf: [{ type: "string", pattern: DECIMAL }, { type: "number" }], description: "getal; als tekst blijft het exact" };
    case "percentage": return { oneOf: [{ type: "string", pattern: DECIMAL }, { type: "number" }], description: "percentage (25 is 25%)" };
    case "aantal": return { oneOf: [{ type: "integer", minimum: 0 }, { type: "string", pattern: WHOLE }], description: "geheel aantal, 0 of meer" };
    case "datum": return { ...DATE };
    case "duur": return { oneOf: [unit("dagen"), unit("weken"), unit("maanden"), unit("jaren")] };
    case "periode": return PERIOD;
    case "janee": return { type: "boolean" };
    case "tekst": return { type: "string" };
    case "soort": return { enum: [...t.values], description: `soort ${t.name}` };
    case "record": return record(t.fields.map((f) => [f.name, inputSchema(f.type)]), t.name);
    case "lijst": return { type: "array", items: inputSchema(t.elem) };
    case "fout": return {};
  }
}

/** The output encoding of a value of type t. */
export function outputSchema(t: Type): Schema {
  switch (t.k) {
    case "bedrag": return { type: "string", pattern: "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$", description: "bedrag in euro, twee decimalen" };
    case "getal": return { type: "string", pattern: DECIMAL, description: "getal, exact, zonder nullen aan het eind" };
    case "percentage": return { type: "string", pattern: DECIMAL, description: "percentage (\"25\" is 25%)" };
    case "aantal": return { oneOf: [{ type: "integer", minimum: 0 }, { type: "string", pattern: WHOLE }], description: "geheel aantal, 0 of meer; boven 2^53 als tekst" };
    case "datum": return { ...DATE };
    case "duur": return { oneOf: [unit("dagen"), unit("maanden")] };
    case "periode": return PERIOD;
    case "janee": return { type: "boolean" };
    case "tekst": return { type: "string" };
    case "soort": return { enum: [...t.values], description: `soort ${t.name}` };
    case "record": return record(t.fields.map((f) => [f.name, outputSchema(f.type)]), t.name);
    case "lijst": return { type: "array", items: outputSchema(t.elem) };
    case "fout": return {};
  }
}

function record(fields: [string, Schema][], name: string): Schema {
  return { type: "object", description: `record ${name}`, properties: Object.fromEntries(fields), required: fields.map(([n]) => n), additionalProperties: false };
}

const isNumeric = (t: Type) => t.k === "bedrag" || t.k === "getal" || t.k === "percentage" || t.k === "aantal";

/** A beperking as JSON Schema can check it on JSON numbers (strings keep only the description). */
function restricted(i: Input): Schema {
  const s = inputSchema(i.type);
  const r = i.desc.restriction;
  if (!r) return s;
  const out: Schema = { ...s, "x-polis-beperking": r.text };
  out["description"] = `${typeof s["description"] === "string" ? `${s["description"]}; ` : ""}beperking: ${r.text}`;
  if (isNumeric(i.type) && Array.isArray(s["oneOf"])) {
    const num = (v: unknown) => Number(formatDecimal(v as Rat));
    const bounds: Schema = {};
    if (r.min !== undefined) bounds["minimum"] = num(r.min);
    if (r.max !== undefined) bounds["maximum"] = num(r.max);
    if (r.oneOf) bounds["enum"] = r.oneOf.map(num);
    out["oneOf"] = (s["oneOf"] as Schema[]).map((b) => (b["type"] === "number" || b["type"] === "integer" ? { ...b, ...bounds } : b));
  }
  return out;
}

function documentOf(title: string, description: string, properties: [string, Schema][], required: string[]): Schema {
  return { $schema: DRAFT, title, description, type: "object", properties: Object.fromEntries(properties), required, additionalProperties: false };
}

export function policySchemas(policy: Policy): { input: Schema; output: Schema } {
  const m = policy.metadata;
  const input = documentOf(
    `${m.name}: case`,
    `Een case voor ${m.title}${m.version !== undefined ? ` (versie ${m.version})` : ""}: een veld per invoer (docs/language.md §9).`,
    policy.inputs.map((i) => [i.name, i.optional ? { anyOf: [restricted(i), { type: "null" }], description: "optioneel: mag ontbreken of null zijn" } : restricted(i)]),
    policy.inputs.filter((i) => !i.optional).map((i) => i.name),
  );
  const output = documentOf(
    `${m.name}: beslissing`,
    `De beslissing van ${m.title}: een veld per uitvoer, in volgorde van declaratie.`,
    policy.outputs.map((o: Output) => [o.name, outputSchema(o.type)]),
    policy.outputs.map((o) => o.name),
  );
  return { input, output };
}
