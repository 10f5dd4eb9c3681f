// The 统计 view at 360 px (#29 item 13): nothing wider than the panel in English, readable chart text, date
// labels that do not overlap, and one day of data drawn as a chart, not as one bar at the edge of 30 empty days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

let h: Harness;
afterAll(async () => {
  await h?.close();
});

async function tallyAt360(panel: Page, tab: RegExp) {
  await panel.setViewportSize({ width: 360, height: 700 });
  await panel.locator('.views [role="tab"]', { hasText: tab }).click();
  await panel.click('button[aria-label*="+1"]'); // one consult today: one day of data
  await panel.waitForSelector('[data-testid="tally-chart"] [data-consults="1"]');
}

/** How far the document reaches past the viewport, the smallest chart text as drawn, and the date labels' boxes. */
function measure(panel: Page) {
  return panel.evaluate(() => {
    const chart = document.querySelector('[data-testid="tally-chart"]')!;
    const texts = [...chart.querySelectorAll('text')].map((n) => parseFloat(getComputedStyle(n).fontSize) * (chart.getBoundingClientRect().width / (chart as SVGSVGElement).viewBox.baseVal.width));
    const dates = [...chart.querySelectorAll('[data-axis="date"]')].map((n) => n.getBoundingClientRect()).map((r) => [r.left, r.right]);
    const bars = [...chart.querySelectorAll('rect[data-day]')];
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, smallest: Math.min(...texts), dates, bars: bars.length };
  });
}

describe('English', () => {
  beforeAll(async () => {
    h = await startHarness({ lang: 'en' });
  });

  it('fits 360 px, its chart text is readable and its date labels apart', async () => {
    const panel = await h.openPanel();
    await tallyAt360(panel, /Tally|统计/);
    const m = await measure(panel);
    expect(m.overflow).toBeLessThanOrEqual(0);
    expect(m.smallest).toBeGreaterThanOrEqual(11);
    for (let i = 1; i < m.dates.length; i++) expect(m.dates[i]![0]!).toBeGreaterThan(m.dates[i - 1]![1]!);
    // One day of data: the chart spans the week it is in, not 29 empty days and a bar at the edge.
    expect(m.bars).toBeLessThanOrEqual(7);
    await panel.close();
  });
});
