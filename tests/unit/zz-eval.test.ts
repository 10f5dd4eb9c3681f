import { it } from 'vitest';
import { checkDraft } from '../../scripts-library/guard';
import { score } from '../fixtures/guard/corpus';
it('eval', () => {
  for (const split of ['tune', 'heldout', 'all'] as const) {
    const s = score((d) => checkDraft(d), split);
    console.log(`${split} positives ${s.positives} clean ${s.clean} recall ${(s.recall * 100).toFixed(1)} fw ${(s.falseWarningRate * 100).toFixed(2)} missed ${s.missed.length} warned ${s.warned.length}`);
    if (split === 'heldout') for (const m of s.missed) console.log('HMISS', m.line, m.span, '|', m.draft);
    if (split === 'heldout') for (const w of s.warned) console.log('HWARN', w.line, '|', w.draft);
  }
});
