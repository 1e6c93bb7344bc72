// The SQL contracts of issue 17 through the real CLI: `polis sql` prints one
// query over the named table; `polis run --engine duckdb` decides the bundled
// Parquet table into a Parquet file and a .jsonl file line for line as the
// JavaScript path; bad usage is exit 2 with a Dutch message.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const polis = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/polis.js"), ...args], { cwd: ROOT, encoding: "utf8" });

describe("polis sql and --engine duckdb", () => {
  it("prints one SELECT over the named table, in each dialect", () => {
    for (const dialect of ["duckdb", "postgres", "spark"]) {
      const r = polis("sql", "examples/vgz-eigen-risico.polis", "--dialect", dialect, "--table", "claims");
      expect(r.status).toBe(0);
      expect(r.stdout.startsWith("SELECT ")).toBe(true);
      expect(r.stdout).toMatch(/FROM claims( OFFSET 0)?\) AS s0/);
      expect(r.stdout).toContain("AS fout");
    }
  });

  it("--trace adds a column per output naming the rule", () => {
    const r = polis("sql", "examples/vgz-eigen-risico.polis", "--trace");
    expect(r.stdout).toContain('AS "verplicht__regel"');
    expect(r.stdout).toContain("regel verplicht_eigen_risico (artikel 7.1, 7.4)");
  });

  it("a table without the column of a list-of-records input answers P0704 on every row, not an internal error", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-sql-cli-"));
    const out = path.join(dir, "out.jsonl");
    const r = polis("run", "policies/vgz/2012/eigen-risico.polis", "--engine", "duckdb", "--input", "examples/claims.parquet", "--output", out);
    expect(r.stderr).not.toContain("interne fout");
    expect(r.status).toBe(2);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { fout?: { code: string; veld?: string } });
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.fout?.code).toMatch(/^P070[48]$/);
    expect(lines.some((l) => l.fout?.code === "P0704" && l.fout.veld === "eerdere_verzekeringen")).toBe(true);
  });

  it("an unknown dialect is bad usage", () => {
    const r = polis("sql", "examples/vgz-eigen-risico.polis", "--dialect", "oracle");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("onbekend SQL-dialect");
  });

  it("options a database run cannot honour are bad usage, never dropped silently (--explain, --format json, an empty --table)", () => {
    const p = "examples/vgz-eigen-risico.polis";
    const cases: [string[], string][] = [
      [["run", p, "--engine", "duckdb", "--input", "examples/claims.parquet", "--explain"], "--explain werkt niet met --engine duckdb"],
      [["run", p, "--engine", "postgres", "--database", "postgresql://x", "--table", "t", "--explain"], "--explain werkt niet met --engine postgres"],
      [["run", p, "--engine", "duckdb", "--input", "examples/claims.parquet", "--format", "json"], "--format json werkt niet met --engine duckdb"],
      [["run", p, "--engine", "sqlite", "--input", "examples/cases.jsonl"], "onbekende engine `sqlite`: kies js, duckdb of postgres"],
      [["sql", p, "--table", ""], "--table heeft een tabelnaam nodig"],
    ];
    for (const [args, message] of cases) {
      const r = polis(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(r.stderr, args.join(" ")).toContain(message);
    }
  });

  it("decides the bundled Parquet table into Parquet, and JSONL as the JavaScript path", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-sql-cli-"));
    const out = path.join(dir, "out.parquet");
    const r = polis("run", "examples/vgz-eigen-risico.polis", "--engine", "duckdb", "--input", "examples/claims.parquet", "--output", out);
    expect([0, 2]).toContain(r.status);
    expect(fs.readFileSync(out).subarray(0, 4).toString()).toBe("PAR1");
    const js = polis("run", "examples/vgz-eigen-risico.polis", "--input", "examples/cases.jsonl");
    const sql = polis("run", "examples/vgz-eigen-risico.polis", "--engine", "duckdb", "--input", "examples/cases.jsonl");
    expect(sql.stdout).toBe(js.stdout);
    expect(sql.status).toBe(js.status);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
