/**
 * Team mode (#35): which shop server this browser joined, with which invite token, and who the server says it is.
 * Pure: the address rules, the settings row's schema, the /whoami answer's schema and the Chinese texts for what
 * can go wrong. No Yjs here (the page side may import scripts-library; it never imports this folder's sync).
 */
import { z } from 'zod';
import type { Tally } from '../shared/schema';

/** Settings key of the joined team (absent = team mode off, the default). Stored in this browser only. */
export const TEAM_KEY = 'team';
/** Settings key of this browser's device id (generated once; a tally row is per agent AND device). */
export const TEAM_DEVICE_KEY = 'teamDevice';

export const TEAM_ROLES = ['lead', 'agent'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

const name = z.string().trim().min(1).max(80).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ -');

/** What /whoami answers for a valid token (server contract). */
export const WhoamiSchema = z.object({ team: name, role: z.enum(TEAM_ROLES), agent: name });
export type Whoami = z.infer<typeof WhoamiSchema>;

/** The invite token as the admin command prints it (`kft_` + 32 url-safe characters); older/longer ones allowed. */
export const TOKEN_PATTERN = /^kft_[A-Za-z0-9_-]{16,200}$/;

/** The joined team: the server (its http(s) origin), the token, and who the server said this browser is. */
export const TeamConfigSchema = WhoamiSchema.extend({
  server: z.string().max(300).regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i),
  token: z.string().regex(TOKEN_PATTERN),
  joinedAt: z.number().int().nonnegative(),
});
export type TeamConfig = z.infer<typeof TeamConfigSchema>;

export const DeviceIdSchema = z.string().regex(/^d-[a-z0-9]{6,40}$/);

export interface ServerAddress {
  /** `http(s)://host[:port]`, for /whoami and what is stored. */
  http: string;
  /** `ws(s)://host[:port]`, for the documents. */
  ws: string;
  /** The optional host permission asked for: that one host (a match pattern covers every port). */
  pattern: string;
  host: string;
}

/**
 * The server's address as the lead gave it: `ws://`, `wss://`, `http://` or `https://` (a bare host is https),
 * host and port only. `null` when it is not one (a path, a query, another scheme, no host).
 */
export function parseServerAddress(input: string): ServerAddress | null {
  const text = input.trim().replace(/\/+$/, '');
  if (!text || text.length > 300) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  if (!secure && url.protocol !== 'http:' && url.protocol !== 'ws:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname && url.pathname !== '/')) return null;
  const hostname = url.hostname.toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(hostname) || (!hostname.includes('.') && hostname !== 'localhost')) return null;
  const host = url.port ? `${hostname}:${url.port}` : hostname;
  return {
    http: `${secure ? 'https' : 'http'}://${host}`,
    ws: `${secure ? 'wss' : 'ws'}://${host}`,
    pattern: `${secure ? 'https' : 'http'}://${hostname}/*`,
    host,
  };
}

/**
 * What team mode sends to the shop's own server, in Firefox's data-collection categories (declared optional in the
 * manifest, wxt.config.ts, and asked for with the host permission when joining): the invite token
 * (authenticationInfo), the agent's name and role (personallyIdentifyingInfo), the 问题登记本 and 交接记录本, which can
 * name buyers (personalCommunications), and the per-shift tally totals counted on the chat consoles
 * (websiteActivity). Team phrases, stages and synonyms are the shop's own texts. Nothing else ever leaves.
 */
export const TEAM_DATA_COLLECTION = ['authenticationInfo', 'personallyIdentifyingInfo', 'personalCommunications', 'websiteActivity'] as const;

/** The documents of one team (server contract: names always start with the team). */
export const teamDocs = (team: string) => ({
  library: `${team}/library`,
  rules: `${team}/rules`,
  notebooks: `${team}/notebooks`,
  tally: (agent: string) => `${team}/tally/${agent}`,
});

/** The pack id the team library's phrases carry here (one per team: a synced library is a pack update). */
export const teamPackId = (team: string) => `team-sync-${team}`.slice(0, 80);

/** Why joining failed, as the agent reads it. */
export type JoinError = 'address' | 'token' | 'unauthorized' | 'unreachable' | 'answer' | 'denied';

export const JOIN_ERROR_TEXT: Record<JoinError, string> = {
  address: '服务器地址不对：请填 ws://、wss://、http:// 或 https:// 开头的地址（只要主机和端口，例如 wss://kefu.example.com）',
  token: '邀请码格式不对：应以 kft_ 开头，请从组长那里整段复制',
  unauthorized: '服务器不认这个邀请码（可能输错、已被收回或属于别的团队），请向组长要新的',
  unreachable: '连不上这个服务器：请检查地址和网络，或问组长服务器是否开着',
  answer: '这个地址不是客服助手的团队服务器（它的回答看不懂）',
  denied: '没有得到访问这个服务器的权限，未加入',
};

/** Read /whoami's answer: the status and body as received (untrusted). */
export function readWhoami(status: number, body: unknown): { ok: true; who: Whoami } | { ok: false; error: JoinError } {
  if (status === 401 || status === 403) return { ok: false, error: 'unauthorized' };
  if (status < 200 || status >= 300) return { ok: false, error: 'answer' };
  const parsed = WhoamiSchema.safeParse(body);
  return parsed.success ? { ok: true, who: parsed.data } : { ok: false, error: 'answer' };
}

/** A device id for this browser (made once, kept in settings). */
export function newDeviceId(random: () => number = Math.random): string {
  let s = '';
  while (s.length < 12) s += Math.floor(random() * 36).toString(36);
  return `d-${s}`;
}

/** The `refused` stateless message the server sends a read-only connection that wrote (server contract). */
export const RefusedSchema = z.object({ type: z.literal('refused'), document: z.string().max(300), reason: z.string().max(200) });

/** What the agent is told when the server refused an edit of a team phrase or rule. */
export const REFUSED_TEXT = '团队短语只有组长能改，已保留为你的本地修改';

/** Parse a stateless payload; anything else (not JSON, another type) is null. */
export function readRefused(payload: string): z.infer<typeof RefusedSchema> | null {
  try {
    const parsed = RefusedSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type Counters = Pick<Tally, 'consults' | 'autoConsults' | 'conversions' | 'amount' | 'pricedSales' | 'refunds' | 'badReviews' | 'responses' | 'responseMs' | 'firstResponses' | 'firstResponseMs' | 'fastResponses'>;
/** One device's totals of one shift of one agent, as the lead keeps them (id `<agent>|<device>|<day>|<shift>`). */
export type TeamTally = Counters & { id: string; agent: string; device: string; day: string; shift: string };

/** Whether a pack id is a synced team library's (teamPackId), not a pack imported from a file. */
export const isSyncedTeamPack = (packId: string) => packId.startsWith('team-sync-');
