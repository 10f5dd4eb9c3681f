import { useCallback, useState } from 'react';
import { useDb } from '../shared/db-context';
import { PhrasePackSchema, type Phrase, type PhrasePack, type Stage } from '../../scripts-library/shared/schema';
import { issueText } from '../../scripts-library/files/issue-text';
import { shortHash } from '../../scripts-library/shared/hash';
import { planPackUpdate, teamPackFile, type PackUpdatePlan, type TeamPackInfo } from '../../scripts-library/files/team-pack';
import { t } from '../shared/i18n';
import { download } from '../shared/download';
import type { Notify } from '../shared/use-notice';
import { writeErrorText } from '../shared/write-error';
import { lastTeamPackExport, recordTeamPackExport } from '../../storage/repositories/settings';
import type { PackApplyChoice } from './TeamPackPreview';

const writes = () => import('../../storage/repositories/phrase-writes');
const packs = () => import('../../storage/repositories/packs');

/** Team packs in the panel: the merge preview of an imported pack, applying it, and the lead's export. */
export function useTeamPack(notify: Notify) {
  const db = useDb();
  const [packPlan, setPackPlan] = useState<PackUpdatePlan>();
  // Stable: the export form reads it once when it opens.
  const lastExport = useCallback(async (): Promise<Omit<TeamPackInfo, 'id'> | undefined> => {
    return lastTeamPackExport(db);
  }, [db]);
  return {
    packPlan,
    /** Plan a team pack file against the library (the preview); a version older than the one here says so. */
    async planPack(pack: PhrasePack, library: readonly Phrase[], stages: readonly Stage[]) {
      const installed = await (await writes()).getInstalledPack(db, pack.id);
      // A default phrase never edited here takes the team's wording in place (the pack's history of wordings).
      const { isPristineDefault } = await packs();
      const planned = planPackUpdate(pack, library, stages, installed, { pristine: isPristineDefault });
      if (!planned.ok) {
        setPackPlan(undefined);
        return notify(t('importFailed', planned.error), 'error');
      }
      setPackPlan(planned.plan);
    },
    cancelPack: () => setPackPlan(undefined),
    async applyPack({ removeGone, takeTeamWording }: PackApplyChoice) {
      const plan = packPlan;
      setPackPlan(undefined);
      if (!plan) return;
      const w = await writes();
      try {
        await w.applyPackUpdate(db, plan, removeGone, Date.now(), { takeTeamWording });
        notify(t('teamPackDone', [plan.pack.name, String(plan.pack.version)]), 'ok');
      } catch (e) {
        notify(e instanceof w.StalePlanError ? t('teamPackStale') : writeErrorText(e), 'error');
      }
    },
    /** What the last team pack export here was called, for the next one (its version + 1). */
    lastExport,
    /** Write the library as a team pack file; the same name always gives the same pack id (so v2 updates v1). */
    async exportPack(info: Omit<TeamPackInfo, 'id'>, library: readonly Phrase[], stages: readonly Stage[]) {
      const full = { ...info, id: `team-${shortHash(info.name.trim())}` };
      const file = PhrasePackSchema.safeParse(teamPackFile(full, stages, library));
      if (!file.success) return notify(t('exportFailed', issueText(file.error.issues[0]!)), 'error');
      download(`kefu-team-pack-${full.id}-v${info.version}.json`, JSON.stringify(file.data, null, 1), 'application/json');
      await recordTeamPackExport(db, info);
    },
  };
}
