/**
 * A phrase body as its row previews it: the shop's values (店铺名, 发货天数, 截单时间…) and dates filled in as they
 * would be inserted, what the fill-in form asks for (运单号, 金额, a team's own fields) kept visible as a slot, and
 * the search's highlights (offsets into the raw body) on the text around them.
 */
import { fillPlaceholders, readToken } from '../../scripts-library/phrases/placeholders';
import type { Range } from '../../scripts-library/search/search';

export type PreviewPiece =
  | { kind: 'text'; text: string; hit: boolean }
  /** A value the phrase gets without asking. */
  | { kind: 'value'; text: string }
  /** A value asked for when the phrase is inserted: `{运单号}`. */
  | { kind: 'slot'; text: string };

const TOKEN = /\{([^{}\s]{1,140})\}/g;

export function previewPieces(body: string, values: Readonly<Record<string, string>>, highlight: readonly Range[] = [], now = new Date()): PreviewPiece[] {
  const hit = new Uint8Array(body.length);
  for (const [s, e] of highlight) hit.fill(1, Math.max(0, s), Math.min(body.length, e + 1));
  const pieces: PreviewPiece[] = [];
  const text = (from: number, to: number) => {
    for (let i = from; i < to; ) {
      let j = i + 1;
      while (j < to && hit[j] === hit[i]) j++;
      pieces.push({ kind: 'text', text: body.slice(i, j), hit: hit[i] === 1 });
      i = j;
    }
  };
  let at = 0;
  for (const m of body.matchAll(TOKEN)) {
    const token = readToken(m[1]!);
    if (!token) continue; // ordinary text in braces
    text(at, m.index);
    at = m.index + m[0].length;
    if (token.kind === 'caret') continue;
    const filled = fillPlaceholders(m[0], values, now);
    if (filled.missing.length) pieces.push({ kind: 'slot', text: token.kind === 'named' ? `{${token.name}}` : m[0] });
    else if (filled.text !== m[0]) pieces.push({ kind: 'value', text: filled.text });
    else text(m.index, at); // a name no one knows ({卖家}): shown as written
  }
  text(at, body.length);
  return pieces;
}

/** The preview as one string (a row's tooltip). */
export function previewText(pieces: readonly PreviewPiece[]): string {
  return pieces.map((p) => p.text).join('');
}
