// A hand-written, exact implementation of LANGUAGE.md §9.1 (VGZ 2012,
// articles 7 and 8: eigen risico, pro rata), written the way an engineer in a
// claims system would write it. It is the baseline `npm run bench` compares
// the compiled policy against, so it takes the same case object as the
// compiled module's `evaluate` (case-file encoding, LANGUAGE.md §10) and
// returns the same output encoding.
//
// Exactness: amounts are parsed into integer cents (a JS number while the
// integer part has at most 13 digits, a BigInt beyond that); no binary float
// ever carries a fraction. Pro rata is `jaarbedrag * dagen / dagen_in_jaar`
// rounded to whole euros, half away from zero, in integer arithmetic.
//
// Validation follows §4/§10: unknown or missing fields, wrong types,
// impossible dates, amounts with more than two decimals, values outside a
// beperking, then the three voorwaarden, in declaration order. Every failure
// throws an Error whose message names the field.

const VELDEN = [
  "geboortedatum",
  "polis_start",
  "polis_eind",
  "vrijwillig_eigen_risico",
  "kosten",
  "zorgsoort",
] as const;

const ZORGSOORTEN: ReadonlySet<string> = new Set([
  "huisarts",
  "ziekenhuis",
  "geneesmiddel",
  "kraamzorg",
  "verloskunde",
  "hulpmiddel_bruikleen",
]);

/** Artikel 7.2: zorg die buiten het eigen risico valt. */
const BUITEN_EIGEN_RISICO: ReadonlySet<string> = new Set([
  "huisarts",
  "kraamzorg",
  "verloskunde",
  "hulpmiddel_bruikleen",
]);

/** Artikel 7.1: € 220 per jaar, in centen. */
const VERPLICHT_PER_JAAR_CENTEN = 22_000;

/** Vrijwillig eigen risico: uit {0, 100, 200, 300, 400, 500} euro. */
const VRIJWILLIG_TOEGESTAAN_CENTEN: ReadonlySet<number> = new Set([0, 10_000, 20_000, 30_000, 40_000, 50_000]);

/** geboortedatum vanaf 1 januari 1900, as yyyymmdd. */
const GEBOORTEDATUM_VANAF = 1900_01_01;

/** Integer parts up to this many digits keep `cents` below 2^53. */
const MAX_SAFE_INT_DIGITS = 13;

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

const hasOwn = Object.prototype.hasOwnProperty;

function fout(veld: string, bericht: string): never {
  throw new Error(`${veld}: ${bericht}`);
}

// ------------------------------------------------------------------ dates

function isLeap(y: number): boolean {
  return (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days before the first of month m in a non-leap year (index 1..12). */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m]!;
}

/** 1-based day of the year. */
function dayOfYear(y: number, m: number, d: number): number {
  return DAYS_BEFORE_MONTH[m]! + d + (m > 2 && isLeap(y) ? 1 : 0);
}

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Exactly `YYYY-MM-DD` (year 0001–9999), a date that exists; returned as the
 * integer yyyymmdd, which orders like the date. Throws naming the field.
 */
function parseDatum(v: unknown, veld: string): number {
  if (typeof v !== "string") fout(veld, `verwacht een datum als "2012-01-30", kreeg ${typeof v}`);
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) {
    fout(veld, `geen datum: ${JSON.stringify(v.slice(0, 40))}; schrijf een datum als "2012-01-30"`);
  }
  const y0 = digitAt(v, 0), y1 = digitAt(v, 1), y2 = digitAt(v, 2), y3 = digitAt(v, 3);
  const m0 = digitAt(v, 5), m1 = digitAt(v, 6), d0 = digitAt(v, 8), d1 = digitAt(v, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) {
    fout(veld, `geen datum: ${JSON.stringify(v)}; schrijf een datum als "2012-01-30"`);
  }
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    fout(veld, `deze datum bestaat niet: ${v}`);
  }
  return y * 10_000 + m * 100 + d;
}

// ---------------------------------------------------------------- amounts

/** Cents: a safe-integer number, or a BigInt when the amount is too large for one. */
type Centen = number | bigint;

/** Decimal text `-?[0-9]+(\.[0-9]+)?` with at most two significant decimals, to cents. */
function parseCentenText(s: string, veld: string): Centen {
  const len = s.length;
  let i = 0;
  const neg = len > 0 && s.charCodeAt(0) === 45;
  if (neg) i = 1;
  const intStart = i;
  while (i < len && digitAt(s, i) >= 0) i++;
  const intEnd = i;
  let frac = 0;
  let teVeelDecimalen = false;
  let syntaxOk = intEnd > intStart;
  if (syntaxOk && i < len) {
    if (s.charCodeAt(i) !== 46) {
      syntaxOk = false;
    } else {
      i++;
      const fracStart = i;
      for (; i < len; i++) {
        const c = digitAt(s, i);
        if (c < 0) break;
        const pos = i - fracStart;
        if (pos === 0) frac += c * 10;
        else if (pos === 1) frac += c;
        else if (c !== 0) teVeelDecimalen = true;
      }
      syntaxOk = i > fracStart && i === len;
    }
  }
  if (!syntaxOk) fout(veld, `geen bedrag: ${JSON.stringify(s.slice(0, 40))}; schrijf bijvoorbeeld "112.50"`);
  if (teVeelDecimalen) fout(veld, `een bedrag met meer dan twee decimalen: ${s.slice(0, 40)}`);

  if (intEnd - intStart <= MAX_SAFE_INT_DIGITS) {
    let n = 0;
    for (let k = intStart; k < intEnd; k++) n = n * 10 + (s.charCodeAt(k) - 48);
    const cents = n * 100 + frac;
    return neg && cents !== 0 ? -cents : cents;
  }
  const big = BigInt(s.slice(intStart, intEnd)) * 100n + BigInt(frac);
  // Leading zeros can make a long text a small amount.
  if (big <= MAX_SAFE_BIG) return neg && big !== 0n ? -Number(big) : Number(big);
  return neg ? -big : big;
}

/** A finite JS number as plain decimal text (its shortest round-trip form, exponent written out). */
function numberText(n: number): string {
  if (Object.is(n, -0)) return "0";
  const s = String(n);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const neg = s.charCodeAt(0) === 45;
  const mant = s.slice(neg ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mant.indexOf(".");
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  const point = (dot < 0 ? mant.length : dot) + exp;
  const sign = neg ? "-" : "";
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function parseBedrag(v: unknown, veld: string): Centen {
  if (typeof v === "string") return parseCentenText(v, veld);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fout(veld, `geen getal: ${String(v)}`);
    if (Number.isInteger(v) && v <= 90_000_000_000_000 && v >= -90_000_000_000_000) return v * 100 + 0;
    return parseCentenText(numberText(v), veld);
  }
  if (typeof v === "bigint") {
    const big = v * 100n;
    return big <= MAX_SAFE_BIG && big >= -MAX_SAFE_BIG ? Number(big) : big;
  }
  return fout(veld, `verwacht een bedrag als "112.50", kreeg ${v === null ? "null" : typeof v}`);
}

function formatCenten(c: Centen): string {
  if (typeof c === "bigint") {
    const neg = c < 0n;
    const a = neg ? -c : c;
    const centen = Number(a % 100n);
    return `${neg ? "-" : ""}${a / 100n}.${centen < 10 ? "0" : ""}${centen}`;
  }
  const neg = c < 0;
  const a = neg ? -c : c;
  const centen = a % 100;
  return `${neg ? "-" : ""}${(a - centen) / 100}.${centen < 10 ? "0" : ""}${centen}`;
}

// ------------------------------------------------------------------- rules

/**
 * `(jaarbedrag * dagen / dagen_in_jaar) afgerond op hele euro`, in cents:
 * round(jaarCenten * dagen / (dagenInJaar * 100)) half away from zero, times 100.
 * Exact in integers (all operands here are far below 2^53).
 */
export function naarRatoCenten(jaarCenten: number, dagen: number, dagenInJaar: number): number {
  const teller = jaarCenten * dagen;
  const noemer = dagenInJaar * 100;
  if (teller < 0) return -naarRatoCenten(-jaarCenten, dagen, dagenInJaar);
  // floor(t/n + 1/2) = floor((2t + n) / 2n); both operands are non-negative integers.
  return Math.floor((2 * teller + noemer) / (2 * noemer)) * 100;
}

/** leeftijd_op(geboortedatum, peildatum) >= 18, with 29 februari counting as 28 februari in non-leap years. */
function leeftijdOp(geboorte: number, peil: number): number {
  const gy = (geboorte / 10_000) | 0;
  const gmd = geboorte - gy * 10_000;
  const py = (peil / 10_000) | 0;
  const pmd = peil - py * 10_000;
  // The birthday in the peildatum's year, clamped (verjaardag, §7).
  const verjaardagMd = gmd === 229 && !isLeap(py) ? 228 : gmd;
  return py - gy - (pmd < verjaardagMd ? 1 : 0);
}

/**
 * LANGUAGE.md §9.1, exactly. Input and output in the case-file encoding of
 * §10; throws an Error naming the field on a bad case.
 */
export function evaluateHandwritten(input: Record<string, unknown>): Record<string, string> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new Error("een case is een object met velden");
  }
  for (const key of Object.keys(input)) {
    switch (key) {
      case "geboortedatum":
      case "polis_start":
      case "polis_eind":
      case "vrijwillig_eigen_risico":
      case "kosten":
      case "zorgsoort":
        break;
      default:
        fout(key, `onbekend veld; verwachte velden: ${VELDEN.join(", ")}`);
    }
  }
  const veld = (naam: (typeof VELDEN)[number]): unknown => {
    const v = hasOwn.call(input, naam) ? input[naam] : undefined;
    if (v === undefined) fout(naam, "ontbreekt");
    return v;
  };

  // Inputs in declaration order: type, then beperking.
  const geboortedatum = parseDatum(veld("geboortedatum"), "geboortedatum");
  if (geboortedatum < GEBOORTEDATUM_VANAF) fout("geboortedatum", "valt buiten vanaf 1 januari 1900");
  const polisStart = parseDatum(veld("polis_start"), "polis_start");
  const polisEind = parseDatum(veld("polis_eind"), "polis_eind");
  const vrijwilligJaar = parseBedrag(veld("vrijwillig_eigen_risico"), "vrijwillig_eigen_risico");
  if (typeof vrijwilligJaar !== "number" || !VRIJWILLIG_TOEGESTAAN_CENTEN.has(vrijwilligJaar)) {
    fout("vrijwillig_eigen_risico", "valt buiten uit {0, 100, 200, 300, 400, 500}");
  }
  const kosten = parseBedrag(veld("kosten"), "kosten");
  if (kosten < 0) fout("kosten", "valt buiten vanaf 0");
  const zorgsoort = veld("zorgsoort");
  if (typeof zorgsoort !== "string") fout("zorgsoort", `verwacht een zorgsoort, kreeg ${typeof zorgsoort}`);
  if (!ZORGSOORTEN.has(zorgsoort)) fout("zorgsoort", `onbekende Zorgsoort: ${JSON.stringify(zorgsoort.slice(0, 40))}`);

  // Voorwaarden, in declaration order.
  if (!(geboortedatum <= polisStart)) fout("geboortedatum", "voorwaarde `geboortedatum <= polis_start` geldt niet");
  if (!(polisEind >= polisStart)) fout("polis_eind", "voorwaarde `polis_eind >= polis_start` geldt niet");
  const jaar = (polisStart / 10_000) | 0;
  if (((polisEind / 10_000) | 0) !== jaar) {
    fout("polis_eind", "voorwaarde `jaar_van(polis_eind) = jaar_van(polis_start)` geldt niet");
  }

  // Looptijd: polis_start tot en met polis_eind, within one year.
  const sMd = polisStart - jaar * 10_000;
  const eMd = polisEind - jaar * 10_000;
  const sM = (sMd / 100) | 0;
  const eM = (eMd / 100) | 0;
  const dagen = dayOfYear(jaar, eM, eMd - eM * 100) - dayOfYear(jaar, sM, sMd - sM * 100) + 1;
  const dagenInJaar = isLeap(jaar) ? 366 : 365;

  // Artikel 7.1, 7.4 en 8.1, 8.3.
  const volwassen = leeftijdOp(geboortedatum, polisStart) >= 18;
  const verplicht = volwassen ? naarRatoCenten(VERPLICHT_PER_JAAR_CENTEN, dagen, dagenInJaar) : 0;
  const vrijwillig = volwassen ? naarRatoCenten(vrijwilligJaar, dagen, dagenInJaar) : 0;
  // Artikel 8.5.
  const totaal = verplicht + vrijwillig;

  // Artikel 7.2 en 1.6.
  let tenLaste: number;
  let vergoeding: Centen;
  if (BUITEN_EIGEN_RISICO.has(zorgsoort)) {
    tenLaste = 0;
    vergoeding = kosten;
  } else if (typeof kosten === "number") {
    tenLaste = kosten < totaal ? kosten : totaal;
    vergoeding = kosten - tenLaste;
  } else {
    // A BigInt amount is beyond 2^53 cents, so far above any totaal.
    tenLaste = totaal;
    vergoeding = kosten - BigInt(totaal);
  }

  return {
    verplicht: formatCenten(verplicht),
    vrijwillig: formatCenten(vrijwillig),
    totaal: formatCenten(totaal),
    ten_laste_verzekerde: formatCenten(tenLaste),
    vergoeding: formatCenten(vergoeding),
  };
}
