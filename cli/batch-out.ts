// The answers of one batch as UTF-8 bytes, written straight into one growing
// buffer: no string per line kept alive until the batch ends (the garbage
// collector's work when lines are joined), and no encoding pass over the
// whole batch afterwards. `take()` hands the bytes over (a fresh buffer, so
// it can be moved to another thread) and starts again.

const encoder = new TextEncoder();

export class ByteSink {
  private buf: Uint8Array;
  private len = 0;

  constructor(private readonly capacity = 64 * 1024) {
    this.buf = new Uint8Array(capacity);
  }

  /** Room for at least n more bytes. */
  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    bigger.set(this.buf.subarray(0, this.len));
    this.buf = bigger;
  }

  /** Constant bytes (a key, punctuation). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.ensure(n);
    const buf = this.buf;
    let j = this.len;
    for (let i = 0; i < n; i++) buf[j++] = b[i]!;
    this.len = j;
  }

  /** Text, as UTF-8: byte by byte while it is ASCII (the usual case), else TextEncoder. */
  text(s: string): void {
    const n = s.length;
    this.ensure(n);
    const buf = this.buf;
    let j = this.len;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.len = j;
        this.utf8(s.slice(i));
        return;
      }
      buf[j++] = c;
    }
    this.len = j;
  }

  private utf8(s: string): void {
    // At most 3 bytes per UTF-16 unit.
    this.ensure(s.length * 3);
    this.len += encoder.encodeInto(s, this.buf.subarray(this.len)).written;
  }

  /** The bytes written since the last take, in a buffer of their own. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.len);
    this.len = 0;
    if (this.buf.length > this.capacity * 4) this.buf = new Uint8Array(this.capacity);
    return out;
  }
}

/** Text as UTF-8 bytes (the constant parts of a generated writer). */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}
