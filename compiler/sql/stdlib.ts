// The standard library of LANGUAGE.md §7 in SQL, with the errors of
// stdlib/index.ts: leeftijd_op before birth (P0805), begin/einde of an empty
// period (P0806), dates outside the years 1–9999 (P0810).
// In: compiled arguments. Out: a Val.

import type * as IR from "../ir/ir.js";
import { choose, dateAdd, num, period, UnsupportedInSql, type Ctx } from "./expr.js";
import type { V, Val } from "./value.js";
import { END_DAY, FIRST_DAY } from "./num.js";
import { holidayCall } from "./holidays.js";

/** A bound of any count of days between two dates Polis holds. */
const DAYS = BigInt(END_DAY - FIRST_DAY);

function day(v: V): string {
  if (v.k !== "day") throw new Error("internal: expected a date");
  return v.x;
}
function per(v: V): { s: string; e: string } {
  if (v.k !== "per") throw new Error("internal: expected a period");
  return v;
}

export function stdCall(c: Ctx, fn: string, args: Val[], type: IR.Type): Val {
  const err = c.first(...args.map((a) => a.err));
  const f = c.f;
  const a = c.a;
  const ok = (v: V, extra: (string | null)[] = []): Val => ({ v, err: c.first(err, ...extra) });
  // Whole numbers from dates: bounded by the calendar of years 1–9999.
  const int = (x: string, bound = DAYS): V => ({ k: "num", x: a.small(x, bound) });
  const holiday = holidayCall(c, fn, args);
  if (holiday !== undefined) return holiday;
  switch (fn) {
    case "leeftijd_op": {
      const g = day(args[0]!.v);
      const t = day(args[1]!.v);
      const gy = a.ymd(g);
      const ty = a.ymd(t);
      const gmd = f.col(`${gy.m} * 100 + ${gy.d}`);
      const tmd = f.col(`${ty.m} * 100 + ${ty.d}`);
      // The birthday in t's year: 29 februari is 28 februari outside leap years (LANGUAGE.md §7).
      const bmd = f.col(`CASE WHEN ${gmd} = 229 AND NOT ${a.isLeap(ty.y)} THEN 228 ELSE ${gmd} END`);
      const age = f.col(`${ty.y} - ${gy.y} - (CASE WHEN ${bmd} > ${tmd} THEN 1 ELSE 0 END)`);
      const before = c.whenDyn(`${g} > ${t}`, "P0805", ["de geboortedatum ", { sql: c.msg.dutchDate(g) }, " ligt na ", { sql: c.msg.dutchDate(t) }, `, dus er is geen leeftijd op die datum in ${c.where}`]);
      return ok(int(age, 10000n), [before]);
    }
    case "verjaardag": {
      const n = num(args[1]!.v);
      const months = f.col(`${a.toInt(n)} * 12`);
      const r = dateAdd(c, { v: args[0]!.v, err: null }, { v: { k: "dur", u: "1", n: months }, err: null }, 1);
      return ok(r.v, [r.err]);
    }
    case "jaar_van": return ok({ k: "num", x: a.small(a.ymd(day(args[0]!.v)).y, 10000n, 1n) });
    case "maand_van": return ok({ k: "num", x: a.small(a.ymd(day(args[0]!.v)).m, 12n, 1n) });
    case "dag_van": return ok({ k: "num", x: a.small(a.ymd(day(args[0]!.v)).d, 31n, 1n) });
    case "begin_van_jaar": return ok({ k: "day", x: a.day(a.ymd(day(args[0]!.v)).y, "1", "1") });
    case "einde_van_jaar": {
      const y = a.ymd(day(args[0]!.v)).y;
      return ok({ k: "day", x: f.col(`${a.day(f.col(`${y} + 1`), "1", "1")} - 1`) });
    }
    case "eerste_dag_volgende_maand": {
      const d = day(args[0]!.v);
      const ymd = a.ymd(d);
      return ok({ k: "day", x: f.col(`${d} - ${ymd.d} + 1 + ${a.daysInMonth(ymd.y, ymd.m)}`) });
    }
    case "dagen_in_jaar": {
      const y = a.toInt(num(args[0]!.v));
      return ok({ k: "num", x: a.small(f.col(`CASE WHEN ${a.isLeap(y)} THEN 366 ELSE 365 END`), 366n, 365n) });
    }
    case "aantal_dagen": {
      const p = per(args[0]!.v);
      return ok(int(f.col(`CASE WHEN ${p.e} <= ${p.s} THEN 0 ELSE ${p.e} - ${p.s} END`)));
    }
    case "begin": case "einde": {
      const p = per(args[0]!.v);
      const empty = c.when(`${p.e} <= ${p.s}`, "P0806", `\`${fn}\` van een lege periode bestaat niet in ${c.where}`);
      return ok({ k: "day", x: fn === "begin" ? p.s : f.col(`${p.e} - 1`) }, [empty]);
    }
    case "overlap": {
      const p = per(args[0]!.v);
      const q = per(args[1]!.v);
      const s = f.col(`CASE WHEN ${p.s} > ${q.s} THEN ${p.s} ELSE ${q.s} END`);
      const e = f.col(`CASE WHEN ${p.e} < ${q.e} THEN ${p.e} ELSE ${q.e} END`);
      const anyEmpty = `(${p.e} <= ${p.s} OR ${q.e} <= ${q.s})`;
      const v = period(c, f.col(`CASE WHEN ${anyEmpty} THEN 0 ELSE ${s} END`), f.col(`CASE WHEN ${anyEmpty} THEN 0 ELSE ${e} END`));
      return ok(v);
    }
    case "kalendermaanden": {
      const p = per(args[0]!.v);
      return ok({ k: "list", l: { kind: "months", s: p.s, e: p.e } });
    }
    case "hele_maand": {
      const p = per(args[0]!.v);
      const ymd = a.ymd(p.s);
      return ok({ k: "bool", x: f.col(`(${p.e} > ${p.s} AND ${ymd.d} = 1 AND ${p.e} - ${p.s} = ${a.daysInMonth(ymd.y, ymd.m)})`) });
    }
    case "werkdagen_tussen": {
      const x = day(args[0]!.v);
      const y = day(args[1]!.v);
      const before = (d: string) => {
        const t = f.col(`${d} + 3`);
        const w = f.col(a.floorDiv(t, "7"));
        return `(5 * ${w} + CASE WHEN ${t} - 7 * ${w} < 5 THEN ${t} - 7 * ${w} ELSE 5 END)`;
      };
      return ok(int(f.col(`CASE WHEN ${y} <= ${x} THEN 0 ELSE ${before(y)} - ${before(x)} END`)));
    }
    case "min": case "max": {
      let acc = args[0]!.v;
      const kinds: (string | null)[] = [];
      for (const arg of args.slice(1)) {
        const b = arg.v;
        let better: string;
        if (acc.k === "num") better = c.a.cmp(num(b), acc.x, fn === "min" ? "<" : ">");
        else if (acc.k === "day") better = `${day(b)} ${fn === "min" ? "<" : ">"} ${acc.x}`;
        else if (acc.k === "dur") {
          const bd = b as V & { k: "dur" };
          better = `${bd.n} ${fn === "min" ? "<" : ">"} ${acc.n}`;
          if (!(/^\d$/.test(acc.u) && /^\d$/.test(bd.u))) {
            kinds.push(c.when(`${acc.u} <> ${bd.u}`, "P0808", `duren van verschillende soort kunnen niet vergeleken worden: dagen en maanden in ${c.where}`));
          }
        } else throw new UnsupportedInSql(`${fn} over ${acc.k}`);
        acc = choose(c, f.col(better), b, acc);
      }
      return ok(acc, kinds);
    }
    case "abs":
      return ok({ k: "num", x: a.abs(num(args[0]!.v)) });
    case "uren_tussen": {
      // (d2 − d1) × 24 + u2 − u1, exact; an hour of the day outside 0 to 24 is P0807 (stdlib/workdays.ts).
      const [d1, h1, d2, h2] = [day(args[0]!.v), num(args[1]!.v), day(args[2]!.v), num(args[3]!.v)];
      const zero = a.const(0n, 1n);
      const hour = a.const(24n, 1n);
      const bad = (h: typeof h1) => {
        const r = a.reduce(h);
        const text = c.d.concat([c.d.digits(r.n), `CASE WHEN ${r.d} = 1 THEN '' ELSE '/' || ${c.d.digits(r.d)} END`]);
        return c.whenDyn(`(${a.cmp(h, zero, "<")} OR ${a.cmp(h, hour, ">")})`, "P0807", ["`uren_tussen` verwacht een heel getal, niet een uur van de dag tussen 0 en 24, niet ", { sql: text }, ` in ${c.where}`]);
      };
      const days = { n: f.col(`CAST(${d2} - ${d1} AS ${c.d.int}) * ${c.d.lit(24n)}`), d: c.d.lit(1n), dl: 1n };
      return ok({ k: "num", x: a.add(days, a.add(h2, h1, -1), 1) }, [bad(h1), c.onlyIf(`NOT (${a.cmp(h1, zero, "<")} OR ${a.cmp(h1, hour, ">")})`, bad(h2))]);
    }
  }
  void type;
  throw new UnsupportedInSql(`de functie \`${fn}\``);
}
