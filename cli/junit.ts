// `polis test --reporter junit`: the results as JUnit XML, the format CI
// dashboards read (a <testsuite> per policy file, a <testcase> per voorbeeld
// or eigenschap, <failure> with the Dutch message, <error> for a file that
// does not compile). Shape: test/e2e/junit.xsd.

import type { Diagnostic } from "../runtime/diagnostic.js";

export interface TestCaseReport {
  kind: "voorbeeld" | "eigenschap";
  name: string;
  passed: boolean;
  seconds: number;
  diagnostics: Diagnostic[];
  runs?: number;
  discarded?: number;
  seed?: number;
  failure?: { outcome: string; voorbeeld: string; caseJson: string };
}

interface SuiteInput {
  file: string;
  broken: boolean;
  diagnostics: Diagnostic[];
  cases: TestCaseReport[];
}

/** XML 1.0 text or attribute: the five entities, and no character XML cannot hold. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

const secs = (s: number) => s.toFixed(3);

function diagnosticText(d: Diagnostic): string {
  const at = d.span ? `${d.span.file}:${d.span.line}:${d.span.column}: ` : "";
  return `${at}${d.severity === "error" ? "fout" : "waarschuwing"} ${d.code}: ${d.message}${d.hint ? `\n= hint: ${d.hint}` : ""}`;
}

function testcase(file: string, c: TestCaseReport): string {
  const name = `${c.kind} ${c.name}`;
  const open = `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(name)}" time="${secs(c.seconds)}"`;
  if (c.passed) return `${open}/>`;
  const first = c.diagnostics[0];
  const message = first ? `${first.code}: ${first.message}` : c.failure ? `eigenschap geldt niet: ${c.failure.outcome}` : "mislukt";
  const type = first?.code ?? "eigenschap";
  const body = [
    ...c.diagnostics.map(diagnosticText),
    ...(c.failure ? [`uitkomst: ${c.failure.outcome}`, `als voorbeeld:\n${c.failure.voorbeeld}`, `als case-bestand:\n${c.failure.caseJson}`, `seed: ${c.seed}`] : []),
  ].join("\n");
  return `${open}>\n      <failure message="${xmlEscape(message)}" type="${xmlEscape(type)}">${xmlEscape(body)}</failure>\n    </testcase>`;
}

function suite(s: SuiteInput): string {
  const failures = s.cases.filter((c) => !c.passed).length;
  const time = s.cases.reduce((t, c) => t + c.seconds, 0);
  if (s.broken) {
    const errors = s.diagnostics.filter((d) => d.severity === "error");
    const message = errors[0] ? `${errors[0].code}: ${errors[0].message}` : "bevat fouten";
    return [
      `  <testsuite name="${xmlEscape(s.file)}" tests="1" failures="0" errors="1" skipped="0" time="0.000">`,
      `    <testcase classname="${xmlEscape(s.file)}" name="compileren" time="0.000">`,
      `      <error message="${xmlEscape(message)}" type="${xmlEscape(errors[0]?.code ?? "fout")}">${xmlEscape(errors.map(diagnosticText).join("\n"))}</error>`,
      `    </testcase>`,
      `  </testsuite>`,
    ].join("\n");
  }
  return [
    `  <testsuite name="${xmlEscape(s.file)}" tests="${s.cases.length}" failures="${failures}" errors="0" skipped="0" time="${secs(time)}">`,
    ...s.cases.map((c) => testcase(s.file, c)),
    `  </testsuite>`,
  ].join("\n");
}

export function renderJunit(files: readonly SuiteInput[], seed: number): string {
  const tests = files.reduce((n, f) => n + (f.broken ? 1 : f.cases.length), 0);
  const failures = files.reduce((n, f) => n + f.cases.filter((c) => !c.passed).length, 0);
  const errors = files.filter((f) => f.broken).length;
  const time = files.reduce((t, f) => t + f.cases.reduce((u, c) => u + c.seconds, 0), 0);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="polis test (seed ${seed})" tests="${tests}" failures="${failures}" errors="${errors}" time="${secs(time)}">`,
    ...files.map(suite),
    `</testsuites>`,
    "",
  ].join("\n");
}
