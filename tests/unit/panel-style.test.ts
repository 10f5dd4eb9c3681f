// The side panel's stylesheet, read as a reader would: every text colour readable on its background (≥ 4.5:1,
// WCAG AA for normal text) and no text under 12 px. A rule without a background of its own is read on both of the
// panel's surfaces, the page (#f8fafc) and a row or card (#fff).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, filledChip } from '../../components/shared/contrast';

const css = readFileSync(join(__dirname, '../../entrypoints/sidepanel/style.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => ({
  selector: selector!.trim(),
  decls: Object.fromEntries(
    body!
      .split(';')
      .map((d) => d.split(':'))
      .filter((p) => p.length >= 2)
      .map(([k, ...v]) => [k!.trim(), v.join(':').trim()]),
  ),
}));

function hex(value: string | undefined): string | undefined {
  const m = value?.match(/#([0-9a-f]{3}|[0-9a-f]{6})\b/i)?.[1];
  if (!m) return undefined;
  return m.length === 3 ? [...m].map((c) => c + c).join('') : m;
}
describe('entrypoints/sidepanel/style.css', () => {
  it('reads the sheet (a parse that finds nothing would pass everything)', () => {
    expect(rules.length).toBeGreaterThan(100);
    expect(rules.filter((r) => hex(r.decls.color)).length).toBeGreaterThan(30);
  });

  it('every text colour has at least 4.5:1 against its background', () => {
    const poor: string[] = [];
    const colorOf = (selector: string) => hex(rules.find((r) => r.selector === selector)?.decls.color);
    for (const { selector, decls } of rules) {
      // A modifier (.wait--late) that sets only the background is read with its base class's text colour (.wait).
      const base = /^(\.[\w-]+?)--[\w-]+$/.exec(selector)?.[1];
      const fg = hex(decls.color) ?? (base ? colorOf(base) : undefined);
      if (!fg) continue;
      const own = hex(decls.background) ?? hex(decls['background-color']);
      for (const bg of own ? [own] : ['f8fafc', 'ffffff']) {
        const ratio = contrast(`#${fg}`, `#${bg}`);
        if (ratio < 4.5) poor.push(`${selector}: #${fg} on #${bg} = ${ratio.toFixed(2)}:1`);
      }
    }
    expect(poor).toEqual([]);
  });

  it('no text is set under 12 px', () => {
    const small = rules.flatMap(({ selector, decls }) => {
      const px = /^(\d+(?:\.\d+)?)px/.exec(decls['font-size'] ?? '')?.[1];
      return px && Number(px) < 12 ? [`${selector}: ${px}px`] : [];
    });
    expect(small).toEqual([]);
  });
});

describe('stage chips', () => {
  it("the chosen chip's text reads on every default stage colour", async () => {
    const { stages } = (await import('../../scripts-library/packs/default.json')) as { stages: { name: string; color: string }[] };
    const poor = stages.filter((s) => {
      const chip = filledChip(s.color);
      return contrast(chip.color, chip.background) < 4.5;
    }).map((s) => `${s.name} ${s.color}`);
    expect(stages.length).toBeGreaterThan(5);
    expect(poor).toEqual([]);
  });
});
