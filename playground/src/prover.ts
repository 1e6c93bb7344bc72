// Proofs in the playground (issue 18): the same compiler/proofs/ as `polis
// check`, with z3-solver's browser build. z3 needs WebAssembly threads, so
// SharedArrayBuffer, so a cross-origin isolated page: `npm run playground`
// sends the headers itself; on static hosting (the `polis doc` site) the
// service worker coi-sw.js adds them to the playground's own files, after
// one reload. z3 (z3/z3-built.js, z3/z3-api.js, the 35 MB z3/z3-built.wasm)
// is loaded only when the first proof starts. Where it cannot load (file://,
// no isolation), every output is tested on sampled cases and the page says
// why: a sample is never called a proof.
// DOM contract (README): #bewijs[data-status] is "bezig", "klaar" or
// "fout"; [data-testid=bewijs-oplosser] says whether z3 ran (data-oplosser
// "z3" or "geen"); per output [data-testid=bewijs-uitvoer][data-uitvoer]
// [data-status] with status "bewezen", "tegenvoorbeeld" or "getest"; a
// tegenvoorbeeld holds its pasteable `voorbeeld` in
// [data-testid=bewijs-voorbeeld].

import type { LoweredPolicy } from "../../compiler/ir/ir.js";
import type { DecisionModule } from "../../compiler/emit/load.js";
import { proveCheck, type CheckProofs } from "../../compiler/proofs/check.js";
import { loadZ3With, solver, solverFailure, type Z3Api } from "../../compiler/proofs/z3.js";
import type { Diagnostic } from "../../runtime/diagnostic.js";
import { paramsOf } from "../../runtime/messages.js";
import { h } from "./dom.js";

const RELOADED = "polis-speelplaats-isolatie";

/** Why z3 cannot run on this page, or undefined when it can. */
export function z3Obstacle(): string | undefined {
  if (location.protocol === "file:") return "de pagina is van schijf geopend (file://): z3 heeft een webserver nodig, bijvoorbeeld `npm run playground`";
  if (typeof SharedArrayBuffer === "undefined" || !globalThis.crossOriginIsolated) {
    return "de pagina is niet cross-origin-geïsoleerd (geen SharedArrayBuffer), wat z3 nodig heeft; de webserver moet Cross-Origin-Opener-Policy en Cross-Origin-Embedder-Policy meesturen";
  }
  return undefined;
}

/**
 * On static hosting without the isolation headers: register coi-sw.js, which
 * adds them, and reload once it controls the page (the share link in the
 * address keeps the policy and the case). At most one reload per tab.
 */
export function isolate(): void {
  if (globalThis.crossOriginIsolated || location.protocol === "file:" || !window.isSecureContext || !("serviceWorker" in navigator)) return;
  if (sessionStorage.getItem(RELOADED)) return;
  navigator.serviceWorker.register("coi-sw.js").then(
    (reg) => {
      const reload = () => {
        sessionStorage.setItem(RELOADED, "1");
        location.reload();
      };
      if (navigator.serviceWorker.controller) reload();
      else navigator.serviceWorker.addEventListener("controllerchange", reload, { once: true });
      void reg;
    },
    () => undefined,
  );
}

function script(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const el = document.createElement("script");
    el.src = src;
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`${src} kon niet worden geladen`));
    document.head.append(el);
  });
}

/** z3-solver's browser build, from z3/ next to the page. */
async function browserZ3(): Promise<Z3Api> {
  const obstacle = z3Obstacle();
  if (obstacle) throw new Error(obstacle);
  await script("z3/z3-built.js");
  await script("z3/z3-api.js");
  const api = (globalThis as { polisZ3?: Pick<Z3Api, "init"> }).polisZ3;
  if (!api) throw new Error("z3/z3-api.js definieerde z3 niet");
  // The page keeps its z3 until it closes: stopping the threads is for Node.
  return { init: api.init, killThreads: async (em) => em.PThread.terminateAllThreads() } as Z3Api;
}

loadZ3With(browserZ3);

export interface ProofRun extends CheckProofs {
  /** Whether z3 ran; otherwise why not. */
  z3: { ok: true; ms: number } | { ok: false; reason: string };
  ms: number;
}

let z3Ms: number | undefined;

/** Prove the policy's outputs: z3 is loaded on the first call. */
export async function prove(policy: LoweredPolicy, module: DecisionModule, source: string): Promise<ProofRun> {
  const t0 = performance.now();
  const z = await solver();
  z3Ms ??= performance.now() - t0;
  const z3: ProofRun["z3"] = z ? { ok: true, ms: z3Ms } : { ok: false, reason: solverFailure() ?? "onbekend" };
  const t1 = performance.now();
  const r = await proveCheck(policy, module, z ? { z3: z, source } : { source });
  return { ...r, z3, ms: performance.now() - t1 };
}

export function showProving(panel: HTMLElement): void {
  panel.dataset.status = "bezig";
  const loading = z3Ms === undefined && !z3Obstacle();
  panel.replaceChildren(h("p", { class: "bezig", role: "status" }, loading ? "bewijzen… (de oplosser z3 wordt geladen, eenmalig zo'n 35 MB)" : "bewijzen…"));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;

/** The warning that shows an output's tegenvoorbeeld (P0512 conflict, P0513 no value). */
function witnessesOf(output: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => (paramsOf(d, "P0512") ?? paramsOf(d, "P0513"))?.output === output);
}

export function showProofs(panel: HTMLElement, run: ProofRun): void {
  panel.dataset.status = "klaar";
  const head = run.z3.ok
    ? h("p", { "data-testid": "bewijs-oplosser", "data-oplosser": "z3" }, `Nagegaan met de oplosser z3 (geladen in ${seconds(run.z3.ms)}; ${run.queries} ${run.queries === 1 ? "vraag" : "vragen"} in ${seconds(run.ms)}):`)
    : h("p", { "data-testid": "bewijs-oplosser", "data-oplosser": "geen", class: "waarschuwing" }, `Niet bewezen, alleen getest: ${run.z3.reason}.`);
  const items = run.outputs.map((o) => {
    const look = o.status === "bewezen" ? "geslaagd" : o.status === "tegenvoorbeeld" ? "mislukt" : "getest";
    const item = h("li", { "data-testid": "bewijs-uitvoer", "data-uitvoer": o.output, "data-status": o.status, class: look });
    const sign = h("span", { class: "teken", "aria-hidden": "true" }, o.status === "bewezen" ? "✓" : o.status === "tegenvoorbeeld" ? "✗" : "~");
    if (o.status === "bewezen") {
      item.append(sign, h("span", { class: "naam" }, h("code", {}, o.output), ": bewezen: regels spreken elkaar nooit tegen en er is altijd een waarde"));
    } else if (o.status === "tegenvoorbeeld") {
      item.append(sign, h("span", { class: "naam" }, h("code", {}, o.output), ": tegenvoorbeeld, gevonden door de oplosser"));
      for (const d of witnessesOf(o.output, run.diagnostics)) {
        const example = (paramsOf(d, "P0512") ?? paramsOf(d, "P0513"))?.example ?? "";
        item.append(h("div", { class: "melding" }, d.message), h("pre", { "data-testid": "bewijs-voorbeeld" }, example));
      }
    } else {
      item.append(sign, h("span", { class: "naam" }, h("code", {}, o.output), `: getest op ${o.cases ?? 0} gevallen, niet bewezen${o.reason ? ` (${o.reason})` : ""}`));
    }
    return item;
  });
  panel.replaceChildren(head, h("ul", { class: "resultaten bewijzen" }, ...items));
}
