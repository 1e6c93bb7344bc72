// `polis run POLICY --engine postgres --database URL --table NAME [--output FILE]`:
// the query of compiler/sql in a PostgreSQL server (pg), read through a
// cursor in batches, written as JSONL (file or stdout) or CSV.

import fs from "node:fs";
import path from "node:path";
import type { Policy } from "../compiler/ir/ir.js";
import { EXIT_OK, EXIT_POLICY, UsageError } from "./io.js";
import { sqlOf } from "./sql.js";
import { jsonLine, type EngineOptions } from "./engine.js";
import { RowErrors } from "./row-errors.js";

export async function runPostgres(policy: Policy, file: string, options: EngineOptions): Promise<number> {
  if (!options.database) throw new UsageError("--engine postgres heeft --database URL nodig");
  if (!options.table) throw new UsageError("--engine postgres heeft --table NAAM nodig");
  const pg = (await import("pg")).default;
  // pg returns NUMERIC and BIGINT as strings: never through a JS number.
  const client = new pg.Client({ connectionString: options.database });
  try {
    await client.connect();
  } catch (e) {
    throw new UsageError(`kan geen verbinding maken met de database: ${(e as Error).message}`);
  }
  try {
    // The query is one large expression tree: JIT-compiling it costs far more
    // than it saves (seconds to minutes per query), so it is off for this session.
    await client.query("SET jit = off");
    const cols = await client.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1", [options.table.split(".").pop()]);
    if (cols.rows.length === 0) throw new UsageError(`tabel \`${options.table}\` bestaat niet`);
    const have = new Set(cols.rows.map((r: { column_name: string }) => r.column_name));
    // A periode, duur, record or list is read with jsonb operators (docs/sql.md):
    // a column of another type would stop the query in the server's binder.
    for (const i of policy.inputs) {
      if (!["periode", "duur", "record", "lijst"].includes(i.type.k)) continue;
      const col = (cols.rows as { column_name: string; data_type: string }[]).find((r) => r.column_name === i.name);
      if (col && col.data_type !== "jsonb") throw new UsageError(`kolom \`${i.name}\` van tabel \`${options.table}\` heeft type ${col.data_type}, maar \`${i.name}\` moet jsonb zijn`);
    }
    const missing = new Set(policy.inputs.filter((i) => !have.has(i.name)).map((i) => i.name));
    const q = sqlOf(policy, file, { dialect: "postgres", table: options.table, missing });
    if (typeof q !== "string") {
      process.stderr.write(q.error + "\n");
      return EXIT_POLICY;
    }
    const out = options.output;
    const ext = out ? path.extname(out).toLowerCase() : ".jsonl";
    if (ext !== ".jsonl" && ext !== ".csv") throw new UsageError(`--engine postgres schrijft .jsonl of .csv, niet \`${ext}\``);
    const sink = out ? fs.createWriteStream(out) : process.stdout;
    const names = [...policy.outputs.map((o) => o.name), "fout"];
    if (ext === ".csv") sink.write(names.map(csvCell).join(",") + "\n");
    await client.query("BEGIN");
    await client.query(`DECLARE polis_cursor NO SCROLL CURSOR FOR ${q}`);
    let worst = EXIT_OK;
    const told = new RowErrors(options.tell);
    let rowNumber = 0;
    for (;;) {
      const r = await client.query("FETCH 10000 FROM polis_cursor");
      if (r.rows.length === 0) break;
      let text = "";
      for (const row of r.rows as Record<string, unknown>[]) {
        rowNumber++;
        if (row.fout !== null && row.fout !== undefined) told.add(`rij ${rowNumber}`, String(row.fout));
        if (ext === ".csv") {
          text += names.map((n) => csvCell(row[n] === null || row[n] === undefined ? "" : String(row[n]))).join(",") + "\n";
          if (row.fout !== null) worst = Math.max(worst, String(row.fout).includes('"P07') ? 2 : 1);
        } else {
          const l = jsonLine(policy, row);
          worst = Math.max(worst, l.exit);
          text += l.text + "\n";
        }
      }
      if (!sink.write(text)) await new Promise<void>((res) => sink.once("drain", () => res()));
    }
    await client.query("COMMIT");
    told.finish();
    if (out) await new Promise<void>((res) => (sink as fs.WriteStream).end(() => res()));
    return worst;
  } finally {
    await client.end();
  }
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
