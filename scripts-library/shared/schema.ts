/**
 * Record and file schemas. Every stored record type and every file format is a zod schema here; the
 * TypeScript types are inferred from them, so what is validated at a boundary is exactly what the code uses.
 */
import { z } from 'zod';
import { TaughtSiteSchema } from './taught-site';
import { SITE_PATTERN } from './sites';
import { DEFAULT_SHIFTS } from './shift';
import { DEFAULT_CHASE_LADDER, LADDER_KINDS } from './chase-ladder';
import { patternProblem } from './pattern-safety';
import { isIntent } from './intents';
import { CHAT_FACTS } from './chat-facts';

export const PHRASE_BODY_MAX = 500;
export const PHRASE_VARIANTS_MAX = 4;

/** `__proto__` cannot be a key of a stored record (JSON and zod drop it), so it is no id. */
const id = z.string().min(1).max(80).refine((v) => v !== '__proto__', 'reserved id');
const timestamp = z.number().int().nonnegative();

/** A mission stage (欢迎, 议价, 库存 …). Stages are data so agents can add their own. */
export const StageSchema = z.object({
  id,
  name: z.string().trim().min(1).max(20),
  order: z.number().int(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  builtin: z.boolean().default(false),
});
export type Stage = z.infer<typeof StageSchema>;

const intentId = z.string().max(30).refine((v): boolean => isIntent(v), "unknown intent");

/**
 * When a phrase may lead the suggestions (Enter / Alt+1 / "/"+Enter insert the first): every condition given must
 * hold, and one the panel cannot check (the console's order state unread) keeps it from leading. It may still be
 * listed after the first.
 */
export const PhraseLeadSchema = z.object({
  /** Only for these intents (a delay apology only when the buyer complains of the delay: ship-urge). */
  intents: z.array(intentId).max(20).optional(),
  /** Only for an unpaid order this many hours old, [from, to) (a chase for hour 24), read from the console. */
  unpaidHours: z.tuple([z.number().nonnegative(), z.number().positive()]).optional(),
  /** Only in an after-sales conversation (a closing that apologises for the trouble). */
  afterSales: z.literal(true).optional(),
  /** Only when the buyer's message says one of these words (花呗分期 only to a 花呗 question). */
  says: z.array(z.string().trim().min(1).max(20)).max(40).optional(),
  /** Never when it says one of these (询问尺码, which asks for height and weight, not when the buyer gave them). */
  notSays: z.array(z.string().trim().min(1).max(20)).max(40).optional(),
  /**
   * Never once the conversation shows one of these (chat-facts.ts, read from the earlier turns
   * the console adapter gives): a 仅咨询 farewell not after the buyer ordered, a payment chase not after paying.
   */
  notAfter: z.array(z.enum(CHAT_FACTS)).max(CHAT_FACTS.length).optional(),
});
export type PhraseLead = z.infer<typeof PhraseLeadSchema>;

/** A quick phrase (快捷短语). `code` is the shortcut code agents type; `useCount`/`lastUsedAt` drive frecency. */
export const PhraseSchema = z.object({
  id,
  stageId: id,
  title: z.string().trim().min(1).max(60),
  body: z.string().trim().min(1).max(PHRASE_BODY_MAX),
  /**
   * Other wordings of the same reply (up to 4, so 2–5 in all): insertion takes them in turn and skips one just
   * sent to the buyer (sent-memory.ts), since some consoles flag the same reply sent again and again.
   */
  variants: z.array(z.string().trim().min(1).max(PHRASE_BODY_MAX)).max(PHRASE_VARIANTS_MAX).optional(),
  code: z.string().trim().max(20).optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  /** The buyer intents it answers (intents.ts); without them, those of its stage. */
  intents: z.array(intentId).max(20).optional(),
  /** When it may be the FIRST suggestion (see PhraseLeadSchema); without it, whenever it answers the intent. */
  lead: PhraseLeadSchema.optional(),
  pinned: z.boolean().default(false),
  useCount: z.number().int().nonnegative().default(0),
  lastUsedAt: timestamp.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Search keys computed on save (scripts-library/shared/pinyin.ts). */
  pinyin: z.object({ full: z.string(), initials: z.string() }).optional(),
  /** Where the phrase came from: a bundled pack id, 'user' or 'import'. */
  origin: z.string().max(80).default('user'),
  /** Position in its pack (the pack's own order is its usefulness: 发货时间 before 验货提醒); ties in browsing. */
  order: z.number().int().nonnegative().optional(),
  /**
   * A team pack's phrase: the pack, the phrase's id in the pack file, the version last applied and a hash of the
   * wording that version gave it (team-pack.ts). The phrase was edited here when its wording no longer has that hash.
   */
  pack: z.object({ id, ref: id, version: z.number().int().positive(), hash: z.string().min(1).max(20) }).optional(),
});
export type Phrase = z.infer<typeof PhraseSchema>;

/** A phrase as written in a pack file: the bookkeeping fields are filled when it is stored. */
export const PackPhraseSchema = PhraseSchema.pick({ id: true, stageId: true, title: true, body: true, variants: true, code: true, tags: true, intents: true, lead: true });
export type PackPhrase = z.infer<typeof PackPhraseSchema>;

/** A word of the synonym table; an equivalent may be several words that must all be there ("尺码 缺货"). */
const synonymWord = z.string().trim().min(1).max(20);
/**
 * One row of the synonym table (search-words.ts): a query holding any of `words` also finds the phrases holding
 * any of `means` (机洗 → 洗涤; 顺丰/中通 → 快递公司).
 */
export const SynonymRowSchema = z.object({
  words: z.array(synonymWord).min(1).max(30),
  means: z.array(synonymWord).min(1).max(10),
});
export type SynonymRow = z.infer<typeof SynonymRowSchema>;
export const SynonymTableSchema = z.array(SynonymRowSchema).max(500);
/** scripts-library/packs/synonyms.json, the default table. */
export const SynonymFileSchema = z.object({ format: z.literal('kefu-synonyms'), version: z.literal(1), synonyms: SynonymTableSchema });

export const PhrasePackSchema = z
  .object({
    format: z.literal('kefu-phrase-pack'),
    version: z.literal(1),
    id,
    name: z.string().min(1),
    /** A team pack's own version (1, 2, …): a file with it updates the same pack in place (team-pack.ts). */
    packVersion: z.number().int().positive().max(1_000_000).optional(),
    author: z.string().trim().max(40).optional(),
    /** A team pack's SHA-256 of its stages and phrases (team-pack.ts packContentHash): a changed file no longer matches. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    /** Synonym rows the pack adds to the shop's table (search-words.ts mergeSynonyms). */
    synonyms: SynonymTableSchema.optional(),
    stages: z.array(StageSchema),
    phrases: z.array(PackPhraseSchema).min(1),
  })
  .superRefine((pack, ctx) => {
    const stageIds = new Set(pack.stages.map((s) => s.id));
    const seen = new Set<string>();
    pack.phrases.forEach((p, i) => {
      if (!stageIds.has(p.stageId)) {
        ctx.addIssue({ code: 'custom', path: ['phrases', i, 'stageId'], message: `unknown stage "${p.stageId}"` });
      }
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['phrases', i, 'id'], message: `duplicate id "${p.id}"` });
      seen.add(p.id);
    });
  });
export type PhrasePack = z.infer<typeof PhrasePackSchema>;

/**
 * A team pack as installed on this machine (a settings row `teamPack:<id>`): the version last applied, who wrote
 * it, and the ids its phrases have in the file, so an update can tell a phrase the agent deleted from a new one.
 */
export const InstalledPackSchema = z.object({
  id,
  name: z.string().min(1).max(80),
  author: z.string().max(40).default(''),
  version: z.number().int().positive(),
  phraseIds: z.array(z.string().min(1).max(80)).max(200_000),
  /** The content hash of the version applied (absent for packs applied before hashes): the same version with another content is refused. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  updatedAt: timestamp,
});
export type InstalledPack = z.infer<typeof InstalledPackSchema>;

export const RuleCategorySchema = z.enum([
  'service-taboo',
  'off-platform',
  'review-inducement',
  'abuse',
  'absolute-claim',
  'false-promise',
  'privacy',
]);
export const SeveritySchema = z.enum(['block', 'warn', 'hint']);

/**
 * A draft-guard rule: terms (matched after normalisation, see guard/normalize.ts) and/or regular expressions
 * (`patterns`, for numbers such as phone or ID-card numbers), with contexts that make a hit fine (`allow`).
 */
export const RuleSchema = z
  .object({
    id,
    terms: z.array(z.string().min(1).max(40)).default([]),
    patterns: z
      .array(
        z.string().superRefine((p, ctx) => {
          const problem = patternProblem(p);
          if (problem) ctx.addIssue({ code: 'custom', message: `pattern ${p.slice(0, 40)}: ${problem}` });
        }),
      )
      .optional(),
    category: RuleCategorySchema,
    severity: SeveritySchema,
    /** What to say instead: a sentence (replaces the clause the hit is in) or advice in （…）. */
    suggestion: z.string().default(''),
    /** A word-level substitute that fits the hit's own span ('' deletes the words); 替换 uses it when set. */
    replacement: z.string().max(40).optional(),
    /** Contexts that contain the hit and make it fine (垃圾袋 for 垃圾). */
    allow: z.array(z.string().min(1)).default([]),
    /** Words that make a hit fine when they stand near it (12 characters before, 4 after): 订单号 before a number. */
    cleanNear: z.array(z.string().min(1).max(20)).max(60).optional(),
    /**
     * An intent as words that go together: one word of each group in the same clause, at most `nearWithin`
     * characters apart, in either order (转账 near 给我 / 银行卡 / 支付宝): paraphrases a list of phrases misses.
     */
    near: z.array(z.array(z.string().min(1).max(12)).min(1).max(80)).min(2).max(3).optional(),
    nearWithin: z.number().int().min(1).max(20).optional(),
    /** The groups must come in their order (加 … 我, not 我帮您加急). */
    nearOrdered: z.boolean().optional(),
    /** Pattern hits must also pass this check of their digits (a bank card's Luhn, an ID card's check digit). */
    check: z.enum(['luhn', 'id-card', 'cn-mobile']).optional(),
    note: z.string().default(''),
    source: z.string().default(''),
    enabled: z.boolean().default(true),
    /**
     * Patterns a stored rule held that the safety check (shared/pattern-safety.ts) now refuses: set aside, never
     * run, kept so that nothing the agent wrote is lost; the rule is switched off and `quarantine` says why.
     */
    quarantinedPatterns: z.array(z.string().max(1000)).max(20).optional(),
    quarantine: z.string().max(200).optional(),
    /**
     * A rule of a synced team's rules (#35): the team's rule set and the hash of the content applied here (the rule
     * differs from it = the agent's own change, kept as 团队 · 已改).
     */
    team: z.object({ id: z.string().min(1).max(80), hash: z.string().min(1).max(80) }).optional(),
  })
  .refine(
    (r) => r.terms.length > 0 || (r.patterns?.length ?? 0) > 0 || (r.near?.length ?? 0) > 0 || (r.quarantinedPatterns?.length ?? 0) > 0,
    'a rule needs terms, patterns or near groups',
  );
export type Rule = z.infer<typeof RuleSchema>;
export type RuleCategory = z.infer<typeof RuleCategorySchema>;
export type Severity = z.infer<typeof SeveritySchema>;

export const RulePackSchema = z
  .object({
    format: z.literal('kefu-rule-pack'),
    version: z.literal(1),
    id,
    name: z.string().min(1),
    rules: z.array(RuleSchema).min(1),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate id "${r.id}"` });
      seen.add(r.id);
    });
  });
export type RulePack = z.infer<typeof RulePackSchema>;

/** One agent's counts for one day and shift (服务统计本). `id` = `${agent}|${day}|${shift}`. */
export const TallySchema = z.object({
  id: z.string().min(1),
  agent: z.string().min(1),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  shift: z.string().min(1),
  /** Consults the agent counted by hand (±1, hotkeys). */
  consults: z.number().int().nonnegative().default(0),
  /** Consults counted automatically (a buyer's first opened conversation of the day); correctable by hand. */
  autoConsults: z.number().int().nonnegative().default(0),
  conversions: z.number().int().nonnegative().default(0),
  /** Sum of the order amounts entered with conversions (元), for 客单价. */
  amount: z.number().nonnegative().default(0),
  /** How many of the conversions came with an amount: 客单价 = amount / pricedSales (unpriced sales are not ¥0). */
  pricedSales: z.number().int().nonnegative().default(0),
  /** 退款 and 中差评 the agent counted by hand (退款率 / 差评率 = per sale). */
  refunds: z.number().int().nonnegative().default(0),
  badReviews: z.number().int().nonnegative().default(0),
  /** Sums of the response times measured in this day and shift (each reply is also a row of `responses`). */
  responses: z.number().int().nonnegative().default(0),
  responseMs: z.number().nonnegative().default(0),
  firstResponses: z.number().int().nonnegative().default(0),
  firstResponseMs: z.number().nonnegative().default(0),
  fastResponses: z.number().int().nonnegative().default(0),
});
export type Tally = z.infer<typeof TallySchema>;

/**
 * One response: a buyer's message waited from `buyerAt` until the agent's reply at `repliedAt` (measured in the
 * chat page, kept only here). `first`: the buyer's first response of that work day (首次响应).
 */
export const ResponseSchema = z.object({
  id: z.string().min(1).max(400),
  agent: z.string().min(1),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  shift: z.string().min(1),
  site: z.string().max(40),
  buyer: z.string().max(300),
  buyerAt: timestamp,
  repliedAt: timestamp,
  ms: z.number().int().nonnegative(),
  first: z.boolean(),
});
export type ResponseRecord = z.infer<typeof ResponseSchema>;

/** Buyer notes and the two text notebooks (问题登记本, 交接记录本). */
export const NoteSchema = z.object({
  id,
  kind: z.enum(['buyer', 'problem', 'handover']),
  site: z.string().optional(),
  buyerId: z.string().optional(),
  text: z.string().max(5000),
  status: z.string().optional(),
  /** 问题登记本: the question, where it came up (buyer/order), and the answer once found. */
  question: z.string().max(500).optional(),
  context: z.string().max(500).optional(),
  answer: z.string().max(2000).optional(),
  /** 交接记录本: the shift that wrote it, its sections, and whether the next shift has read it. */
  shift: z.string().max(20).optional(),
  /** The work day of that shift (a night shift past midnight belongs to the day it started). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  inProgress: z.string().max(2000).optional(),
  urgent: z.string().max(2000).optional(),
  potential: z.string().max(2000).optional(),
  read: z.boolean().optional(),
  /** Edits made to the note (notebook-io.ts bumpNote): notebook merges order edits by it, not by a wall clock. */
  rev: z.number().int().nonnegative().max(1_000_000_000).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Note = z.infer<typeof NoteSchema>;

/**
 * One step of a payment-chase ladder (催付提醒). pending → fired (the notification was shown) → done (the agent
 * inserted the chase phrase); 已付款 turns the ladder's pending steps into cancelled. A pending step whose time
 * has passed (the browser was closed) is shown as overdue.
 */
export const ReminderSchema = z.object({
  id,
  /** The steps scheduled together for one buyer share a ladder id. */
  ladderId: z.string().max(80).default(''),
  /** Which follow-up ladder (催付, 咨询未下单, 发货延迟致歉, 中差评跟进, 售后回访). */
  kind: z.enum(LADDER_KINDS).default('payment'),
  site: z.string(),
  buyerId: z.string(),
  buyerName: z.string().optional(),
  /** The chat tab the ladder was started from (it may be gone by the time a step fires). */
  tabId: z.number().int().optional(),
  step: z.number().int().nonnegative(),
  /** Minutes after the start of the ladder (15, 1440 …), for display. */
  minutes: z.number().nonnegative().default(0),
  dueAt: timestamp,
  status: z.enum(['pending', 'fired', 'done', 'cancelled']),
  phraseId: z.string().optional(),
  createdAt: timestamp.default(0),
});
export type Reminder = z.infer<typeof ReminderSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
/** A work shift, e.g. 白班 09:00–17:30. */
export const ShiftSchema = z.object({ id: z.string().min(1).max(20), name: z.string().trim().min(1).max(10), start: hhmm, end: hhmm });
export type Shift = z.infer<typeof ShiftSchema>;

/** Agent settings; every field has a default so an empty database yields a usable object. */
export const SettingsSchema = z.object({
  shopName: z.string().max(40).default(''),
  agentName: z.string().max(20).default(''),
  shipDays: z.string().max(10).default('2'),
  /** Orders paid before this time ship the same day ({截单时间}). */
  cutoffTime: z.string().max(20).default('16:00'),
  /** Delivery time by region ({快递时效}), as the buyer reads it. */
  transitTime: z.string().max(60).default('江浙沪2-3天，其他地区3-6天'),
  /** Shared placeholder values (the last 快递公司), offered as a suggestion for any buyer. */
  placeholderMemory: z.record(z.string(), z.string().max(200)).default({}),
  /** Order values (运单号, 金额, 快递公司) typed for each buyer (`site|buyer`), offered again only to that buyer. */
  orderMemory: z
    .record(z.string().max(300), z.object({ values: z.record(z.string().max(12), z.string().max(200)), at: timestamp }))
    .default({}),
  /** The first-run card (shop name, agent name, shifts) was filled in or skipped. */
  onboarded: z.boolean().default(false),
  /** Count a consult automatically the first time a buyer's conversation is opened each day. */
  autoConsult: z.boolean().default(false),
  /** Work shifts (服务统计本 counts per shift); a shift whose end is not after its start runs past midnight. */
  shifts: z.array(ShiftSchema).min(1).max(4).default(DEFAULT_SHIFTS),
  /** Conversions aimed for per day (0 = no goal). */
  dailyGoal: z.number().int().min(0).max(9999).default(0),
  /** Other chat consoles the agent turned the extension on for (match patterns, each with its host permission). */
  enabledSites: z.array(z.string().regex(SITE_PATTERN).max(300)).max(50).default([]),
  /** What the agent taught by pointing (⚙ → 其他网站 → 教一次), per site pattern (`https://host/*`). */
  taughtSites: z.record(z.string().regex(SITE_PATTERN).max(300), TaughtSiteSchema).default({}),
  /** The self-check's misses: site pattern → field → local day → count (kept here only, never sent). */
  fieldMisses: z.record(z.string().max(300), z.record(z.string().max(20), z.record(z.string().max(10), z.number().int().nonnegative()))).default({}),
  /** The payment-chase ladder: minutes after the order was placed (15 min / 24 h / 48 h / 72 h). */
  chaseLadder: z.array(z.number().positive().max(60 * 24 * 30)).min(1).max(8).default(DEFAULT_CHASE_LADDER),
  /** 不再提示: personal allow contexts per guard rule id. */
  guardAllows: z.record(z.string(), z.array(z.string().max(60))).default({}),
  /** How many times the agent sent despite a block-severity hit (仍要发送), per rule id. */
  guardOverrides: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** A buyer waiting this long turns red (seconds; default 3 min, seconds allowed for a try-out). */
  waitLimitSec: z.number().int().min(5).max(3600).default(180),
  /** Notify when a buyer waited past the limit while the console's tab is in the background. */
  waitNotify: z.boolean().default(false),
  /** The shop's synonym table as edited in ⚙ or extended by a team pack; absent = the default table (synonyms.json). */
  synonyms: SynonymTableSchema.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The buyers already counted as a consult on one day (`consultSeen:<day>`, storage/repositories/tally.ts). */
export const ConsultSeenSchema = z.array(z.string().max(400)).max(100_000);

/** The team rules this browser holds (`teamRulesApplied:<set>`, #35): the lead's deletions are those gone from it. */
export const TeamRulesAppliedSchema = z.array(z.string().min(1).max(200)).max(100_000);

/** A team pack the lead last exported here (`teamPackExported`), prefilled in the next export. */
const TeamPackExportedSchema = z.object({ name: z.string().max(80), author: z.string().max(40).optional(), version: z.number().int().positive() }).loose();

/**
 * A settings row refused by today's schemas (by a restore or an upgrade), kept verbatim under
 * `quarantine:<table>:<key>` so nothing is lost and the next backup carries it.
 */
export const QuarantineSchema = z.object({ table: z.string().max(40), row: z.unknown(), reason: z.string().max(400), at: timestamp });
export const QUARANTINE_PREFIX = 'quarantine:';

/**
 * The schema of each settings key family (#30 N10): every Settings field, and the bookkeeping rows. A key of no
 * family known here (a newer feature's) is taken as it is.
 */
const SETTING_FAMILIES: readonly [prefix: string, schema: z.ZodType][] = [
  ['consultSeen:', ConsultSeenSchema],
  ['teamPack:', InstalledPackSchema],
  ['installedPack:', timestamp],
  ['installedRules:', timestamp],
  ['rulesRevision:', z.string().max(200)],
  ['teamRulesApplied:', TeamRulesAppliedSchema],
  [QUARANTINE_PREFIX, QuarantineSchema],
  // How an imported file's groups were put into stages (storage/repositories/phrase-writes.ts).
  ['importGroups:', z.record(z.string().min(1).max(200), z.string().min(1).max(80))],
];

export function settingValueSchema(key: string): z.ZodType | undefined {
  if (Object.hasOwn(SettingsSchema.shape, key)) return SettingsSchema.shape[key as keyof Settings];
  if (key === 'teamPackExported') return TeamPackExportedSchema;
  return SETTING_FAMILIES.find(([prefix]) => key.startsWith(prefix))?.[1];
}

/** How settings are stored: one row per key, so concurrent edits of different keys never clobber each other. */
export const SettingRowSchema = z.object({ key: z.string().min(1).max(400), value: z.unknown() }).superRefine((row, ctx) => {
  const schema = settingValueSchema(row.key);
  if (!schema) return;
  const parsed = schema.safeParse(row.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
  }
});
export type SettingRow = z.infer<typeof SettingRowSchema>;
