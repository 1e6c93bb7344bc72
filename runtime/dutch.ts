// Runtime values in Polis's own Dutch notation (LANGUAGE.md §2), for
// explanations, printed `voorbeeld`s and input error messages.

import { eq, formatDecimal, formatFixed, isInteger, mul, ratInt, round, type Rat } from "./rational.js";
import { formatDutchDate, type Day, type Duration, type Period } from "./calendar.js";
import type { TypeDesc } from "./types.js";

/** "-1200.5" → "-1.200,5": thousands dots, decimal comma (LANGUAGE.md §2). */
function dutchNumber(decimal: string): string {
  const neg = decimal.startsWith("-");
  const body = neg ? decimal.slice(1) : decimal;
  const [int = "0", frac] = body.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "-" : "") + grouped + (frac !== undefined ? `,${frac}` : "");
}

/**
 * A runtime value in Polis notation, for explanations and printed
 * `voorbeeld`s: `€ 18`, `€ 112,50`, `7,5`, `25%`, `1 januari 2012`,
 * `31 dagen`, `periode van … tot en met …`, `ja`, `"tekst"`, `[…]`, `{veld waarde, …}`.
 */
export function formatValueDutch(v: unknown, t: TypeDesc): string {
  if (v === undefined) return "(niet gegeven)";
  switch (t.k) {
    case "bedrag": {
      const x = v as Rat;
      if (isInteger(x)) return `€ ${dutchNumber(formatDecimal(x))}`;
      const cents = round(x, 2, "half-away");
      return `€ ${dutchNumber(eq(cents, x) ? formatFixed(x, 2) : formatDecimal(x))}`;
    }
    case "getal":
    case "aantal":
      return dutchNumber(formatDecimal(v as Rat));
    case "percentage":
      return `${dutchNumber(formatDecimal(mul(v as Rat, ratInt(100))))}%`;
    case "datum":
      return formatDutchDate(v as Day);
    case "duur": {
      const d = v as Duration;
      const one = d.n === 1 || d.n === -1;
      return `${d.n} ${d.unit === "dagen" ? (one ? "dag" : "dagen") : one ? "maand" : "maanden"}`;
    }
    case "periode": {
      const p = v as Period;
      // An empty period reads as one that ends where it starts (LANGUAGE.md §7).
      if (p.end <= p.start) return `periode van ${formatDutchDate(p.start)} tot ${formatDutchDate(p.start)}`;
      return `periode van ${formatDutchDate(p.start)} tot en met ${formatDutchDate(p.end - 1)}`;
    }
    case "janee":
      return v ? "ja" : "nee";
    case "tekst":
      return `"${(v as string).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    case "soort":
      return v as string;
    case "record": {
      const r = v as Record<string, unknown>;
      // An optional field that was not given is left out, as in a voorbeeld.
      const given = t.fields.filter((f) => r[f.name] !== undefined);
      return `{${given.map((f) => `${f.name} ${formatValueDutch(r[f.name], f.type)}`).join(", ")}}`;
    }
    case "lijst":
      return `[${(v as readonly unknown[]).map((e) => formatValueDutch(e, t.elem)).join(", ")}]`;
  }
}
