// The playground: the real compiler and runtime in the browser. The editor's
// text is compiled on every change (debounced); its diagnostics are
// underlined; a case form is generated from its `invoer`; the decision and
// its explanation are shown beside it; voorbeelden and eigenschappen run as
// `polis test` runs them. The share link in the address bar always holds the
// policy and the case (`#bron=…&geval=…`); opening one decides at once.
// Nothing leaves the browser: there are no server calls at all.

import { parse as parseJson } from "lossless-json";
import { POLICIES, DEFAULT_PATH, type ExamplePolicy } from "polis-voorbeelden";
import { compile, hasErrors } from "../../compiler/pipeline.js";
import { load, type DecisionModule } from "../../compiler/emit/load.js";
import type { LoweredPolicy, Policy } from "../../compiler/ir/ir.js";
import { evalConstant } from "../../compiler/ir/constant.js";
import { caseFileOf } from "../../compiler/cases/generators.js";
import { PolisError, type Diagnostic } from "../../runtime/diagnostic.js";
import { parseCaseText } from "../../runtime/case.js";
import { renderMemberExplanation } from "../../runtime/explain.js";
import { createEditor, diagnosticElement } from "./editor.js";
import { buildForm, type CaseForm } from "./form.js";
import { showCaseError, showDecision, showEmpty, showPolicyErrors } from "./decision.js";
import { showExamples, showProperties } from "./checks.js";
import { readFragment, shareFragment } from "./share.js";
import { isolate, prove, showProofs, showProving } from "./prover.js";
import { byId, h } from "./dom.js";

const FILE = "speelplaats.polis";

interface Current {
  policy: LoweredPolicy;
  module: DecisionModule;
  /** The input fields as JSON: the form is rebuilt only when they change. */
  signature: string;
  form: CaseForm;
}

let current: Current | undefined;
let caseText = "{}";
let compileTimer: ReturnType<typeof setTimeout> | undefined;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
let checkGeneration = 0;
const PROPERTY_DELAY_MS = 700;

const decisionPanel = byId("beslissing");
const formBox = byId("geval-formulier");
const diagnosticsList = byId("diagnostiek");
const exampleSelect = byId<HTMLSelectElement>("voorbeeld-polis");
const shareInput = byId<HTMLInputElement>("deellink");

const editor = createEditor(byId("editor"), "", () => {
  clearTimeout(compileTimer);
  compileTimer = setTimeout(() => guarded(() => update(undefined)), 250);
});

/** The diagnostics of the last compilation (conflict warnings are added to them). */
let lastDiagnostics: readonly Diagnostic[] = [];

/**
 * Anything thrown that is not a PolisError is a bug in Polis: say so on the
 * page, in Dutch, and log it (the browser tests fail on console errors).
 */
function guarded(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(e);
    decisionPanel.dataset.status = "interne-fout";
    decisionPanel.replaceChildren(h("p", { class: "fout", role: "alert", "data-testid": "beslissing-fout", "data-code": "intern" }, `Interne fout (dit is een fout in Polis, niet in uw polis): ${e instanceof Error ? e.message : String(e)}`));
  }
}

/** Compile the editor's text and show everything that follows from it. `newCase` replaces the case. */
function update(newCase: string | undefined): void {
  const source = editor.text();
  const r = compile(source, FILE);
  lastDiagnostics = r.diagnostics;
  showDiagnostics(r.diagnostics);
  document.body.dataset.polis = r.policy ? "ok" : "fout";
  exampleSelect.value = POLICIES.find((p) => p.source === source)?.path ?? "";
  formBox.dataset.verouderd = String(!r.policy);
  if (!r.policy || hasErrors(r.diagnostics)) {
    byId("polis-titel").textContent = "(bevat fouten)";
    showPolicyErrors(decisionPanel, r.diagnostics.filter((d) => d.severity === "error").length);
    byId("voorbeelden").replaceChildren();
    byId("eigenschappen").replaceChildren();
    byId("voorbeelden-samenvatting").textContent = "";
    byId("eigenschappen-samenvatting").textContent = "";
    checkGeneration++;
    writeShareLink();
    return;
  }
  const policy = r.policy;
  const module = load(policy);
  const signature = JSON.stringify(module.inputFields);
  if (newCase !== undefined) caseText = newCase;
  if (!current || current.signature !== signature || newCase !== undefined) {
    const form = buildForm(formBox, module.inputFields, onFormChange);
    const parsed = tryParse(caseText);
    const known = parsed && typeof parsed === "object" && module.inputFields.some((f) => f.name in (parsed as object));
    if (newCase === undefined && !known) caseText = exampleCase(policy) ?? "{}";
    form.fill(tryParse(caseText));
    current = { policy, module, signature, form };
  } else {
    current = { ...current, policy, module };
  }
  byId("polis-titel").textContent = `${policy.metadata.title}${policy.metadata.version ? ` (versie ${policy.metadata.version})` : ""}`;
  decide();
  runChecksSoon();
}

function tryParse(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}

/** The case of the policy's first voorbeeld that expects no error, as a case file. */
function exampleCase(policy: Policy, name?: string): string | undefined {
  const ex = policy.examples.find((e) => (name !== undefined ? e.name === name : e.expectedError === undefined));
  if (!ex) return undefined;
  const values: Record<string, unknown> = {};
  for (const g of ex.given) values[g.name] = evalConstant(g.value);
  return JSON.stringify(caseFileOf(policy.inputs, values), null, 2);
}

function onFormChange(): void {
  if (!current) return;
  caseText = current.form.json();
  guarded(decide);
}

function decide(): void {
  if (!current) return;
  byId<HTMLTextAreaElement>("geval-json").value = caseText;
  writeShareLink();
  try {
    const json = parseCaseText(caseText) as Record<string, unknown>;
    const r = current.module.explain(json);
    current.form.markInvalid(undefined);
    showDecision(decisionPanel, r.output as Record<string, unknown>, r.explanation, r.text, renderMemberExplanation(r.explanation));
  } catch (e) {
    if (!(e instanceof PolisError)) throw e;
    current.form.markInvalid(e.diagnostic.field);
    showCaseError(decisionPanel, e.diagnostic);
  }
}

/**
 * Voorbeelden run at once (cheap); eigenschappen (100 generated cases each)
 * and the search for conflicting rules wait until typing pauses, so a large
 * policy does not stall the editor; the button runs them at once.
 */
function runChecksSoon(): void {
  clearTimeout(checkTimer);
  const generation = ++checkGeneration;
  const props = byId("eigenschappen");
  props.dataset.status = "bezig";
  byId("eigenschappen-samenvatting").textContent = "wordt gecontroleerd…";
  setTimeout(() => {
    if (generation !== checkGeneration || !current) return;
    const { policy, module } = current;
    guarded(() => showExamples(byId("voorbeelden"), byId("voorbeelden-samenvatting"), policy, module, (name) => guarded(() => loadCase(exampleCase(policy, name)))));
  }, 0);
  checkTimer = setTimeout(() => {
    if (generation === checkGeneration) guarded(runChecks);
  }, PROPERTY_DELAY_MS);
}

function runChecks(): void {
  if (!current) return;
  const { policy, module } = current;
  showExamples(byId("voorbeelden"), byId("voorbeelden-samenvatting"), policy, module, (name) => guarded(() => loadCase(exampleCase(policy, name))));
  showProperties(byId("eigenschappen"), byId("eigenschappen-samenvatting"), policy, module, (json) => guarded(() => loadCase(json)));
  byId("eigenschappen").dataset.status = "klaar";
  proveSoon(policy, module, editor.text(), checkGeneration);
}

/** The proof run in progress: one at a time, and only the newest policy's result is shown. */
let proving: Promise<void> = Promise.resolve();

/** Prove every output with z3 as `polis check` does (prover.ts); its warnings join the diagnostics. */
function proveSoon(policy: LoweredPolicy, module: DecisionModule, source: string, generation: number): void {
  const panel = byId("bewijs");
  showProving(panel);
  proving = proving.then(async () => {
    if (generation !== checkGeneration) return;
    try {
      const run = await prove(policy, module, source);
      if (generation !== checkGeneration) return;
      showProofs(panel, run);
      if (run.diagnostics.length > 0) showDiagnostics([...lastDiagnostics, ...run.diagnostics]);
    } catch (e) {
      console.error(e);
      panel.dataset.status = "fout";
      panel.replaceChildren(h("p", { class: "fout", role: "alert" }, `Interne fout bij het bewijzen (dit is een fout in Polis): ${e instanceof Error ? e.message : String(e)}`));
    }
  });
}

function loadCase(json: string | undefined): void {
  if (json === undefined || !current) return;
  caseText = json;
  current.form.fill(tryParse(json));
  decide();
  decisionPanel.scrollIntoView({ behavior: "smooth", block: "start" });
}

function showDiagnostics(ds: readonly Diagnostic[]): void {
  editor.showDiagnostics(ds);
  diagnosticsList.replaceChildren(
    ...ds.map((d) => {
      const item = h("li", { "data-testid": "diagnose", "data-code": d.code, "data-ernst": d.severity === "error" ? "fout" : "waarschuwing", class: d.severity === "error" ? "fout" : "waarschuwing" });
      const at = d.span ? h("button", { type: "button", class: "plaats", title: "Ga naar deze plaats" }, `regel ${d.span.line}:${d.span.column}`) : undefined;
      at?.addEventListener("click", () => {
        editor.view.dispatch({ selection: { anchor: Math.min(d.span!.start, editor.view.state.doc.length) }, scrollIntoView: true });
        editor.view.focus();
      });
      item.append(...[at, diagnosticElement(d)].filter((x): x is HTMLElement => x !== undefined));
      return item;
    }),
  );
  const errors = ds.filter((d) => d.severity === "error").length;
  const warnings = ds.length - errors;
  byId("diagnostiek-samenvatting").textContent =
    ds.length === 0 ? "Geen fouten." : `${errors} ${errors === 1 ? "fout" : "fouten"}, ${warnings} ${warnings === 1 ? "waarschuwing" : "waarschuwingen"}`;
}

function writeShareLink(): void {
  const fragment = shareFragment(editor.text(), caseText);
  history.replaceState(null, "", fragment);
  shareInput.value = location.href;
}

function openExample(p: ExamplePolicy): void {
  editor.setText(p.source);
  clearTimeout(compileTimer);
  current = undefined;
  caseText = "{}";
  update(p.caseJson);
}

function openFromLocation(): boolean {
  const { shared, errors } = readFragment(location.hash);
  byId("deellink-fout").textContent = errors.join("; ");
  if (shared.bron === undefined) return false;
  editor.setText(shared.bron);
  clearTimeout(compileTimer);
  current = undefined;
  caseText = "{}";
  update(shared.geval);
  return true;
}

function setUp(): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  exampleSelect.append(new Option("— eigen polis —", ""));
  for (const p of POLICIES) {
    const group = p.path.split("/").slice(0, -1).join("/");
    let g = groups.get(group);
    if (!g) {
      g = h("optgroup", { label: group });
      groups.set(group, g);
      exampleSelect.append(g);
    }
    g.append(new Option(`${p.title} — ${p.path.split("/").pop()}`, p.path));
  }
  exampleSelect.addEventListener("change", () => {
    const p = POLICIES.find((x) => x.path === exampleSelect.value);
    if (p) guarded(() => openExample(p));
  });
  byId("geval-json").addEventListener("change", (e) => guarded(() => loadCase((e.target as HTMLTextAreaElement).value)));
  byId("kopieer-deellink").addEventListener("click", () => {
    shareInput.select();
    void navigator.clipboard?.writeText(shareInput.value).then(
      () => (byId("deellink-fout").textContent = "Link gekopieerd."),
      () => undefined,
    );
  });
  byId("controleer").addEventListener("click", () => {
    clearTimeout(checkTimer);
    checkGeneration++;
    guarded(runChecks);
  });
  window.addEventListener("hashchange", () => guarded(() => void openFromLocation()));
  let opened = false;
  guarded(() => (opened = openFromLocation()));
  if (!opened) {
    const p = POLICIES.find((x) => x.path === DEFAULT_PATH) ?? POLICIES[0];
    if (p) {
      exampleSelect.value = p.path;
      guarded(() => openExample(p));
    } else showEmpty(decisionPanel, "Typ een polis in de editor.");
  }
  document.body.dataset.klaar = "true";
  isolate();
}

setUp();
