/**
 * The guard's settings messages: 不再提示 (an allowed context for a rule) and 仍要发送 (a count per rule). They write
 * the settings and hold no guard state (the checker reads the allows at each check), so they are answered by the rest
 * of the background, not the worker's core (features-slot.ts).
 */
import type { KefuDB } from '../../storage/db';
import { updateSettings } from '../../storage/repositories/settings';
import { own } from '../../scripts-library/guard/effective-rules';
import { OK, type Handlers } from './messages';

export function guardSettingHandlers(db: KefuDB): Handlers<'guard/allow' | 'guard/override'> {
  return {
    async 'guard/allow'({ ruleId, context }) {
      await updateSettings(db, ({ guardAllows }) => {
        const list = own(guardAllows, ruleId) ?? [];
        return list.includes(context) ? {} : { guardAllows: { ...guardAllows, [ruleId]: [...list, context] } };
      });
      return OK;
    },
    async 'guard/override'({ ruleIds }) {
      await updateSettings(db, ({ guardOverrides }) => {
        const next = { ...guardOverrides };
        for (const id of ruleIds) next[id] = (own(next, id) ?? 0) + 1;
        return { guardOverrides: next };
      });
      return OK;
    },
  };
}
