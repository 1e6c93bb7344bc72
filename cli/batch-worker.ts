// A batch worker thread (`polis run POLICY --input CASES.jsonl`): it
// instantiates the decision module from the JavaScript the main thread
// generated (no compiler loaded here) and answers batches of lines in the
// order they arrive. Messages: in `{ id, bytes, firstLine }`, out
// `{ id, out, err, worst }` (out: UTF-8 bytes) or `{ id, crash }` for a Polis bug.

import { parentPort, workerData } from "node:worker_threads";
import { instantiate } from "../compiler/emit/instantiate.js";
import { LineDecider, type BatchSetup } from "./batch-lines.js";

interface WorkerData {
  code: string;
  setup: BatchSetup;
}

const data = workerData as WorkerData;
const decider = new LineDecider(instantiate(data.code), data.setup);

parentPort!.on("message", (m: { id: number; bytes: Uint8Array; firstLine: number }) => {
  try {
    const r = decider.decideBytes(m.bytes, m.firstLine);
    // The answers are UTF-8 bytes in a buffer of their own: moved (not copied) to the main thread, which only writes them.
    parentPort!.postMessage({ id: m.id, out: r.out, err: r.err, worst: r.worst }, [r.out.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: m.id, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
