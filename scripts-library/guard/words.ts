/**
 * Word boundaries for the sound-alike rules (#31 item 3): the browser's own segmentation dictionary
 * (`Intl.Segmenter`, ICU's Chinese word list, in Chrome and Firefox alike; nothing shipped or downloaded) tells
 * whether a span starts in the middle of an everyday word: 间人 inside 期间人多 starts in the middle of 期间. Only the
 * start: a sound-alike's last character often begins the word the evasion means (嘴低价 is 最低价, 溦信号 is 微信号).
 * Asked only for the hits of sound-alike rules, on a few characters around the hit.
 */

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;
/** Characters either side of the span given to the segmenter. */
const AROUND = 4;

/** Whether [start, end) of the text starts inside a word of two or more characters that began before it. */
export function startsInsideWord(text: string, start: number, end: number): boolean {
  if (!segmenter || start === 0) return false;
  const from = Math.max(0, start - AROUND);
  for (const s of segmenter.segment(text.slice(from, Math.min(text.length, end + AROUND)))) {
    const a = from + s.index;
    if (a >= start) return false;
    if (a + s.segment.length > start) return s.segment.length >= 2;
  }
  return false;
}

/** Whether [start, end) of the text ends inside a word of two or more characters that goes on after it (单 of 单价). */
export function endsInsideWord(text: string, start: number, end: number): boolean {
  if (!segmenter || end >= text.length) return false;
  const from = Math.max(start, end - AROUND);
  for (const s of segmenter.segment(text.slice(from, Math.min(text.length, end + AROUND)))) {
    const a = from + s.index;
    if (a + s.segment.length <= end - 1) continue;
    return a + s.segment.length > end && s.segment.length >= 2;
  }
  return false;
}
