/**
 * GBK encoding for the Qianniu quick-phrase CSV, which Qianniu reads as GBK/GB2312.
 *
 * Browsers decode GBK (TextDecoder('gbk')) but only encode UTF-8, and the well-kept encoders (iconv-lite)
 * need Node's Buffer in the extension. So the encode table is derived from the browser's own decoder: every
 * two-byte GBK code (lead 0x81–0xFE, trail 0x40–0xFE) is decoded once, lazily (~24k entries, a few ms), and
 * reversed. Characters GBK cannot represent are reported, never silently replaced.
 */
let table: Map<string, number> | undefined;

function encodeTable(): Map<string, number> {
  if (table) return table;
  const decoder = new TextDecoder('gbk');
  table = new Map();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return table;
}

export class GbkEncodeError extends Error {
  constructor(readonly chars: string[]) {
    super(`GBK cannot encode: ${chars.join(' ')}`);
  }
}

/** Encode text as GBK. @throws GbkEncodeError listing the characters GBK has no code for (e.g. emoji). */
export function encodeGbk(text: string): Uint8Array {
  const codes = encodeTable();
  const out: number[] = [];
  const bad = new Set<string>();
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const code = codes.get(ch);
      if (code === undefined) bad.add(ch);
      else out.push(code >> 8, code & 0xff);
    }
  }
  if (bad.size) throw new GbkEncodeError([...bad]);
  return Uint8Array.from(out);
}

export function decodeGbk(bytes: Uint8Array): string {
  return new TextDecoder('gbk').decode(bytes);
}
