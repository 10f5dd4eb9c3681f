/** WCAG contrast of colours written as hex (#rgb or #rrggbb). */

function luminance(color: string): number {
  let h = color.replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** White or near-black, whichever reads better on `background` (a stage's own colour, say). */
export function readableOn(background: string): '#fff' | '#111827' {
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(background)) return '#fff';
  return contrast('#fff', background) >= contrast('#111827', background) ? '#fff' : '#111827';
}

/** A colour darkened toward black by `by` (0–1), as #rrggbb. */
function darken(color: string, by: number): string {
  let h = color.replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  return `#${[0, 2, 4].map((i) => Math.round(parseInt(h.slice(i, i + 2), 16) * (1 - by)).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A filled chip in a colour of the agent's choosing: that colour with the text that reads on it, or, where
 * neither white nor near-black reaches 4.5:1, the colour darkened until white does.
 */
export function filledChip(color: string): { background: string; color: string } {
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) return { background: '#334155', color: '#fff' };
  const text = readableOn(color);
  if (contrast(text, color) >= 4.5) return { background: color, color: text };
  let bg = color;
  for (let by = 0.1; contrast('#fff', bg) < 4.5 && by < 1; by += 0.1) bg = darken(color, by);
  return { background: bg, color: '#fff' };
}
