import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { parseServerAddress, TEAM_DATA_COLLECTION, type TeamConfig } from '../../scripts-library/team/team-config';
import type { TeamStatus } from '../../storage/team-sync';
import { lookupToken, type Lookup, type TeamModel } from './use-team';
import type { Notify } from '../shared/use-notice';
import { t, type MessageKey } from '../shared/i18n';

interface Props {
  team: TeamModel;
  notify: Notify;
  /** GET /whoami (tests pass the real server's answer through their own fetch). */
  fetcher?: typeof globalThis.fetch;
}

const roleText = (role: string) => t(`teamRole_${role}` as MessageKey);

export function statusText(s: TeamStatus | undefined): string {
  if (!s) return t('teamStatus_connecting');
  if (s.state === 'refused') return t('teamStatus_refused', s.reason ?? '');
  if (s.state === 'offline') return t('teamStatus_offline', String(s.pending));
  return t(`teamStatus_${s.state}`);
}

/**
 * ⚙ → 团队 (off by default). Joining: the server's address and an invite token, checked with the server (/whoami)
 * so the agent sees the team, role and name before joining; then the optional host permission for that one
 * origin, asked straight from the 加入团队 click (the same flow as 其他网站). Leaving gives the permission back and
 * keeps the local copy.
 */
export function TeamPanel({ team, notify, fetcher }: Props) {
  if (team.config === undefined) return null;
  return team.config ? <Joined team={team} config={team.config} notify={notify} /> : <JoinForm team={team} notify={notify} fetcher={fetcher} />;
}

function JoinForm({ team, notify, fetcher }: Props) {
  const [address, setAddress] = useState('');
  const [token, setToken] = useState('');
  const [found, setFound] = useState<Extract<Lookup, { ok: true }>>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const check = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFound(undefined);
    const r = await lookupToken(address, token, fetcher);
    setBusy(false);
    if (r.ok) {
      setError(undefined);
      setFound(r);
    } else setError(r.error);
  };
  const join = () => {
    if (!found) return;
    // The permission prompt must come straight from the click: nothing is awaited before it.
    // Firefox: the data team mode sends (declared optional in the manifest) is consented to in the same prompt.
    const dataCollection = import.meta.env.FIREFOX ? { data_collection: [...TEAM_DATA_COLLECTION] } : {};
    void browser.permissions.request({ origins: [found.address.pattern], ...dataCollection } as Parameters<typeof browser.permissions.request>[0]).then(
      async (granted) => {
        if (!granted) return setError(t('teamDenied', found.address.host));
        await team.join(found);
        notify(t('teamJoined', [found.who.team, roleText(found.who.role), found.who.agent, found.address.host]), 'ok');
      },
      (err: unknown) => setError(t('teamFailed', err instanceof Error ? err.message : String(err))),
    );
  };
  const edit = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    setFound(undefined);
  };
  return (
    <form className="dialog" aria-label={t('teamTitle')} onSubmit={check}>
      <strong>{t('teamTitle')}</strong>
      <p className="muted">{t('teamHint')}</p>
      <label className="field">
        <span>{t('teamAddress')}</span>
        <input value={address} placeholder="wss://kefu.example.com" onChange={edit(setAddress)} />
      </label>
      <label className="field">
        <span>{t('teamToken')}</span>
        <input value={token} placeholder="kft_…" autoComplete="off" spellCheck={false} onChange={edit(setToken)} />
      </label>
      {found && <p role="status">{t('teamWho', [found.who.team, roleText(found.who.role), found.who.agent])}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="dialog__actions">
        {found ? (
          <button type="button" onClick={join}>{t('teamJoin')}</button>
        ) : (
          <button type="submit" disabled={busy}>{t('teamLookup')}</button>
        )}
      </div>
      <Privacy />
    </form>
  );
}

function Joined({ team, config, notify }: { team: TeamModel; config: TeamConfig; notify: Notify }) {
  const host = config.server.replace(/^https?:\/\//, '');
  const leave = async () => {
    await team.leave();
    const pattern = parseServerAddress(config.server)?.pattern;
    const dataCollection = import.meta.env.FIREFOX ? { data_collection: [...TEAM_DATA_COLLECTION] } : {};
    if (pattern) await browser.permissions.remove({ origins: [pattern], ...dataCollection } as Parameters<typeof browser.permissions.remove>[0]).catch(() => false);
    notify(t('teamLeft'), 'ok');
  };
  return (
    <section className="dialog" aria-label={t('teamTitle')}>
      <strong>{t('teamTitle')}</strong>
      <p>{t('teamJoined', [config.team, roleText(config.role), config.agent, host])}</p>
      <p role="status" data-team-state={team.status?.state ?? 'connecting'}>{statusText(team.status)}</p>
      <div className="dialog__actions">
        {config.role === 'lead' && (
          <button
            type="button"
            onClick={() =>
              void team.publish().then(
                (n) => notify(t('teamPublished', String(n)), 'ok'),
                (e: unknown) => notify(t('teamFailed', e instanceof Error ? e.message : String(e)), 'error'),
              )
            }
          >
            {t('teamPublish')}
          </button>
        )}
        <button type="button" onClick={() => void leave()}>{t('teamLeave')}</button>
      </div>
      <Privacy />
    </section>
  );
}

function Privacy() {
  return (
    <details>
      <summary>{t('teamPrivacyTitle')}</summary>
      <p className="muted">{t('teamPrivacy')}</p>
    </details>
  );
}
