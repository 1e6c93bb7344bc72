// Families of versions in a built library (issue 18): the policies that share
// a polis name and have a `geldig` period are versions of one policy. Their
// periods must not share a day (P0529, a policy error: `polis build` stops);
// the index then exports, per family, `<polisnaam>_op(datum)` and, for all
// families, `versieOp(polisnaam, datum)`: the module in force on an ISO date
// (`"2012-03-01"`), or a PolisError P0720 when none is (P0707 for a date
// that is not one). A policy without `geldig` is in no family; a copy of a
// version (same name, `versie` and `geldig`) is that version.

import { formatDutchDate } from "../runtime/calendar.js";
import type { Diagnostic } from "../runtime/diagnostic.js";
import { diagnostic } from "../runtime/messages.js";
import { str } from "../compiler/emit/generate.js";
import type { LibraryModule } from "./build-compile.js";

interface Member {
  module: LibraryModule;
  from: number;
  /** Last day in force; Infinity for `geldig vanaf`. */
  through: number;
}

/**
 * Per polis name, its versions with a `geldig` period, in date order. A file
 * that repeats a version (same `versie` and `geldig`: a copy, such as a
 * test fixture beside the policy) is the same version: the first in path
 * order stands for it.
 */
export function families(modules: readonly LibraryModule[]): Map<string, Member[]> {
  const out = new Map<string, Member[]>();
  const seen = new Set<string>();
  for (const m of [...modules].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    const meta = m.policy.metadata;
    if (meta.validFrom === undefined) continue;
    const key = JSON.stringify([meta.name, meta.version ?? null, meta.validFrom, meta.validThrough ?? null]);
    if (seen.has(key)) continue;
    seen.add(key);
    const member = { module: m, from: meta.validFrom, through: meta.validThrough ?? Infinity };
    out.set(meta.name, [...(out.get(meta.name) ?? []), member]);
  }
  for (const ms of out.values()) ms.sort((a, b) => a.from - b.from);
  return out;
}

const label = (m: Member) => `\`${m.module.rel}\`${m.module.policy.metadata.version !== undefined ? ` (versie ${m.module.policy.metadata.version})` : ""}`;

/** Two versions of one family in force on one day: P0529 at the later one's `geldig`. */
export function versionOverlaps(modules: readonly LibraryModule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, ms] of families(modules)) {
    for (let i = 0; i < ms.length; i++) {
      for (let j = i + 1; j < ms.length; j++) {
        const a = ms[i]!;
        const b = ms[j]!;
        if (b.from > a.through) continue;
        const span = b.module.policy.metadata.validitySpan;
        const other = a.module.policy.metadata.validitySpan;
        out.push(
          diagnostic("P0529", span, { name, first: label(a), second: label(b), from: formatDutchDate(b.from) }, {
            ...(other ? { related: [{ span: other, message: `de geldigheid van ${a.module.rel}` }] } : {}),
          }),
        );
      }
    }
  }
  return out;
}

/** An export name of its own for a family's picker: `<polisnaam>_op`, never one a module already has. */
export function pickerName(name: string, taken: ReadonlySet<string>): string {
  let candidate = `${name.replace(/[^A-Za-z0-9_]/g, "_")}_op`;
  while (taken.has(candidate) || candidate === "versieOp") candidate = `_${candidate}`;
  return candidate;
}

/** TypeScript appended to the index: the pickers. Every text goes through `str`. */
export function pickerSource(modules: readonly LibraryModule[], runtime: string): string {
  const fams = families(modules);
  if (fams.size === 0) return "";
  const taken = new Set(modules.map((m) => m.exportName));
  const lines = [
    `import { PolisError as PickError, diagnostic as pickDiagnostic, parseIsoDate as pickDate } from ${str(runtime)};`,
    "",
    "/** The day number of an ISO date, or a PolisError P0707 naming the argument `datum`. */",
    "function dayOf(datum: string): number {",
    "  const day = typeof datum === \"string\" ? pickDate(datum) : null;",
    "  if (day === null) {",
    "    const isoForm = typeof datum === \"string\" && /^\\d{4}-\\d{2}-\\d{2}$/.test(datum);",
    "    throw new PickError(pickDiagnostic(\"P0707\", undefined, { field: \"datum\", value: JSON.stringify(datum) ?? String(datum), isoForm }, { field: \"datum\" }));",
    "  }",
    "  return day;",
    "}",
    "",
  ];
  const cases: string[] = [];
  for (const [name, ms] of fams) {
    const fn = pickerName(name, taken);
    const union = [...new Set(ms.map((m) => `typeof ${m.module.exportName}`))].join(" | ");
    lines.push(`/** The version of \`${name.replace(/\*\//g, "")}\` in force on \`datum\` (ISO, \`"2012-03-01"\`). */`);
    lines.push(`export function ${fn}(datum: string): ${union} {`);
    lines.push("  const day = dayOf(datum);");
    for (const m of ms) {
      const upper = Number.isFinite(m.through) ? ` && day <= ${m.through}` : "";
      lines.push(`  if (day >= ${m.from}${upper}) return ${m.module.exportName};`);
    }
    lines.push(`  throw new PickError(pickDiagnostic("P0720", undefined, { name: ${str(name)}, date: datum }));`);
    lines.push("}");
    lines.push("");
    cases.push(`    case ${str(name)}: return ${fn}(datum);`);
  }
  lines.push("/** The version of the policy named `polis` (its polis name) in force on `datum` (ISO). */");
  lines.push(`export function versieOp(polis: string, datum: string): ${[...fams.values()].flat().map((m) => `typeof ${m.module.exportName}`).join(" | ")} {`);
  lines.push("  switch (polis) {");
  lines.push(...cases);
  lines.push("  }");
  lines.push(`  throw new PickError(pickDiagnostic("P0720", undefined, { name: polis, date: datum }));`);
  lines.push("}");
  return lines.join("\n") + "\n";
}
