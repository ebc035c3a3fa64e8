// AIM symbology identifiers ("]E0" EAN-13, "]C1" GS1-128, "]Q1" QR …): a scanner may prefix each scan
// with one. It is split off so the data routes like a keyboard-wedge scan and the symbology is kept.
const AIM = /^\][A-Za-z][0-9A-Za-z]/;

export interface ScanText {
  data: string;
  symbology: string | null;
}

export function splitAim(raw: string): ScanText {
  const match = AIM.exec(raw);
  if (!match) return { data: raw, symbology: null };
  return { data: raw.slice(3), symbology: match[0] };
}
