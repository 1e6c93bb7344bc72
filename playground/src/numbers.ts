// Numbers as the case form reads them: text in, decimal text out, never a
// binary float. Kept free of the DOM so Node tests can import it.

/** `€ 1.234,56`, `1234.56`, `7,5%` → `1234.56`, `7.5`; anything else is passed on for the runtime to name. */
export function normaliseNumber(text: string): string {
  let s = text.replace(/[\s€%\u00a0]/g, "");
  if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
  return s;
}
