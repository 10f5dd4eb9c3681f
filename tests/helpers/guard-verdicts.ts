/** What the guard as shipped (judgeDraft) makes of a draft, as the guard's tests assert it. */
import { judgeDraft } from '../../scripts-library/guard/judge';

/** The strongest severity among the hits: block, warn or none. */
export const worst = (draft: string): 'block' | 'warn' | 'none' => {
  const hits = judgeDraft(draft);
  return hits.some((h) => h.severity === 'block') ? 'block' : hits.some((h) => h.severity === 'warn') ? 'warn' : 'none';
};
/** Whether the send is held (a 必改 hit). */
export const held = (draft: string): boolean => judgeDraft(draft).some((h) => h.severity === 'block');
/** The 必改 and 建议改 hits as `severity ruleId:text`. */
export const loud = (draft: string): string[] => judgeDraft(draft).filter((h) => h.severity !== 'hint').map((h) => `${h.severity} ${h.ruleId}:${h.text}`);
