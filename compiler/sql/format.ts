// Values as text in SQL: the output encodings of LANGUAGE.md §10 (bedrag
// "18.00", getal exact without trailing zeros or rounded to 10 decimals, ISO
// dates) and the Dutch notation of messages ("€ 1.200,50", "1 januari 2012").
// In: value columns. Out: SQL text expressions (VARCHAR).

import { bmul, type Arith, type Num } from "./num.js";
import type { Dialect } from "./dialect.js";
import { InlineFrame } from "./frame.js";
import { LocalFrame } from "./scope.js";
import type { V } from "./value.js";

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

export class Formats {
  constructor(
    readonly d: Dialect,
    readonly a: Arith,
    /** Text for an error message: a value too large for SQL's integers is named, never a NULL message. */
    readonly message = false,
  ) {}

  /** text, made since the overflow check mark: in a message a NULL (an overflow) becomes a note. */
  private safe(mark: number, text: string): string {
    if (!this.message || this.a.ov.length === mark) return text;
    this.a.ov.splice(mark);
    return `COALESCE(${text}, '(meer cijfers dan SQL exact kan rekenen)')`;
  }

  private pad(x: string, width: number): string {
    return `lpad(${this.d.digits(x)}, ${width}, '0')`;
  }

  /** Half away from zero to k decimals, as "-12.50"; never "-0.00". */
  fixed(x: Num, k: number): string {
    const mark = this.a.ov.length;
    return this.safe(mark, this.fixedText(x, k));
  }

  private fixedText(x: Num, k: number): string {
    const r = this.a.round(x, k, "half-away");
    const s = 10n ** BigInt(k);
    // round() keeps a value that already has at most k decimals: scale it to 10^k.
    const ok = this.a.narrow(bmul(r.nb, s));
    const qb = bmul(r.nb, s / r.dl!);
    const q = r.dl === s ? r.n : this.a.col(`${this.a.w(r.n, ok)} * ${this.a.lit(s / r.dl!)}`, qb, "afronding");
    const fast = this.d.scaledText && k <= 17 && qb !== undefined ? this.d.scaledText(q, k) : null;
    if (fast !== null && qb! < 10n ** 18n) return this.a.f.col(fast);
    const abs = `abs(${q})`;
    const int = this.d.idiv(abs, this.a.lit(s));
    const sign = `CASE WHEN ${q} < 0 THEN '-' ELSE '' END`;
    const slow = k === 0 ? this.d.concat([sign, this.d.digits(int)]) : this.d.concat([sign, this.d.digits(int), "'.'", this.pad(`${abs} % ${this.a.lit(s)}`, k)]);
    // The fast form where the value fits it, row by row.
    if (fast !== null && this.a.narrow(qb)) return this.a.f.col(`CASE WHEN ${q} > -1000000000000000000 AND ${q} < 1000000000000000000 THEN ${fast} ELSE ${slow} END`);
    return this.a.f.col(slow);
  }

  /** The number of decimals of x's exact decimal form (≤ 38), or 10 when it has none. */
  private exactDecimals(x: Num): string {
    if (x.dl !== undefined) {
      for (let k = 0; k <= 38; k++) if ((10n ** BigInt(k)) % x.dl === 0n) return String(k);
      return "10";
    }
    const whens: string[] = [];
    for (let k = 0; k <= 38; k++) whens.push(`WHEN ${this.d.lit(10n ** BigInt(k))} % ${x.d} = 0 THEN ${k}`);
    return this.a.f.col(`CASE ${whens.join(" ")} ELSE 10 END`);
  }

  /** LANGUAGE.md §10 getal: "27.76", "30", "-0.5"; rounded half away to 10 decimals without a finite form. */
  decimal(y: Num): string {
    const mark = this.a.ov.length;
    return this.safe(mark, this.decimalText(y));
  }

  private decimalText(y: Num): string {
    // The decimal form is read off the denominator: lowest terms first.
    const x = this.a.normal(y);
    const k = this.exactDecimals(x);
    if (/^\d+$/.test(k)) return this.decimalK(x, Number(k));
    // Per row k differs: the digits of round(x * 10^k), split k from the right.
    // Computed from the whole part and the remainder (|n| = whole · d + rem),
    // never |n| · 10^k: only a result that is itself too large overflows.
    // With a finite decimal form d divides 10^k and rem · (10^k / d) is exact.
    const f = this.a.f;
    // A finite form past 38 decimals is beyond the 10^k tested: refused, never rounded to 10 decimals.
    // Only DuckDB: a denominator of factors 2 and 5 alone (its power of two is gcd(d, 2^126), the rest must divide 5^54)
    // above 10^38 needs more decimals than SQL holds; any other is rounded to 10 decimals as polis run does.
    if ((x.db === undefined || x.db > 10n ** 38n) && this.d.name === "duckdb" && this.a.tracking > 0) {
      const five = `${this.d.lit(5n ** 54n)} % (${x.d} // gcd(${x.d}, ${this.d.lit(1n << 126n)})) = 0`;
      this.a.ov.push({ cond: `(${x.d} > ${this.d.lit(10n ** 38n)} AND ${five})`, op: "afronding" });
    }
    const pow = f.col(`CAST(rpad('1', CAST(${k} + 1 AS INTEGER), '0') AS ${this.d.int})`);
    // Inline frames (list lambdas) and messages write each part out at every use: the short form there.
    const short = this.message || this.a.f instanceof InlineFrame || this.a.f instanceof LocalFrame || this.a.tracking === 0;
    const q = this.a.col(short ? this.roundedShort(x, pow) : this.rounded(x, pow), bmul(x.vb, 10n ** 38n), "afronding");
    const int = this.d.digits(this.d.idiv(`abs(${q})`, pow));
    const frac = `rtrim(lpad(${this.d.digits(`abs(${q}) % ${pow}`)}, CAST(${k} AS INTEGER), '0'), '0')`;
    const fr = f.col(`CASE WHEN ${k} = 0 THEN '' ELSE ${frac} END`);
    const sign = `CASE WHEN ${q} < 0 THEN '-' ELSE '' END`;
    return f.col(this.d.concat([sign, int, `CASE WHEN ${fr} = '' THEN '' ELSE '.' END`, fr]));
  }

  /** round(x · pow), half away from zero, as |x| = whole + rem / d. */
  private rounded(x: Num, pow: string): string {
    const an = this.a.f.col(`abs(${this.d.wide(x.n)})`);
    const rem = this.a.f.col(`${an} % ${x.d}`);
    const part = `CASE WHEN ${pow} % ${x.d} = 0 THEN ${rem} * ${this.d.idiv(pow, x.d)} ELSE ${this.d.idiv(`2 * ${rem} * ${pow} + ${x.d}`, `2 * ${this.d.wide(x.d)}`)} END`;
    return `CASE WHEN ${x.n} < 0 THEN -1 ELSE 1 END * (${this.d.idiv(an, x.d)} * ${pow} + ${part})`;
  }

  /**
   * round(x · pow) as one short expression, for messages (whose parts are
   * written out at every use): overflows where n · pow does, and then the
   * message names the value as too large (safe()).
   */
  private roundedShort(x: Num, pow: string): string {
    return `CASE WHEN ${x.n} < 0 THEN -1 ELSE 1 END * ${this.d.idiv(`2 * abs(${this.d.wide(x.n)} * ${pow}) + ${x.d}`, `2 * ${x.d}`)}`;
  }

  private decimalK(x: Num, k: number): string {
    if (k === 0) {
      const int = x.dl === 1n ? x.n : this.d.idiv(x.n, x.d);
      return this.a.f.col(this.d.digits(int));
    }
    const text = this.fixed(x, k);
    // Strip trailing zeros and a bare point.
    return this.a.f.col(`CASE WHEN ${text} LIKE '%.%' THEN rtrim(rtrim(${text}, '0'), '.') ELSE ${text} END`);
  }

  /** ISO date. */
  iso(day: string): string {
    const { y, m, d } = this.a.ymd(day);
    return this.a.f.col(this.d.concat([this.pad(y, 4), "'-'", this.pad(m, 2), "'-'", this.pad(d, 2)]));
  }

  /** "1 januari 2012". */
  dutchDate(day: string): string {
    const { y, m, d } = this.a.ymd(day);
    const month = this.d.pick ? this.d.pick(MONTHS, m) : `CASE ${MONTHS.map((n, i) => `WHEN ${m} = ${i + 1} THEN '${n}'`).join(" ")} END`;
    return this.a.f.col(this.d.concat([this.d.digits(d), "' '", month, "' '", this.d.digits(y)]));
  }

  /** "-1200.5" → "-1.200,5". */
  dutchNumber(decimal: string): string {
    const neg = `CASE WHEN ${decimal} LIKE '-%' THEN '-' ELSE '' END`;
    const body = `replace(${decimal}, '-', '')`;
    const int = `CASE WHEN strpos(${body}, '.') > 0 THEN substr(${body}, 1, strpos(${body}, '.') - 1) ELSE ${body} END`;
    const frac = `CASE WHEN strpos(${body}, '.') > 0 THEN ',' || substr(${body}, strpos(${body}, '.') + 1) ELSE '' END`;
    const grouped = `reverse(rtrim(regexp_replace(reverse(${int}), '([0-9][0-9][0-9])', '\\1.', 'g'), '.'))`;
    return this.a.f.col(this.d.concat([neg, grouped, frac]));
  }

  /**
   * "€ 1.200" or "€ 1.200,50" for an amount whose denominator divides 100,
   * reading the cents a few times only (the general form repeats its value
   * dozens of times); null where the engine has no grouping or the
   * denominator is not a known divisor of 100.
   */
  private euro(x: Num): string | null {
    if (!this.d.grouped || x.dl === undefined || 100n % x.dl !== 0n) return null;
    const c = x.dl === 100n ? x.n : this.a.f.col(`${x.n} * ${this.a.lit(100n / x.dl)}`);
    const abs = this.a.f.col(`abs(${c})`);
    const cents = `${abs} % 100`;
    const sign = `CASE WHEN ${c} < 0 THEN '-' ELSE '' END`;
    const frac = `CASE WHEN ${cents} = 0 THEN '' ELSE ',' || ${this.pad(cents, 2)} END`;
    return this.a.f.col(this.d.concat(["'€ '", sign, this.d.grouped(this.d.idiv(abs, "100")), frac]));
  }

  /** A value in Polis notation, for messages (runtime/case.ts formatValueDutch). */
  dutch(v: V, kind: string): string {
    switch (v.k) {
      case "num": {
        if (kind === "bedrag") {
          const euro = this.euro(v.x);
          if (euro !== null) return euro;
          const cents = this.a.round(v.x, 2, "half-away");
          const whole = this.a.isInteger(v.x);
          const exact = this.a.cmp(cents, v.x, "=");
          const text = `CASE WHEN ${whole} THEN ${this.dutchNumber(this.decimal(v.x))} WHEN ${exact} THEN ${this.dutchNumber(this.fixed(v.x, 2))} ELSE ${this.dutchNumber(this.decimal(v.x))} END`;
          return this.a.f.col(`'€ ' || ${text}`);
        }
        if (kind === "percentage") {
          const p = this.a.mul(v.x, this.a.const(100n, 1n));
          return this.a.f.col(`${this.dutchNumber(this.decimal(p))} || '%'`);
        }
        if (v.x.dl === 1n && this.d.grouped) return this.a.f.col(this.d.grouped(v.x.n));
        return this.dutchNumber(this.decimal(v.x));
      }
      case "day":
        return this.dutchDate(v.x);
      case "bool":
        return `CASE WHEN ${v.x} THEN 'ja' ELSE 'nee' END`;
      case "text":
        return kind === "tekst" ? `'"' || replace(replace(${v.x}, '\\', '\\\\'), '"', '\\"') || '"'` : v.x;
      case "dur": {
        const one = `(${v.n} = 1 OR ${v.n} = -1)`;
        const unit = `CASE WHEN ${v.u} = 0 THEN CASE WHEN ${one} THEN 'dag' ELSE 'dagen' END ELSE CASE WHEN ${one} THEN 'maand' ELSE 'maanden' END END`;
        return this.a.f.col(this.d.concat([this.d.digits(v.n), "' '", unit]));
      }
      case "per":
        return this.a.f.col(
          `CASE WHEN ${v.e} <= ${v.s} THEN 'periode van ' || ${this.dutchDate(v.s)} || ' tot ' || ${this.dutchDate(v.s)} ELSE 'periode van ' || ${this.dutchDate(v.s)} || ' tot en met ' || ${this.dutchDate(`${v.e} - 1`)} END`,
        );
      default:
        return "'(lijst)'";
    }
  }
}
