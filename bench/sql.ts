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
const CENTS = (c: string) => `CAST((${c}) // 100 AS VARCHAR) || '.' || lpad(CAST((${c}) % 100 AS VARCHAR), 2, '0')`;

/** §9.1 by hand, exact: days and cents as integers, half away from zero as (2a + b) // 2b on non-negative values. */
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
    const time = async (sql: string, out: string) => {
      const s = performance.now();
      await con.run(`COPY (${sql}) TO '${path.join(tmp, out)}' (FORMAT PARQUET)`);
      return (performance.now() - s) / 1000;
    };
    let polis = Infinity;
    let hand = Infinity;
    for (let round = 0; round < 3; round++) {
      polis = Math.min(polis, await time(q, "polis.parquet"));
      hand = Math.min(hand, await time(HANDWRITTEN, "hand.parquet"));
    }
    const claims = path.join(tmp, "claims.parquet");
    await con.run(`COPY claims TO '${claims}' (FORMAT PARQUET)`);
    con.closeSync();
    const cli = await timeProcess(root, ["run", policyFile, "--engine", "duckdb", "--input", claims, "--output", path.join(tmp, "cli.parquet")]);
    if (cli.status !== 0 && cli.status !== 1) throw new Error(`polis run --engine duckdb failed (${cli.status})`);
    return { rows: n, polis: n / polis, hand: n / hand, cli };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
