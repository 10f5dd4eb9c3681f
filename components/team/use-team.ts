/** Team mode in the panel (#35): every repository call and the live sync of ⚙ 团队 and 统计 → 团队 go through here. */
import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../shared/db-context';
import { getTeamConfig, leaveTeam, saveTeamConfig, teamTallyForDays } from '../../storage/repositories/team-config';
import { listProblems } from '../../storage/repositories/notes';
import { JOIN_ERROR_TEXT, parseServerAddress, readWhoami, TOKEN_PATTERN, type JoinError, type ServerAddress, type TeamConfig, type Whoami } from '../../scripts-library/team/team-config';
import type { TeamStatus, TeamSync } from '../../storage/team-sync';
import type { Notify } from '../shared/use-notice';
import { t } from '../shared/i18n';

export type Lookup = { ok: true; who: Whoami; address: ServerAddress; token: string } | { ok: false; error: string };

/** Ask the server who a token is (GET /whoami): the team, role and agent, or why not, in Chinese. */
export async function lookupToken(addressText: string, tokenText: string, request: typeof globalThis.fetch = globalThis.fetch): Promise<Lookup> {
  const address = parseServerAddress(addressText);
  const fail = (e: JoinError): Lookup => ({ ok: false, error: JOIN_ERROR_TEXT[e] });
  if (!address) return fail('address');
  const token = tokenText.trim();
  if (!TOKEN_PATTERN.test(token)) return fail('token');
  let status: number;
  let body: unknown;
  try {
    // The one HTTP request of the extension: the shop's own team server, asked who an invite token is.
    const res = await request(`${address.http}/whoami`, { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit', cache: 'no-store' });
    status = res.status;
    body = await res.json().catch(() => undefined);
  } catch {
    return fail('unreachable');
  }
  const read = readWhoami(status, body);
  return read.ok ? { ok: true, who: read.who, address, token } : fail(read.error);
}

export interface TeamModel {
  /** undefined while loading, null when team mode is off. */
  config: TeamConfig | null | undefined;
  status?: TeamStatus;
  join(found: Extract<Lookup, { ok: true }>): Promise<void>;
  leave(): Promise<void>;
  /** The lead: the whole library (but personal-only rows) becomes the team's. */
  publish(): Promise<number>;
}

/** The joined team, its live sync while the panel is open, joining and leaving. */
export function useTeam(notify: Notify): TeamModel {
  const db = useDb();
  const config = useLiveQuery(async () => (await getTeamConfig(db)) ?? null, [db]);
  const [status, setStatus] = useState<TeamStatus>();
  const sync = useRef<TeamSync>(undefined);
  const key = config ? JSON.stringify(config) : '';
  useEffect(() => {
    if (!key) return;
    const joined = JSON.parse(key) as TeamConfig;
    let live: TeamSync | undefined;
    let stopped = false;
    void (async () => {
      const [{ TeamSync }, library] = await Promise.all([import('../../storage/team-sync'), import('../../storage/repositories/team-library')]);
      if (stopped) return;
      const options = { onStatus: setStatus, onRefused: () => notify(t('teamRefusedEdit'), 'warn'), library: { pull: library.pullLibrary, push: library.pushLibrary } };
      live = new TeamSync(db, joined, options);
      sync.current = live;
      await live.open();
      if (!stopped) live.live();
    })().catch((e: unknown) => notify(t('teamFailed', String(e)), 'error'));
    return () => {
      stopped = true;
      live?.destroy();
      sync.current = undefined;
    };
  }, [db, key, notify]);
  return {
    config,
    status: key ? status : undefined,
    join: (found) => saveTeamConfig(db, { ...found.who, server: found.address.http, token: found.token, joinedAt: Date.now() }),
    leave: () => leaveTeam(db),
    publish: async () => (await sync.current?.publish()) ?? 0,
  };
}

/** The lead's table: every agent's synced tally rows of this month, and the problem log. */
export function useTeamTally(days: readonly string[]) {
  const db = useDb();
  const key = days.join(',');
  return {
    rows: useLiveQuery(() => teamTallyForDays(db, key.split(',')), [db, key]),
    problems: useLiveQuery(() => listProblems(db), [db]),
  };
}
