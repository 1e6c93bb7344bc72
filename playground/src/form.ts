// The case form, generated from a policy's `invoer` (the FieldDescs of its
// decision module): date pickers for `datum`, text fields for amounts and
// numbers, selects for soorten and `uit {…}` beperkingen, rows for lists,
// fieldsets for records. In: the fields. Out: the case as JSON text (LANGUAGE.md §10),
// and filling the form from a parsed case.
// Guarantees: a number never goes through a binary float: what the author
// types is normalised as text (`1.234,56` → `1234.56`) and written into the
// JSON as a decimal string (bedrag, getal, percentage) or as the digits of a
// JSON number (aantal, duur); the runtime reads it exactly and names the field
// if it is not a valid value. Every control carries `data-veld` with the
// field's path as the runtime's messages spell it (`zorgkosten[0].bedrag`).

import { isLosslessNumber, parse } from "lossless-json";
import type { FieldDesc, TypeDesc } from "../../runtime/types.js";
import { formatDecimal, mul, ratInt, type Rat } from "../../runtime/rational.js";
import { formatValueDutch } from "../../runtime/case.js";
import { normaliseNumber } from "./numbers.js";

/** A JSON fragment, or undefined when the field is left out of the case. */
type Fragment = string | undefined;

interface FieldEditor {
  element: HTMLElement;
  get(): Fragment;
  set(v: unknown): void;
}

export interface CaseForm {
  /** The case JSON text the form describes. */
  json(): string;
  fill(caseValue: unknown): void;
  /** Mark the control of a field path as invalid (from a runtime diagnostic); undefined clears. */
  markInvalid(path: string | undefined): void;
}

export function buildForm(container: HTMLElement, fields: readonly FieldDesc[], onChange: () => void): CaseForm {
  container.replaceChildren();
  const editors = fields.map((f) => {
    const ed = fieldEditor(f.type, f.name, onChange, f);
    container.append(labelled(f.name, f, ed.element, f.name));
    return { f, ed };
  });
  return {
    json() {
      const parts = editors.flatMap(({ f, ed }) => {
        const v = ed.get();
        return v === undefined ? [] : [`  ${JSON.stringify(f.name)}: ${v}`];
      });
      return parts.length === 0 ? "{}" : `{\n${parts.join(",\n")}\n}`;
    },
    fill(caseValue) {
      const obj = isObject(caseValue) ? caseValue : {};
      for (const { f, ed } of editors) ed.set(obj[f.name]);
    },
    markInvalid(path) {
      for (const el of container.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
      if (path === undefined) return;
      const el = container.querySelector(`[data-veld="${CSS.escape(path)}"]`) ?? container.querySelector(`[data-veld="${CSS.escape(path.replace(/[.[].*$/, ""))}"]`);
      el?.setAttribute("aria-invalid", "true");
    },
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isLosslessNumber(v);
}

/** The text of a JSON scalar as the form shows it: numbers keep their exact digits. */
function scalarText(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (isLosslessNumber(v)) return v.value;
  return typeof v === "string" ? v : String(v);
}

function describeType(t: TypeDesc): string {
  switch (t.k) {
    case "soort":
    case "record":
      return t.name;
    case "lijst":
      return `lijst van ${describeType(t.elem)}`;
    default:
      return t.k;
  }
}

function labelled(name: string, f: FieldDesc | undefined, control: HTMLElement, path: string): HTMLElement {
  const row = document.createElement("div");
  row.className = "veld";
  const label = document.createElement(control.tagName === "FIELDSET" ? "div" : "label");
  label.className = "veld-naam";
  label.textContent = name;
  const input = control.querySelector("input, select") ?? control;
  if (label instanceof HTMLLabelElement && (input instanceof HTMLInputElement || input instanceof HTMLSelectElement)) {
    input.id = `veld-${path}`;
    label.htmlFor = input.id;
  }
  const info = document.createElement("span");
  info.className = "veld-type";
  info.textContent = f ? [describeType(f.type), f.restriction?.text, f.optional ? "optioneel" : undefined].filter(Boolean).join(" · ") : "";
  row.append(label, info, control);
  return row;
}

function fieldEditor(t: TypeDesc, path: string, onChange: () => void, f?: FieldDesc): FieldEditor {
  if (f?.restriction?.oneOf && (t.k === "bedrag" || t.k === "getal" || t.k === "aantal" || t.k === "percentage")) {
    return oneOfEditor(t, f.restriction.oneOf as Rat[], path, onChange);
  }
  switch (t.k) {
    case "bedrag":
    case "getal":
    case "percentage":
      return numberEditor(t.k, path, onChange, true);
    case "aantal":
      return numberEditor(t.k, path, onChange, false);
    case "datum":
      return dateEditor(path, onChange);
    case "tekst":
      return textEditor(path, onChange);
    case "janee":
      return selectEditor([["ja", "true"], ["nee", "false"]], path, onChange, f?.optional !== true ? "false" : undefined);
    case "soort":
      return selectEditor(t.values.map((v) => [v, JSON.stringify(v)]), path, onChange);
    case "duur":
      return durationEditor(path, onChange);
    case "periode":
      return periodEditor(path, onChange, f?.optional === true);
    case "record":
      return recordEditor(t, path, onChange);
    case "lijst":
      return listEditor(t.elem, path, onChange);
  }
}

function input(path: string, onChange: () => void, type = "text"): HTMLInputElement {
  const el = document.createElement("input");
  el.type = type;
  el.dataset.veld = path;
  el.addEventListener("input", onChange);
  return el;
}

function numberEditor(kind: string, path: string, onChange: () => void, asString: boolean): FieldEditor {
  const el = input(path, onChange);
  el.inputMode = asString ? "decimal" : "numeric";
  el.placeholder = kind === "bedrag" ? "€ 0,00" : kind === "percentage" ? "%" : "0";
  el.autocomplete = "off";
  const wrap = document.createElement("span");
  wrap.className = `invoer invoer-${kind}`;
  wrap.append(el);
  return {
    element: wrap,
    get() {
      if (el.value.trim() === "") return undefined;
      const n = normaliseNumber(el.value);
      // aantal is a JSON number: its digits go into the JSON text as they are.
      return !asString && /^[0-9]+$/.test(n) ? n : JSON.stringify(n);
    },
    set(v) {
      const s = scalarText(v);
      el.value = asString ? s.replace(".", ",") : s;
    },
  };
}

function oneOfEditor(t: TypeDesc, values: readonly Rat[], path: string, onChange: () => void): FieldEditor {
  const options = values.map((v): [string, string] => {
    const text = t.k === "percentage" ? formatDecimal(mul(v, ratInt(100))) : formatDecimal(v);
    return [formatValueDutch(v, t), t.k === "aantal" ? text : JSON.stringify(text)];
  });
  const ed = selectEditor(options, path, onChange);
  return {
    element: ed.element,
    get: ed.get,
    // A case may spell 100 as "100.00": match by value, not by text.
    set(v) {
      const s = normaliseNumber(scalarText(v));
      const hit = options.find(([, json]) => sameDecimal(json.replace(/"/g, ""), s));
      ed.set(hit ? parse(hit[1]) : v);
    },
  };
}

/** Equal decimals as text (`100` and `100.00`), compared without floats. */
function sameDecimal(a: string, b: string): boolean {
  const canon = (x: string) => {
    const [i = "", f = ""] = x.replace(/^(-?)0+(?=\d)/, "$1").split(".");
    return `${i}.${f.replace(/0+$/, "")}`;
  };
  return canon(a) === canon(b);
}

function dateEditor(path: string, onChange: () => void): FieldEditor {
  const el = input(path, onChange, "date");
  return {
    element: el,
    get: () => (el.value === "" ? undefined : JSON.stringify(el.value)),
    set(v) {
      el.value = typeof v === "string" ? v : "";
    },
  };
}

function textEditor(path: string, onChange: () => void): FieldEditor {
  const el = input(path, onChange);
  return {
    element: el,
    get: () => JSON.stringify(el.value),
    set(v) {
      el.value = typeof v === "string" ? v : "";
    },
  };
}

/** Options are [label, JSON fragment]; the empty option leaves the field out. */
function selectEditor(options: readonly (readonly [string, string])[], path: string, onChange: () => void, initial?: string): FieldEditor {
  const el = document.createElement("select");
  el.dataset.veld = path;
  el.append(new Option("— kies —", ""));
  for (const [label, json] of options) el.append(new Option(label, json));
  if (initial !== undefined) el.value = initial;
  el.addEventListener("change", onChange);
  return {
    element: el,
    get: () => (el.value === "" ? undefined : el.value),
    set(v) {
      const json = v === undefined || v === null ? "" : isLosslessNumber(v) ? v.value : JSON.stringify(v);
      el.value = options.some(([, j]) => j === json) ? json : "";
    },
  };
}

const DURATION_UNITS = ["dagen", "weken", "maanden", "jaren"];

function durationEditor(path: string, onChange: () => void): FieldEditor {
  const n = input(path, onChange);
  n.inputMode = "numeric";
  n.className = "kort";
  const unit = document.createElement("select");
  unit.dataset.veld = `${path}.eenheid`;
  for (const u of DURATION_UNITS) unit.append(new Option(u, u));
  unit.addEventListener("change", onChange);
  const wrap = document.createElement("span");
  wrap.className = "invoer-duur";
  wrap.append(n, unit);
  return {
    element: wrap,
    get() {
      const digits = n.value.trim();
      if (digits === "") return undefined;
      return `{${JSON.stringify(unit.value)}: ${/^-?[0-9]+$/.test(digits) ? digits : JSON.stringify(digits)}}`;
    },
    set(v) {
      const obj = isObject(v) ? v : {};
      const key = DURATION_UNITS.find((u) => obj[u] !== undefined);
      unit.value = key ?? "dagen";
      n.value = key ? scalarText(obj[key]) : "";
    },
  };
}

function periodEditor(path: string, onChange: () => void, optional: boolean): FieldEditor {
  const from = input(`${path}.van`, onChange, "date");
  const through = input(`${path}.tot_en_met`, onChange, "date");
  from.setAttribute("aria-label", `${path} van`);
  through.setAttribute("aria-label", `${path} tot en met`);
  const wrap = document.createElement("span");
  wrap.className = "invoer-periode";
  wrap.append(from, document.createTextNode(" t/m "), through);
  return {
    element: wrap,
    get() {
      if (from.value === "" && through.value === "") return optional ? undefined : "null";
      return `{"van": ${JSON.stringify(from.value)}, "tot_en_met": ${JSON.stringify(through.value)}}`;
    },
    set(v) {
      const obj = isObject(v) ? v : {};
      from.value = typeof obj.van === "string" ? obj.van : "";
      through.value = typeof obj.tot_en_met === "string" ? obj.tot_en_met : "";
    },
  };
}

type RecordType = Extract<TypeDesc, { k: "record" }>;

/** The editors of a record's fields, and the record's JSON from them. */
function recordFields(t: RecordType, path: string, onChange: () => void) {
  const subs = t.fields.map((f) => ({ f, ed: fieldEditor(f.type, `${path}.${f.name}`, onChange, f) }));
  const editor: Omit<FieldEditor, "element"> = {
    get() {
      const parts = subs.flatMap(({ f, ed }) => {
        const v = ed.get();
        return v === undefined ? [] : [`${JSON.stringify(f.name)}: ${v}`];
      });
      return `{${parts.join(", ")}}`;
    },
    set(v) {
      const obj = isObject(v) ? v : {};
      for (const { f, ed } of subs) ed.set(obj[f.name]);
    },
  };
  return { subs, editor };
}

function recordEditor(t: RecordType, path: string, onChange: () => void): FieldEditor {
  const set = document.createElement("fieldset");
  set.className = "record";
  const { subs, editor } = recordFields(t, path, onChange);
  for (const { f, ed } of subs) set.append(labelled(f.name, f, ed.element, `${path}.${f.name}`));
  return { element: set, ...editor };
}

const isFlatRecord = (t: TypeDesc): t is RecordType => t.k === "record" && t.fields.every((f) => f.type.k !== "record" && f.type.k !== "lijst");

/**
 * A list: one row per element and a button to add one. A list of flat records
 * is a table (a column per field); any other list a column of editors.
 */
function listEditor(elem: TypeDesc, path: string, onChange: () => void): FieldEditor {
  const box = document.createElement("fieldset");
  box.className = "lijst";
  box.dataset.veld = path;
  const flat = isFlatRecord(elem) ? elem : undefined;
  const rows = document.createElement(flat ? "tbody" : "div");
  box.append(flat ? listTable(flat, rows) : rows);
  const add = document.createElement("button");
  add.type = "button";
  add.textContent = "+ rij toevoegen";
  add.dataset.testid = "rij-toevoegen";
  add.dataset.lijst = path;
  box.append(add);
  let items: Omit<FieldEditor, "element">[] = [];
  const values = () => items.map((it) => { const k = it.get(); return k === undefined ? undefined : parseFragment(k); });
  /** Rebuild the rows so every path carries its current index. */
  const render = (vs: unknown[]) => {
    rows.replaceChildren();
    items = vs.map((v, i) => {
      const del = document.createElement("button");
      del.type = "button";
      del.textContent = "×";
      del.title = "rij verwijderen";
      del.className = "verwijder";
      del.setAttribute("aria-label", `rij ${i + 1} van ${path} verwijderen`);
      del.addEventListener("click", () => {
        render(values().filter((_, j) => j !== i));
        onChange();
      });
      const n = Object.assign(document.createElement("span"), { className: "rij-nummer", textContent: `${i + 1}` });
      let ed: Omit<FieldEditor, "element">;
      if (flat) {
        const { subs, editor } = recordFields(flat, `${path}[${i}]`, onChange);
        const tr = document.createElement("tr");
        tr.className = "lijst-rij";
        const first = cell(n);
        first.append(del);
        first.className = "rij-kop";
        tr.append(first, ...subs.map(({ f, ed: sub }) => {
          sub.element.querySelector("input, select")?.setAttribute("aria-label", `${f.name} in rij ${i + 1}`);
          if (sub.element instanceof HTMLInputElement || sub.element instanceof HTMLSelectElement) sub.element.setAttribute("aria-label", `${f.name} in rij ${i + 1}`);
          return cell(sub.element);
        }));
        rows.append(tr);
        ed = editor;
      } else {
        const single = fieldEditor(elem, `${path}[${i}]`, onChange);
        const row = document.createElement("div");
        row.className = "lijst-rij";
        row.append(n, del, single.element);
        rows.append(row);
        ed = single;
      }
      ed.set(v);
      return ed;
    });
  };
  add.addEventListener("click", () => {
    render([...values(), undefined]);
    onChange();
  });
  return {
    element: box,
    get: () => `[${items.map((it) => it.get() ?? "null").join(", ")}]`,
    set(v) {
      render(Array.isArray(v) ? v : []);
    },
  };
}

/** A table with a column per field of the record, around the rows' tbody; it scrolls on its own. */
function listTable(t: RecordType, rows: HTMLElement): HTMLElement {
  const head = document.createElement("tr");
  for (const name of ["", ...t.fields.map((f) => f.name)]) head.append(Object.assign(document.createElement("th"), { textContent: name }));
  const thead = document.createElement("thead");
  thead.append(head);
  const table = document.createElement("table");
  table.className = "lijst-tabel";
  table.append(thead, rows);
  const scroll = document.createElement("div");
  scroll.className = "lijst-scroll";
  scroll.append(table);
  return scroll;
}

function cell(content: Node): HTMLTableCellElement {
  const td = document.createElement("td");
  td.append(content);
  return td;
}

/** A fragment this form wrote, read back keeping number digits as text. */
function parseFragment(text: string): unknown {
  return parse(text);
}
