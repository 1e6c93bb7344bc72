// The .jsonl batch path of `polis run`, main-thread side. It reads the input
// in chunks, cuts them into batches of whole lines, has worker threads
// (batch-worker.ts; `--jobs`, default the number of cores) decide them, and
// writes the answers in input order.
//
// Memory is bounded whatever the input size or the reader: at most
// `2 × jobs + 1` batches (each ≤ BATCH_BYTES of input plus its output) are
// read but not yet written, and nothing more is read while the output waits
// for "drain" (back-pressure in both directions).

import fs from "node:fs";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Writable } from "node:stream";
import type { DecisionModule } from "../compiler/emit/load.js";
import { LineDecider, type BatchResult, type BatchSetup } from "./batch-lines.js";

const BATCH_BYTES = 256 * 1024;
const YOUNG_MB = Number(process.env["POLIS_WORKER_YOUNG_MB"] ?? 4);
/** Old space per worker: the module and the lines in flight need a few MB; the cap makes V8 collect before it grows. */
const OLD_MB = Number(process.env["POLIS_WORKER_OLD_MB"] ?? 64);

export interface BatchOptions {
  /** The module's JavaScript (load.ts moduleCode), for the workers. */
  code: string;
  /** The same module, live, for deciding in this thread. */
  module: DecisionModule;
  setup: BatchSetup;
  /** Worker threads; 1 decides in this thread. */
  jobs: number;
}

interface Pool {
  submit(bytes: Uint8Array, firstLine: number): Promise<BatchResult>;
  close(): Promise<void>;
}

function localPool(decider: LineDecider): Pool {
  return {
    submit: (bytes, firstLine) => Promise.resolve(decider.decideBytes(bytes, firstLine)),
    close: () => Promise.resolve(),
  };
}

function workerPool(file: string, jobs: number, code: string, setup: BatchSetup): Pool {
  const pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: unknown) => void }>();
  const load = new Array<number>(jobs).fill(0);
  let nextId = 0;
  let broken: unknown;
  const fail = (e: unknown) => {
    broken ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const workers = Array.from({ length: jobs }, (_, w) => {
    // A small young generation keeps each worker's footprint (and so the
    // process's peak memory) bounded; the garbage per line is short-lived.
    const worker = new Worker(file, { workerData: { code, setup }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: OLD_MB } });
    worker.on("message", (m: { id: number; out?: Uint8Array; err?: string; worst?: number; crash?: string }) => {
      load[w]!--;
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if (m.crash !== undefined) p.reject(new Error(`in een batch-worker: ${m.crash}`));
      else p.resolve({ out: m.out!, err: m.err!, worst: m.worst! });
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`een batch-worker stopte met code ${code}`));
    });
    return worker;
  });
  return {
    submit(bytes, firstLine) {
      if (broken !== undefined) return Promise.reject(broken);
      let w = 0;
      for (let i = 1; i < jobs; i++) if (load[i]! < load[w]!) w = i;
      load[w]!++;
      const id = nextId++;
      return new Promise<BatchResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[w]!.postMessage({ id, bytes, firstLine }, [bytes.buffer as ArrayBuffer]);
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** The worker script next to this module (dist/cli/ or dist/bundle/); absent when running from sources. */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL("./batch-worker.js", import.meta.url));
  return fs.existsSync(file) ? file : undefined;
}

export async function runBatch(input: AsyncIterable<Buffer>, sink: Writable, options: BatchOptions, small: boolean): Promise<number> {
  const file = options.jobs > 1 && !small ? workerFile() : undefined;
  const pool = file ? workerPool(file, options.jobs, options.code, options.setup) : localPool(new LineDecider(options.module, options.setup));
  const limit = 2 * options.jobs + 1;
  const queue: Promise<BatchResult>[] = [];
  let worst = 0;
  const writeHead = async () => {
    const r = await queue.shift()!;
    worst = Math.max(worst, r.worst);
    if (r.err !== "") process.stderr.write(r.err);
    // A Buffer view (no copy) of the bytes: a writer that turns chunks into text (String(chunk)) gets the text.
    if (r.out.length > 0 && !sink.write(Buffer.from(r.out.buffer, r.out.byteOffset, r.out.byteLength))) await once(sink, "drain");
  };
  let carry: Buffer[] = [];
  let carried = 0;
  let line = 1;
  const submit = async (bytes: Uint8Array) => {
    const first = line;
    line += countLines(bytes);
    const result = pool.submit(bytes, first);
    result.catch(() => undefined); // awaited in order by writeHead; not an unhandled rejection meanwhile
    queue.push(result);
    while (queue.length >= limit) await writeHead();
  };
  try {
    for await (const chunk of input) {
      const newline = chunk.lastIndexOf(0x0a);
      if (newline < 0 || carried + chunk.length < BATCH_BYTES) {
        carry.push(chunk);
        carried += chunk.length;
        continue;
      }
      carry.push(chunk.subarray(0, newline + 1));
      await submit(new Uint8Array(Buffer.concat(carry, carried + newline + 1)));
      carry = newline + 1 < chunk.length ? [chunk.subarray(newline + 1)] : [];
      carried = chunk.length - newline - 1;
    }
    if (carried > 0) await submit(new Uint8Array(Buffer.concat(carry, carried)));
    while (queue.length > 0) await writeHead();
  } finally {
    await pool.close();
  }
  return worst;
}
