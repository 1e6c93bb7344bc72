// `polis run POLICY --input CASES.jsonl` (issue 15 §4; issue 12 findings 5, 8,
// 11): worker threads answer in input order, exactly one output line per
// input line (blank lines, CRLF, a lone CR), `.JSONL` in any case is a
// stream, bad lines (also invalid UTF-8) answered in place with their line
// number, and the output's back-pressure stops the reading.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertBuilt } from "./cli.js";
import { generateCases } from "../../bench/cases.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-batch-"));
beforeAll(assertBuilt);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BIN = path.join(ROOT, "bin", "polis.js");
const POLICY = path.join(ROOT, "test/spec/vgz-eigen-risico.polis");

function run(args: string[], input?: string | Buffer) {
  return spawnSync(process.execPath, [BIN, "run", POLICY, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...(input !== undefined ? { input } : {}), env: { ...process.env, NO_COLOR: "1" } });
}

describe("a .jsonl stream", () => {
  it("decides in worker threads, in input order, with bad lines answered in place", () => {
    const lines = generateCases(6000, 15).map((c) => JSON.stringify(c));
    const bad = new Map<number, string>([
      [17, '{"kosten": "1"}'],
      [2500, "{kapot"],
      [4999, lines[4999]!.replace('"kosten":"', '"kosten":"-')],
      [5999, "[]"],
    ]);
    for (const [i, l] of bad) lines[i] = l;
    const file = path.join(tmp, "veel.jsonl");
    fs.writeFileSync(file, lines.join("\n") + "\n"); // > 512 KB: the worker path
    expect(fs.statSync(file).size).toBeGreaterThan(600 * 1024);
    const parallel = run(["--input", file, "--jobs", "2"]);
    const single = run(["--input", file, "--jobs", "1"]);
    expect(parallel.stdout).toBe(single.stdout);
    expect(parallel.stderr).toBe(single.stderr);
    expect(parallel.status).toBe(2);
    const out = parallel.stdout.split("\n");
    expect(out).toHaveLength(6001);
    for (const [i] of bad) expect((JSON.parse(out[i]!) as { fout: { lijn: number } }).fout.lijn, `line ${i + 1}`).toBe(i + 1);
    expect(JSON.parse(out[0]!)).toHaveProperty("totaal");
    // Line k of the output answers line k of the input: compare a sample with the single-case path.
    for (const i of [0, 1234, 5998]) {
      const one = run(["--input", "-", "--format", "json"], lines[i]);
      expect(JSON.stringify(JSON.parse(one.stdout)), `line ${i + 1}`).toBe(out[i]);
    }
  });

  it("gives exactly one output line per input line: blank lines, CRLF, a lone CR (issue 12, finding 8)", () => {
    const good = JSON.stringify(generateCases(1, 3)[0]);
    const text = [good, "", "   ", `${good}\r`, `${good}\r${good}`, good].join("\n"); // no final newline
    const r = run(["--input", "-", "--format", "jsonl"], text);
    const out = r.stdout.split("\n");
    expect(out.pop()).toBe("");
    expect(out).toHaveLength(6);
    const fout = (i: number) => (JSON.parse(out[i]!) as { fout?: { code: string; lijn: number } }).fout;
    expect(fout(0)).toBeUndefined();
    expect(fout(1)).toMatchObject({ code: "P0701", lijn: 2 });
    expect(fout(2)).toMatchObject({ code: "P0701", lijn: 3 });
    expect(out[3]).toBe(out[0]); // CRLF
    expect(fout(4)).toMatchObject({ code: "P0701", lijn: 5 }); // a lone CR does not end a line
    expect(out[5]).toBe(out[0]);
    expect(r.status).toBe(2);
  });

  it("treats .JSONL in any case as a stream (issue 12, finding 11)", () => {
    const good = JSON.stringify(generateCases(1, 4)[0]);
    const file = path.join(tmp, "HOOFDLETTERS.JSONL");
    fs.writeFileSync(file, `${good}\n${good}\n`);
    const r = run(["--input", file]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")).toHaveLength(3);
  });

  it("answers a line that is not UTF-8 in place, and only that line", () => {
    const good = JSON.stringify(generateCases(1, 5)[0]);
    const bytes = Buffer.concat([Buffer.from(`${good}\n`), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d, 0x0a]), Buffer.from(`${good}\n`)]);
    const r = run(["--input", "-", "--format", "jsonl"], bytes);
    const out = r.stdout.trimEnd().split("\n");
    expect(out).toHaveLength(3);
    expect(out[0]).toBe(out[2]);
    expect(JSON.parse(out[1]!)).toEqual({ fout: { code: "P0701", bericht: "ongeldige JSON: de regel is geen geldige UTF-8-tekst", lijn: 2 } });
  });

  it("stops reading while nobody reads the output (back-pressure, issue 12 finding 5)", async () => {
    if (!fs.existsSync("/proc/self/io")) return;
    const lines = generateCases(2000, 6).map((c) => JSON.stringify(c)).join("\n") + "\n";
    const file = path.join(tmp, "groot.jsonl");
    fs.writeFileSync(file, lines.repeat(60)); // 120.000 lines, ~19 MB
    const child = spawn(process.execPath, [BIN, "run", POLICY, "--input", file, "--jobs", "2"], { stdio: ["ignore", "pipe", "ignore"] });
    child.stdout.pause();
    // Long enough to read the whole file many times over, were it not stopped.
    await new Promise((r) => setTimeout(r, 4000));
    const io = fs.readFileSync(`/proc/${child.pid}/io`, "utf8");
    const read = Number(/^rchar: (\d+)/m.exec(io)![1]);
    child.stdout.resume();
    let lineCount = 0;
    child.stdout.on("data", (b: Buffer) => {
      for (const byte of b) if (byte === 0x0a) lineCount++;
    });
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(status).toBe(0);
    expect(lineCount).toBe(120_000);
    // Program code and the policy are read too; the cases only up to the in-flight batches.
    expect(read).toBeLessThan(fs.statSync(file).size / 2);
  }, 120_000);

  it("rejects a folder or an empty name as input with a usage error (issue 12, finding 4)", () => {
    for (const input of [".", tmp, ""]) {
      const r = run(["--input", input]);
      expect(r.stderr).toMatch(/^polis: /);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.status).toBe(2);
    }
  });
});
