// Share links (issue 14): `#bron=<base64url of the UTF-8 policy text>&geval=<base64url of the case JSON>`.
// In: a policy text and a case JSON text. Out: the URL fragment, and back.
// Guarantees: any Unicode text round-trips (UTF-8, base64url without padding;
// padding and standard base64 `+/` are accepted on reading); a malformed
// fragment yields a Dutch message instead of throwing.

export interface Shared {
  bron?: string;
  geval?: string;
}

export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeBase64Url(data: string): string {
  const b64 = data.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) throw new Error("geen geldige base64url-tekst");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

export function shareFragment(bron: string, geval: string | undefined): string {
  return `#bron=${encodeBase64Url(bron)}` + (geval !== undefined ? `&geval=${encodeBase64Url(geval)}` : "");
}

/** Reads `#bron=…&geval=…`; a part that cannot be decoded is reported in `errors`. */
export function readFragment(hash: string): { shared: Shared; errors: string[] } {
  const shared: Shared = {};
  const errors: string[] = [];
  // Not URLSearchParams: it would read a `+` of standard base64 as a space.
  const params = new Map<string, string>();
  for (const part of hash.replace(/^#/, "").split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  for (const key of ["bron", "geval"] as const) {
    const v = params.get(key);
    if (v === undefined) continue;
    try {
      shared[key] = decodeBase64Url(decodeURIComponent(v));
    } catch {
      errors.push(`de deellink bevat geen leesbare ${key === "bron" ? "polis" : "geval"} (\`${key}=\` is geen base64url van UTF-8-tekst)`);
    }
  }
  return { shared, errors };
}
