// playground/src/share.ts and the form's number normalisation: share links
// round-trip any text; amounts are normalised as text, never through a float.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url, readFragment, shareFragment } from "../../../playground/src/share.js";
import { normaliseNumber } from "../../../playground/src/numbers.js";

describe("share links", () => {
  it("round-trip any Unicode text, as Node's base64url encodes it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (bron, geval) => {
        expect(encodeBase64Url(bron)).toBe(Buffer.from(bron, "utf8").toString("base64url"));
        expect(readFragment(shareFragment(bron, geval))).toEqual({ shared: { bron, geval }, errors: [] });
      }),
      { seed: 14, numRuns: 200 },
    );
  });

  it("accept standard base64 and padding, and report what cannot be read", () => {
    expect(decodeBase64Url(Buffer.from("€ 1.000,–", "utf8").toString("base64"))).toBe("€ 1.000,–");
    expect(readFragment("#bron=%%%").errors).toEqual(["de deellink bevat geen leesbare polis (`bron=` is geen base64url van UTF-8-tekst)"]);
    // Not UTF-8: 0xff.
    expect(readFragment("#geval=_w").errors[0]).toMatch(/geen leesbare geval/);
    expect(readFragment("#iets=anders").shared).toEqual({});
  });
});

describe("amounts in the form", () => {
  it("read Dutch and plain notation as decimal text", () => {
    expect(normaliseNumber("€ 1.234,56")).toBe("1234.56");
    expect(normaliseNumber("12.345.678.901.234.567,89")).toBe("12345678901234567.89");
    expect(normaliseNumber("0.10")).toBe("0.10");
    expect(normaliseNumber("7,5 %")).toBe("7.5");
    // Not a number: passed on as written, so the runtime names the field.
    expect(normaliseNumber("1,2,3")).toBe("1.2,3");
  });
});
