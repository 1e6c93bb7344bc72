// The evaluation error a stdlib function raises (P08xx).
// In: a stable code and a Dutch message. Out: an Error the evaluator turns
// into a diagnostic. Kept apart so every stdlib file can import it.

/** An evaluation error raised by a stdlib function (P08xx). */
export class StdlibError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "StdlibError";
    this.code = code;
  }
}
