// Differential test of the SQL back end in PostgreSQL (issue 17): a real
// server started for this test (pg-server.ts: PostgreSQL 15, installed with
// apt-get where missing, initdb as a non-root user, a free loopback port,
// stopped at the end); every repository policy's query gives, row for row,
// the JSONL text of the JavaScript path. Fewer cases than DuckDB (PostgreSQL
// evaluates the query row by row); POLIS_LONG=1 runs 10.000.
// A policy the PostgreSQL dialect refuses must be refused with P0901 naming
// the construct, and be in PG_REFUSED (a list that may only shrink).

import path from "node:path";
import os from "node:os";
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { inputsArbitrary, caseFileOf } from "../../compiler/cases/generators.js";
import { encodeValue } from "../../runtime/case.js";
import { polisFilesIn, readText } from "../../cli/io.js";
import { jsonLine } from "../../cli/engine.js";
import { sqlOf } from "../../cli/sql.js";
import { LONG, runs } from "../budget.js";
import { typeDescOf, type Policy } from "../../compiler/ir/ir.js";
import { columnType } from "../../compiler/sql/columns.js";
import { usePostgres } from "./pg-server.js";
import { jsLine } from "./js-line.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CASES = Number(process.env.POLIS_SQL_PG_CASES ?? runs(300, 10_000));
// Decades of kalendermaanden per case: costly row by row.
// verblijf.polis nests list aggregations four deep in functions: ~0,25 s per case row by row.
const HEAVY: Record<string, number> = { "test/spec/vgz-ggz-verblijf.polis": 50, "policies/vgz/2012/verblijf.polis": 40 };
const casesFor = (rel: string) => (process.env.POLIS_SQL_PG_CASES || LONG ? CASES : Math.min(CASES, HEAVY[rel] ?? CASES));
const PG_REFUSED: Record<string, string> = {};
const files = [...polisFilesIn(path.join(ROOT, "test/spec")), ...polisFilesIn(path.join(ROOT, "policies")), ...polisFilesIn(path.join(ROOT, "test/sql/programs"))];

const db = usePostgres();


function stringify(x: unknown): unknown {
  if (x === null || x === undefined) return null;
  if (Array.isArray(x)) return x.map(stringify);
  if (typeof x === "object") return Object.fromEntries(Object.entries(x as object).map(([k, v]) => [k, stringify(v)]));
  return String(x);
}

async function load_(policy: Policy, table: string, values: Record<string, unknown>[]): Promise<void> {
  const cols = policy.inputs.map((i) => `"${i.name}" ${columnType(i.type, "postgres")}`);
  await db().query(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (__n bigint, ${cols.join(", ")})`);
  const rows = values.map((v, n) => {
    const row: Record<string, unknown> = { __n: n };
    for (const i of policy.inputs) row[i.name] = v[i.name] === undefined ? null : stringify(encodeValue(v[i.name], typeDescOf(i.type)));
    return row;
  });
  const spec = [`__n bigint`, ...policy.inputs.map((i) => `"${i.name}" ${columnType(i.type, "postgres")}`)].join(", ");
  await db().query(`INSERT INTO ${table} SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${spec})`, [JSON.stringify(rows)]);
}

describe(`SQL in PostgreSQL equals the JavaScript path (${CASES} cases per policy)`, () => {
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    it(`${rel}${casesFor(rel) !== CASES ? ` (${casesFor(rel)} cases)` : ""}`, async () => {
      const policy = compile(readText(file), rel).policy!;
      const q = sqlOf(policy, rel, { dialect: "postgres", table: "cases", passThrough: ["__n"] });
      if (typeof q !== "string") {
        expect(q.error).toBe(`${rel}: fout P0901: ${PG_REFUSED[rel] ?? "(niet in PG_REFUSED)"} kan niet in SQL worden uitgedrukt`);
        return;
      }
      expect(PG_REFUSED[rel], "supported now: remove it from PG_REFUSED").toBeUndefined();
      const module = load(policy);
      const values = fc.sample(inputsArbitrary(policy), { numRuns: casesFor(rel), seed: 17 });
      const cases = values.map((v) => JSON.stringify(caseFileOf(policy.inputs, v)));
      const expected = cases.map((c) => jsLine(module, c));
      await load_(policy, "cases", values as Record<string, unknown>[]);
      const r = await db().query(`${q} ORDER BY 1`);
      const actual = (r.rows as Record<string, unknown>[]).map((row) => jsonLine(policy, row).text);
      const diffs: string[] = [];
      for (let i = 0; i < cases.length && diffs.length < 3; i++) {
        if (actual[i] !== expected[i]) diffs.push(`case ${cases[i]}\n  js:  ${expected[i]}\n  sql: ${actual[i]}`);
      }
      expect(diffs.join("\n")).toBe("");
      expect(actual.length).toBe(expected.length);
    }, 240_000);
  }
});

describe("polis run --engine postgres on a table of the wrong shape", () => {
  it("a periode column that is not jsonb is bad usage in Dutch (exit 2), not the server's error as an internal error", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-pg-shape-"));
    const policy = path.join(dir, "periode.polis");
    fs.writeFileSync(policy, 'polis pp "x"\ninvoer\n  p: periode\nuitvoer\n  n: aantal\nregel r (artikel 1):\n  n aantal_dagen(p)\n');
    const c = db();
    await c.query(`DROP TABLE IF EXISTS vorm; CREATE TABLE vorm (p text); INSERT INTO vorm VALUES ('{"van":"2012-01-01","tot_en_met":"2012-01-05"}')`);
    const url = `postgresql://${c.user}@${c.host}:${c.port}/${c.database}`;
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin/polis.js"), "run", policy, "--engine", "postgres", "--database", url, "--table", "vorm"], { encoding: "utf8" });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).not.toContain("interne fout");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("kolom `p` van tabel `vorm` heeft type text, maar `p` moet jsonb zijn");
  });
});
