// The rows a database engine (`polis run --engine duckdb|postgres`) decided
// with an error, told on stderr in Dutch as the JavaScript path tells each
// failed case: the place (regel N of a .jsonl input, otherwise rij N of the
// table), the code and the message; after the first few only how many more,
// so a table of millions of bad rows does not flood the terminal. The rows
// themselves keep their error in the `fout` column of the output.

const SHOWN = 20;

export class RowErrors {
  private count = 0;

  private readonly write: (s: string) => void;

  constructor(write?: (s: string) => void) {
    this.write = write ?? ((s) => void process.stderr.write(s));
  }

  /** One row's error: `fout` is the error column's JSON text ({"code","bericht","veld"?}). */
  add(place: string, fout: string): void {
    this.count++;
    if (this.count > SHOWN) return;
    let text = fout;
    try {
      const f = JSON.parse(fout) as { code?: string; bericht?: string; veld?: string };
      text = `fout ${f.code ?? "?"}: ${f.bericht ?? fout}${f.veld !== undefined && !(f.bericht ?? "").includes(`\`${f.veld}\``) ? ` (veld \`${f.veld}\`)` : ""}`;
    } catch {
      // Not JSON: the text as it is.
    }
    this.write(`${place}: ${text}\n`);
  }

  /** Rows with an error counted elsewhere (a written file), for the closing line. */
  addUnshown(n: number): void {
    this.count += n;
  }

  /** The closing line when more rows had an error than were shown. */
  finish(): void {
    const rest = this.count - Math.min(this.count, SHOWN);
    if (rest > 0) this.write(`… en nog ${rest} ${rest === 1 ? "rij" : "rijen"} met een fout (${this.count} in totaal; zie de kolom \`fout\` van de uitvoer)\n`);
  }
}
