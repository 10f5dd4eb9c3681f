/**
 * The draft guard's messages: each edit's check, 替换 / 改写此句, 不再提示 and 仍要发送. Owns the guard's state in
 * the worker: the stored rules it follows, their compiled form (revived from the guard cache on a wake) and the
 * allows they were compiled with. Reads no phrase: a wake for a check must not start reading the library.
 */
import { liveQuery } from 'dexie';
import type { KefuDB } from '../../storage/db';
import { readGuardAllows, readRules } from '../../storage/repositories/guard-reads';
import { compiledFor, checkWithCompiled } from '../../scripts-library/guard/check';
import { looksCompiled, reviveCompiled, rulesKey } from '../../scripts-library/guard/compiled-form';
import { createGuardCache, type GuardCache } from '../../storage/guard-cache';
import { intentNote, judgeWith, type Judge } from '../../scripts-library/guard/verdict';
import { planRewrite } from '../../scripts-library/guard/rewrite';
import type { Rule, Settings } from '../../scripts-library/shared/schema';
import type { GuardHit, GuardRewriteReply } from '../../scripts-library/shared/protocol';
import { effectiveRules, judgeAllows } from '../../scripts-library/guard/effective-rules';
import type { Handlers } from './messages';
import { reviveOrKeepJudge, type ShippedGuard } from './guard-model';

type GuardCheck = (text: string, site?: string) => Promise<GuardHit[]>;

/** The guard's messages its checker answers (the worker's core); 不再提示 and 仍要发送 are guard-settings.ts's. */
export type GuardMessage = 'guard/check' | 'guard/rewrite';

/**
 * `db`: the database, or its opening (the worker's core opens it as stored); `shipped`: the shipped model and
 * default rules, read only when nothing is kept (the worker: its extension files); `kept`: where the compiled rules
 * and the model's reader are kept between wakes (default: the guard cache's own IndexedDB database).
 */
export function guardHandlers(db: KefuDB | Promise<KefuDB>, shipped: ShippedGuard, kept: GuardCache = createGuardCache()): Handlers<GuardMessage> {
  const check = createGuardChecker(Promise.resolve(db), shipped, kept);
  return {
    // `site`: the console's adapter id, whose platform's own names and features are no other channel.
    'guard/check': (m) => check(m.text, m.site),
    'guard/rewrite': (m) => rewrite(check, m.text, m.hit, m.hits),
  };
}

/**
 * The guard as the chat page's checks run it: the agent's rule set (edited, disabled, imported in the panel;
 * the defaults until it is installed) with their 不再提示 allows, compiled again only when either changed, and the
 * intent model after them (judge.ts).
 */
function createGuardChecker(opened: Promise<KefuDB>, shipped: ShippedGuard, kept: GuardCache): GuardCheck {
  // The compiled form is read while the rules are: its key is theirs, known once they are read.
  kept.warm?.();
  let stored: Rule[] | undefined;
  // The first check waits for the stored rules: a worker just woken must not answer with the defaults.
  let read: () => void = () => {};
  const firstRead = new Promise<void>((resolve) => (read = resolve));
  let reads = 0;
  followRules(opened, (rows) => {
    stored = rows.length ? rows : undefined;
    read();
    // Rules changed while the worker is awake (the panel's edit, the install's defaults): their compiled form is
    // made and kept now, so the next wake's first check revives it instead of compiling.
    if (reads++) setTimeout(() => void prepare().catch(() => {}), 0); // the next check makes it, or says why not
  });
  const prepare = async () => current(stored ?? (await shipped.defaultRules()), await opened.then(readGuardAllows));
  // The model's reader from the last wake, read while the settings and rules are (guard-model.ts). A failure is
  // tried again at the next check, never answered with a guess.
  let model: Promise<Judge> | undefined;
  const judge = () =>
    (model ??= reviveOrKeepJudge(kept, shipped).catch((e: unknown) => {
      model = undefined;
      throw e;
    }));
  let rules: { base: readonly Rule[]; key: string; rules: readonly Rule[]; notes: Map<string, string>; ready: Promise<void> } | undefined;
  /** The rules in effect with these allows, compiled form revived or made (and kept) when either changed. */
  const current = (base: readonly Rule[], guardAllows: Settings['guardAllows']) => {
    const key = JSON.stringify(guardAllows);
    if (!rules || key !== rules.key || base !== rules.base) {
      const effective = effectiveRules(base, guardAllows);
      // The rules' notes by id, made once per rule set rather than on every keystroke's check.
      rules = { base, key, rules: effective, notes: new Map(base.map((r) => [r.id, r.note])), ready: reviveOrKeep(kept, effective) };
    }
    return rules;
  };
  // The first check's steps, as marks on the worker's clock (read by tests/tools/wake-profile.mjs).
  let marked = false;
  const mark = (name: string) => marked || performance.mark(`kefu:guard-${name}`);
  void firstRead.then(() => mark('rules-read'));
  void judge().then(
    () => mark('model'),
    () => {},
  );
  return async (text, site) => {
    mark('asked');
    const [guardAllows, , reader] = await Promise.all([opened.then(readGuardAllows), firstRead, judge()]);
    mark('settings');
    // No rule stored (not installed yet, or every rule deleted): the bundled defaults, read from the shipped file.
    const now = current(stored ?? (await shipped.defaultRules()), guardAllows);
    await now.ready;
    mark('compiled');
    const { notes } = now;
    // A model hit keeps its confidence: the badge offers no 不再提示 on a sure 辱骂 guess.
    const judged = judgeWith(reader, text, now.rules, { allows: judgeAllows(guardAllows), ...(site ? { site } : {}) });
    mark('judged');
    marked = true;
    return judged.map((h) => ({
      ...h,
      note: h.confidence === undefined ? (notes.get(h.ruleId) ?? '') : intentNote(h.confidence),
    }));
  };
}

/** Calls `onRows` with the stored rules, then after each committed change of them; with none when they cannot be read. */
function followRules(opened: Promise<KefuDB>, onRows: (rows: Rule[]) => void): void {
  const unread = (e: unknown) => {
    console.warn('[kefu] rule subscription', e);
    onRows([]);
  };
  opened.then((db) => liveQuery(() => readRules(db)).subscribe({ next: onRows, error: unread }), unread);
}

/**
 * The compiled form of these rules from the last wake when it was kept under their key (compiled-form.ts), else
 * compiled now and kept for the next wake (written after this check is answered).
 */
async function reviveOrKeep(kept: GuardCache, rules: readonly Rule[]): Promise<void> {
  const key = rulesKey(rules);
  const form = await kept.get(key);
  if (looksCompiled(form)) return checkWithCompiled(rules, reviveCompiled(form));
  performance.mark('kefu:guard-none-kept'); // this wake compiles the rules (read by tests/tools/wake-profile.mjs)
  setTimeout(() => void kept.put(key, compiledFor(rules)), 0);
}

/** 替换 / 改写此句 planned and re-checked by the same guard the page's checks use (rewrite.ts planRewrite); null when the hit has none. */
async function rewrite(check: GuardCheck, text: string, hit: GuardHit, hits: GuardHit[]): Promise<GuardRewriteReply> {
  const plan = await planRewrite(text, hit, hits, check);
  return plan ? { start: plan.start, end: plan.end, text: plan.text, kind: plan.kind, result: plan.result, remaining: plan.remaining.map((h) => ({ ...h, note: '' })) } : null;
}
