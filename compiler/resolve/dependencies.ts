// The dependency graph of a policy (LANGUAGE.md §4 "Names", §5): which
// declaration reads which. In: edges added by the checker while it types each
// definition. Out: the cycles (each once, from its first node in the order
// the nodes were added) and a dependency order of the parameters.
// Nodes are typed records, never "kind:name" strings taken apart again.
// INVARIANT: every walk is iterative, so a chain of 10.001 begrippen does not
// overflow the stack; the order of visits is that of a recursive depth-first
// search, so cycles are reported in a stable order.

/** A vertex: a declaration, a rule (its conditions) or one assignment of a rule to an output. */
export type DependencyNode =
  | { kind: "parameter" | "begrip" | "output" | "function" | "rule"; name: string }
  | { kind: "assignment"; rule: string; output: string };

/** A stable identity for a node, used only as a map key. */
function idOf(n: DependencyNode): string {
  return n.kind === "assignment" ? `assignment\u0000${n.rule}\u0000${n.output}` : `${n.kind}\u0000${n.name}`;
}

export class DependencyGraph {
  private readonly nodesById = new Map<string, DependencyNode>();
  private readonly edges = new Map<string, Map<string, DependencyNode>>();

  /** `from` reads `to`. Adding a node without edges (`to` omitted) makes it a starting point. */
  add(from: DependencyNode, to?: DependencyNode): void {
    const id = idOf(from);
    let out = this.edges.get(id);
    if (!out) {
      this.nodesById.set(id, from);
      this.edges.set(id, (out = new Map()));
    }
    if (to) {
      const toId = idOf(to);
      if (!this.nodesById.has(toId)) this.nodesById.set(toId, to);
      out.set(toId, to);
    }
  }

  /** The nodes `n` reads, in the order they were first added. */
  successors(n: DependencyNode): DependencyNode[] {
    return [...(this.edges.get(idOf(n))?.values() ?? [])];
  }

  /** Nodes with outgoing edges (or added on their own), in the order they were added. */
  sources(): DependencyNode[] {
    return [...this.edges.keys()].map((id) => this.nodesById.get(id)!);
  }
}

/**
 * Every cycle of the graph, once each: a closed path (its last node is its
 * first) as a depth-first search from the sources, in order, meets it.
 */
export function findCycles(graph: DependencyGraph): DependencyNode[][] {
  const state = new Map<string, 1 | 2>(); // 1: on the path, 2: done
  const path: DependencyNode[] = [];
  const pathIndex = new Map<string, number>();
  const reported = new Set<string>();
  const cycles: DependencyNode[][] = [];
  for (const start of graph.sources()) {
    if (state.has(idOf(start))) continue;
    // An explicit stack of (node, its successors, the next one to visit).
    const stack: { node: DependencyNode; next: DependencyNode[]; i: number }[] = [];
    const enter = (n: DependencyNode) => {
      state.set(idOf(n), 1);
      pathIndex.set(idOf(n), path.length);
      path.push(n);
      stack.push({ node: n, next: graph.successors(n), i: 0 });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i === top.next.length) {
        stack.pop();
        path.pop();
        pathIndex.delete(idOf(top.node));
        state.set(idOf(top.node), 2);
        continue;
      }
      const n = top.next[top.i++]!;
      const s = state.get(idOf(n));
      if (s === undefined) enter(n);
      else if (s === 1) {
        const cycle = path.slice(pathIndex.get(idOf(n))!);
        const key = cycle.map(idOf).sort().join("\u0001");
        if (!reported.has(key)) {
          reported.add(key);
          cycles.push([...cycle, n]);
        }
      }
    }
  }
  return cycles;
}

/**
 * `items` in an order where each comes after the items it reads (LANGUAGE.md
 * §4: a parameter may use earlier or later parameters); otherwise in the
 * given order. Items on a cycle keep their place (the cycle is reported).
 */
export function dependencyOrder<T>(items: readonly T[], nodeOf: (item: T) => DependencyNode, graph: DependencyGraph): T[] {
  const byId = new Map(items.map((x) => [idOf(nodeOf(x)), x]));
  const out: T[] = [];
  const done = new Set<string>();
  for (const root of items) {
    const guard = new Set<string>();
    const stack: { id: string; next: DependencyNode[]; i: number }[] = [];
    const enter = (id: string) => {
      if (done.has(id) || guard.has(id)) return;
      guard.add(id);
      stack.push({ id, next: graph.successors(nodeOf(byId.get(id)!)).filter((n) => byId.has(idOf(n))), i: 0 });
    };
    enter(idOf(nodeOf(root)));
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i < top.next.length) {
        enter(idOf(top.next[top.i++]!));
        continue;
      }
      stack.pop();
      done.add(top.id);
      out.push(byId.get(top.id)!);
    }
  }
  return out;
}
