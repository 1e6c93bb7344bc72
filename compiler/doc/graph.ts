// The dependency picture of a policy (issue 14): which inputs, parameters and
// begrippen each output depends on, through rules, begrippen and functions.
// In: the IR policy. Out: an SVG string laid out by @dagrejs/dagre (plain
// JavaScript: no browser, no Graphviz). Every name reaches the SVG escaped.

import { Graph, layout } from "@dagrejs/dagre";
import type { Expr, Policy, RefKind } from "../ir/ir.js";
import { escapeHtml } from "./html.js";

export type NodeKind = "invoer" | "parameter" | "begrip" | "uitvoer";

export interface DependencyGraph {
  nodes: { id: string; kind: NodeKind; name: string }[];
  /** `from` is read by `to`. */
  edges: { from: string; to: string }[];
}

const KIND_OF: Partial<Record<RefKind, NodeKind>> = { input: "invoer", parameter: "parameter", begrip: "begrip", output: "uitvoer" };

const idOf = (kind: NodeKind, name: string) => `${kind}:${name}`;

/** The inputs, parameters, begrippen and outputs an expression reads, looking through function calls. */
function readsOf(x: Expr, policy: Policy, out: Set<string>, inFunctions: Set<string>): void {
  switch (x.e) {
    case "const":
      return;
    case "ref": {
      const kind = KIND_OF[x.ref];
      if (kind) out.add(idOf(kind, x.name));
      return;
    }
    case "known":
      out.add(idOf("invoer", x.name));
      return;
    case "call": {
      const fn = policy.functions.find((f) => f.name === x.fn);
      if (fn && !inFunctions.has(fn.name)) readsOf(fn.body, policy, out, new Set([...inFunctions, fn.name]));
      break;
    }
  }
  for (const [key, v] of Object.entries(x)) {
    if (key === "type" || key === "span") continue;
    visit(v, policy, out, inFunctions);
  }
}

function visit(v: unknown, policy: Policy, out: Set<string>, inFunctions: Set<string>): void {
  if (Array.isArray(v)) for (const item of v) visit(item, policy, out, inFunctions);
  else if (typeof v === "object" && v !== null) {
    if ("e" in v && "span" in v) readsOf(v as Expr, policy, out, inFunctions);
    else if ("value" in v && typeof v.value === "object" && v.value !== null && "e" in v.value) readsOf(v.value as Expr, policy, out, inFunctions);
  }
}

export function dependencyGraph(policy: Policy): DependencyGraph {
  const nodes: DependencyGraph["nodes"] = [
    ...policy.inputs.map((i) => ({ id: idOf("invoer", i.name), kind: "invoer" as const, name: i.name })),
    ...policy.parameters.map((p) => ({ id: idOf("parameter", p.name), kind: "parameter" as const, name: p.name })),
    ...policy.begrippen.map((b) => ({ id: idOf("begrip", b.name), kind: "begrip" as const, name: b.name })),
    ...policy.outputs.map((o) => ({ id: idOf("uitvoer", o.name), kind: "uitvoer" as const, name: o.name })),
  ];
  const edges = new Map<string, { from: string; to: string }>();
  const add = (to: string, reads: Set<string>) => {
    for (const from of reads) if (from !== to) edges.set(`${from}→${to}`, { from, to });
  };
  for (const d of [...policy.parameters.map((p) => ["parameter", p] as const), ...policy.begrippen.map((b) => ["begrip", b] as const)]) {
    const reads = new Set<string>();
    readsOf(d[1].value, policy, reads, new Set());
    add(idOf(d[0], d[1].name), reads);
  }
  for (const o of policy.outputs) {
    const reads = new Set<string>();
    if (o.default) readsOf(o.default, policy, reads, new Set());
    for (const ri of o.rules) {
      const rule = policy.rules[ri]!;
      for (const c of rule.clauses) {
        if (c.condition) readsOf(c.condition, policy, reads, new Set());
        for (const a of c.assignments) if (a.output === o.name) readsOf(a.value, policy, reads, new Set());
      }
    }
    add(idOf("uitvoer", o.name), reads);
  }
  const used = new Set([...edges.values()].flatMap((e) => [e.from, e.to]));
  // Inputs only a voorwaarde reads still appear: the reader sees every input.
  return { nodes: nodes.filter((n) => used.has(n.id) || n.kind === "invoer" || n.kind === "uitvoer"), edges: [...edges.values()] };
}

const FILL: Record<NodeKind, string> = { invoer: "#e3effa", parameter: "#fdf0d8", begrip: "#eee6f7", uitvoer: "#dff2e2" };
const STROKE: Record<NodeKind, string> = { invoer: "#1c5d8a", parameter: "#8a5a00", begrip: "#5b3b8a", uitvoer: "#1d6b2f" };

/** Width of a label in the SVG's monospace font (about 0.6 em a character at 13px). */
const textWidth = (s: string) => Math.ceil([...s].length * 7.9);

export function dependencySvg(policy: Policy, title: string): string {
  const { nodes, edges } = dependencyGraph(policy);
  const g = new Graph();
  g.setGraph({ rankdir: "LR", nodesep: 12, ranksep: 60, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: textWidth(n.name) + 22, height: 26 });
  for (const e of edges) g.setEdge(e.from, e.to);
  layout(g);
  const graph = g.graph();
  const width = Math.ceil(graph.width ?? 100);
  const height = Math.ceil(graph.height ?? 60);
  const parts: string[] = [];
  for (const e of edges) {
    const pts = g.edge(e.from, e.to).points ?? [];
    if (pts.length === 0) continue;
    const d = pts.map((p: { x: number; y: number }, i: number) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
    parts.push(`<path class="pijl" d="${d}" fill="none" stroke="#7d8793" stroke-width="1.2" marker-end="url(#pijlpunt)"><title>${escapeHtml(nameOf(e.from))} → ${escapeHtml(nameOf(e.to))}</title></path>`);
  }
  for (const n of nodes) {
    const p = g.node(n.id);
    const x = p.x - p.width / 2;
    const y = p.y - p.height / 2;
    parts.push(
      `<g class="knoop knoop-${n.kind}" data-soort="${n.kind}" data-naam="${escapeHtml(n.name)}"><title>${n.kind} ${escapeHtml(n.name)}</title>` +
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${p.width}" height="${p.height}" rx="${n.kind === "uitvoer" ? 13 : 4}" fill="${FILL[n.kind]}" stroke="${STROKE[n.kind]}"/>` +
        `<text x="${p.x.toFixed(1)}" y="${(p.y + 4.5).toFixed(1)}" text-anchor="middle">${escapeHtml(n.name)}</text></g>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="afhankelijkheden" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="width: 100%; min-width: ${Math.round(width * 0.7)}px; max-width: ${width}px; height: auto" font-family="ui-monospace, 'DejaVu Sans Mono', monospace" font-size="13">`,
    `<defs><marker id="pijlpunt" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#7d8793"/></marker></defs>`,
    ...parts,
    `</svg>`,
  ].join("\n");
}

const nameOf = (id: string) => id.slice(id.indexOf(":") + 1);
