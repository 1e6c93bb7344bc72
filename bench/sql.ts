// `npm run bench`, SQL part (issue 17): decide N rows (default 1.000.000) of
// the LANGUAGE.md §9.1 workload in an embedded DuckDB with the query of
// `polis sql`, beside a hand-written exact DuckDB query of the same rules
// (integer arithmetic on cents and days), after checking on every row that
// both give the same outputs. The Polis results stream to a Parquet file.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Policy } from "../compiler/ir/ir.js";
import { policyToSql } from "../compiler/sql/query.js";
import { timeProcess, type ProcessRun } from "./processes.js";

const LEAP = (y: string) => `((${y}) % 4 = 0 AND (${y}) % 100 <> 0 OR (${y}) % 400 = 0)`;
// Cents as "12.50": the exact DECIMAL product the generated query uses too, so
// that the ratio measures the rules, not the text formatting.
const CENTS = (c: string) => `CAST(CAST(${c} AS DECIMAL(18, 0)) * CAST(0.01 AS DECIMAL(3, 2)) AS VARCHAR)`;

/** §9.1 by hand, exact: days and cents as integers (BIGINT), half away from zero as (2a + b) // 2b on non-negative values. */
export const HANDWRITTEN = `
WITH c AS (
  SELECT *, CAST(polis_eind - polis_start + 1 AS BIGINT) AS dagen,
    CASE WHEN ${LEAP("year(polis_start)")} THEN 366 ELSE 365 END AS diy,
    year(polis_start) - year(geboortedatum) - CASE WHEN
      (CASE WHEN month(geboortedatum) = 2 AND day(geboortedatum) = 29 AND NOT ${LEAP("year(polis_start)")} THEN 228
            ELSE month(geboortedatum) * 100 + day(geboortedatum) END) > month(polis_start) * 100 + day(polis_start)
      THEN 1 ELSE 0 END AS leeftijd,
    CAST(vrijwillig_eigen_risico * 100 AS BIGINT) AS vr, CAST(kosten * 100 AS BIGINT) AS k,
    geboortedatum <= polis_start AND polis_eind >= polis_start AND year(polis_eind) = year(polis_start) AS geldig
  FROM claims),
e AS (SELECT *, CASE WHEN leeftijd >= 18 THEN (2 * 22000 * dagen + 100 * diy) // (200 * diy) * 100 ELSE 0 END AS verplicht,
  CASE WHEN leeftijd >= 18 THEN (2 * vr * dagen + 100 * diy) // (200 * diy) * 100 ELSE 0 END AS vrijwillig FROM c),
t AS (SELECT *, verplicht + vrijwillig AS totaal,
  CASE WHEN zorgsoort IN ('huisarts', 'kraamzorg', 'verloskunde', 'hulpmiddel_bruikleen') THEN 0 ELSE least(k, verplicht + vrijwillig) END AS tlv FROM e)
SELECT CASE WHEN geldig THEN ${CENTS("verplicht")} END AS verplicht, CASE WHEN geldig THEN ${CENTS("vrijwillig")} END AS vrijwillig,
  CASE WHEN geldig THEN ${CENTS("totaal")} END AS totaal, CASE WHEN geldig THEN ${CENTS("tlv")} END AS ten_laste_verzekerde,
  CASE WHEN geldig THEN ${CENTS("k - tlv")} END AS vergoeding, NOT geldig AS fout
FROM t`;

const TABLE = (n: number) => `CREATE TABLE claims AS SELECT
  DATE '1930-01-01' + CAST(floor(random() * 30000) AS INTEGER) AS geboortedatum,
  DATE '2012-01-01' + CAST(floor(random() * 180) AS INTEGER) AS polis_start,
  DATE '2012-07-01' + CAST(floor(random() * 180) AS INTEGER) AS polis_eind,
  CAST([0, 100, 200, 300, 400, 500][1 + CAST(floor(random() * 6) AS INTEGER)] AS DECIMAL(12, 2)) AS vrijwillig_eigen_risico,
  CAST(floor(random() * 100000) / 100 AS DECIMAL(12, 2)) AS kosten,
  ['huisarts', 'ziekenhuis', 'geneesmiddel', 'kraamzorg', 'verloskunde', 'hulpmiddel_bruikleen'][1 + CAST(floor(random() * 6) AS INTEGER)] AS zorgsoort
FROM range(${n})`;

export interface SqlBench {
  rows: number;
  /** Decisions per second, query to a Parquet file inside one DuckDB (best of the rounds). */
  polis: number;
  hand: number;
  /** Decisions per CPU-second (all of DuckDB's threads). */
  polisCpu: number;
  handCpu: number;
  /** `polis run POLICY --engine duckdb --input claims.parquet --output out.parquet` as a process. */
  cli: ProcessRun;
}

/**
 * The §9.1 table of n rows, the generated and the hand-written query checked
 * equal on every row, then each timed writing its results to a Parquet file
 * (interleaved rounds); then the CLI on the same table as a Parquet file.
 */
export async function benchSql(policy: Policy, policyFile: string, root: string, n: number): Promise<SqlBench> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-bench-sql-"));
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    await con.run("SELECT setseed(0.2012)");
    await con.run(TABLE(n));
    const types = new Map((await (await con.runAndReadAll("SELECT column_name, column_type FROM (DESCRIBE claims)")).getRowObjectsJS()).map((r) => [String(r.column_name), String(r.column_type)] as const));
    const q = policyToSql(policy, { dialect: "duckdb", table: "claims", columnTypes: types });
    const cols = "verplicht, vrijwillig, totaal, ten_laste_verzekerde, vergoeding";
    // Same answers on every row first.
    const diff = await con.runAndReadAll(
      `SELECT count(*) AS d FROM (SELECT row_number() OVER () AS r, ${cols}, fout IS NOT NULL AS fout FROM (${q})) a
       FULL JOIN (SELECT row_number() OVER () AS r, ${cols}, fout FROM (${HANDWRITTEN})) b USING (r)
       WHERE a.fout IS DISTINCT FROM b.fout OR (NOT a.fout AND (${cols.split(", ").map((c) => `a.${c} IS DISTINCT FROM b.${c}`).join(" OR ")}))`,
    );
    const d = Number(diff.getRowObjectsJS()[0]!.d);
    if (d !== 0) throw new Error(`polis sql and the hand-written query disagree on ${d} rows`);
    // Wall time, and CPU time of this process (DuckDB's threads included): on
    // a shared machine the CPU figure is the one other jobs disturb least.
    const time = async (sql: string, out: string) => {
      const s = performance.now();
      const c = process.cpuUsage();
      await con.run(`COPY (${sql}) TO '${path.join(tmp, out)}' (FORMAT PARQUET)`);
      const u = process.cpuUsage(c);
      return { wall: (performance.now() - s) / 1000, cpu: (u.user + u.system) / 1e6 };
    };
    const best = { polis: { wall: Infinity, cpu: Infinity }, hand: { wall: Infinity, cpu: Infinity } };
    const keep = (b: { wall: number; cpu: number }, t: { wall: number; cpu: number }) => {
      b.wall = Math.min(b.wall, t.wall);
      b.cpu = Math.min(b.cpu, t.cpu);
    };
    for (let round = 0; round < 3; round++) {
      keep(best.polis, await time(q, "polis.parquet"));
      keep(best.hand, await time(HANDWRITTEN, "hand.parquet"));
    }
    const claims = path.join(tmp, "claims.parquet");
    await con.run(`COPY claims TO '${claims}' (FORMAT PARQUET)`);
    await con.run("DROP TABLE claims");
    const out = path.join(tmp, "cli.parquet");
    const cli = await timeProcess(root, ["run", policyFile, "--engine", "duckdb", "--input", claims, "--output", out], process.env, [0, 2]);
    // Exit 2 is expected: the random table has rows whose voorwaarde fails (P0714).
    const written = fs.existsSync(out) ? Number((await con.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${out}')`)).getRowObjectsJS()[0]!.n) : 0;
    if (written !== n) throw new Error(`polis run --engine duckdb wrote ${written} of ${n} rows (exit ${cli.status})`);
    con.closeSync();
    return { rows: n, polis: n / best.polis.wall, hand: n / best.hand.wall, polisCpu: n / best.polis.cpu, handCpu: n / best.hand.cpu, cli };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
