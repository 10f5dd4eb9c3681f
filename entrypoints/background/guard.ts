/**
 * The draft guard's messages: each edit's check, 替换 / 改写此句, 不再提示 and 仍要发送. Owns the guard's state in
 * the worker: the stored rules it follows, their compiled form (revived from the guard cache on a wake) and the
 * allows they were compiled with. Reads no phrase: a wake for a check must not start reading the library.
 */
import { compiledFor, checkWithCompiled } from '../../scripts-library/guard/check';
import { keptCompiled, looksCompiled, reviveCompiled, rulesKey } from '../../scripts-library/guard/compiled-form';
import { createGuardCache, type GuardCache } from '../../storage/guard-cache';
import type { GuardSource } from '../../storage/guard-source';
import type { GuardReads } from '../../storage/repositories/guard-reads';
import { intentNote, judgeWith, type Judge } from '../../scripts-library/guard/verdict';
import { planRewrite } from '../../scripts-library/guard/rewrite';
import type { Rule, Settings } from '../../scripts-library/shared/schema';
import type { GuardHit, GuardRewriteReply } from '../../scripts-library/shared/protocol';
import { effectiveRules, judgeAllows } from '../../scripts-library/guard/effective-rules';
import type { Handlers } from './messages';
import { reviveOrKeepJudge, type ShippedGuard } from './guard-model';

type GuardCheck = (text: string, site?: string) => Promise<GuardHit[]>;

/**
 * The guard's messages its checker answers: guard/check and guard/prepare in the worker's core, guard/rewrite in the
 * rest of the background (with these same handlers); 不再提示 and 仍要发送 are guard-settings.ts's.
 */
export type GuardMessage = 'guard/check' | 'guard/rewrite' | 'guard/prepare';

/**
 * `source`: where the rules and allows are read and their changes heard (storage/guard-source.ts); `shipped`: the
 * shipped model and default rules, read only when nothing is kept (the worker: its extension files); `kept`: where
 * the compiled rules and the model's reader are kept between wakes (default: the guard cache's own database).
 */
export function guardHandlers(source: GuardSource, shipped: ShippedGuard, kept: GuardCache = createGuardCache()): Handlers<GuardMessage> {
  const { check, prepare } = createGuardChecker(source, shipped, kept);
  return {
    // `site`: the console's adapter id, whose platform's own names and features are no other channel.
    'guard/check': (m) => check(m.text, m.site),
    'guard/rewrite': (m) => rewrite(check, m.text, m.hit, m.hits),
    'guard/prepare': async () => {
      await prepare(true);
      return { ok: true };
    },
  };
}

type CurrentRules = { base: readonly Rule[]; key: string; rules: readonly Rule[]; notes: Map<string, string>; ready: Promise<void> };

/**
 * The stored rules (undefined: none stored, the defaults apply) and the allows, as a check needs them: the rules
 * read again only after a write touched them (`source.onWritten`), the allows at every check (one row). The first
 * read starts at once, rules and allows in one transaction, so a woken worker reads them while its first message
 * is on its way; a check never answers with rules older than the last write it was told of.
 */
function followStored(source: GuardSource, onChange: () => void) {
  let stale = true;
  let stored: Rule[] | undefined;
  let seq = 0;
  let applied = 0;
  /** The latest rules read on its way (another check's, or the re-read after a write): every check waits for it. */
  let rulesRead: Promise<unknown> = Promise.resolve();
  const load = (withRules: boolean): Promise<GuardReads> => {
    if (withRules) stale = false;
    const mine = ++seq;
    const read = source.read(withRules).then(
      (reads) => {
        if (reads.rules && mine > applied) {
          applied = mine;
          stored = reads.rules.length ? reads.rules : undefined;
        }
        return reads;
      },
      (e: unknown) => {
        if (withRules) stale = true; // read again at the next check, never answered from the last rules
        throw e;
      },
    );
    if (withRules) rulesRead = read.catch(() => undefined);
    return read;
  };
  let first: Promise<GuardReads> | undefined = load(true);
  source.onWritten((rules) => {
    if (rules) stale = true;
    onChange();
  });
  return {
    first: first.then(() => undefined),
    /** The allows now, and the rules as last read (read again first when a write touched them). */
    async now(rulesToo = false): Promise<{ stored: readonly Rule[] | undefined; guardAllows: Settings['guardAllows'] }> {
      const reads = first && !stale && !rulesToo ? first : load(stale || rulesToo);
      first = undefined;
      const { guardAllows } = await reads;
      // `stored` is what the last rules read said only once that read has landed; a read that failed (or a write
      // heard meanwhile) is read again here, and a failure throws (the badge fails closed).
      await rulesRead;
      if (stale) await load(true);
      return { stored, guardAllows };
    },
  };
}

/**
 * The guard as the chat page's checks run it: the agent's rule set (edited, disabled, imported in the panel;
 * the defaults until it is installed) with their 不再提示 allows, compiled again only when either changed, and the
 * intent model after them (judge.ts).
 */
function createGuardChecker(source: GuardSource, shipped: ShippedGuard, kept: GuardCache): { check: GuardCheck; prepare: (rulesToo: boolean) => Promise<void> } {
  // The kept compiled form and model are read while the rules are: their keys are known once the rules are read.
  kept.warm?.();
  // Rules or allows changed while the worker is awake (the panel's edit, the install's defaults, 不再提示): their
  // compiled form is made and kept now, so the next wake's first check revives it instead of compiling.
  const stored = followStored(source, () => void setTimeout(() => void prepare(false).catch(() => {}), 0));
  const rulesNow = async (rulesToo = false) => {
    const { stored: rows, guardAllows } = await stored.now(rulesToo);
    return { now: current(rows ?? (await shipped.defaultRules()), guardAllows), guardAllows };
  };
  const prepare = async (rulesToo: boolean) => void (await (await rulesNow(rulesToo)).now.ready);
  // The model's reader from the last wake (guard-model.ts). A failure is tried again at the next check, never
  // answered with a guess.
  let model: Promise<Judge> | undefined;
  const judge = () =>
    (model ??= reviveOrKeepJudge(kept, shipped).catch((e: unknown) => {
      model = undefined;
      throw e;
    }));
  let rules: CurrentRules | undefined;
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
  void stored.first.then(() => mark('rules-read'), () => {});
  void judge().then(
    () => mark('model'),
    () => {},
  );
  const check: GuardCheck = async (text, site) => {
    mark('asked');
    const [{ now, guardAllows }, reader] = await Promise.all([rulesNow(), judge()]);
    mark('settings');
    await now.ready;
    mark('compiled');
    // A model hit keeps its confidence: the badge offers no 不再提示 on a sure 辱骂 guess.
    const judged = judgeWith(reader, text, now.rules, { allows: judgeAllows(guardAllows), ...(site ? { site } : {}) });
    mark('judged');
    marked = true;
    return judged.map((h) => ({
      ...h,
      note: h.confidence === undefined ? (now.notes.get(h.ruleId) ?? '') : intentNote(h.confidence),
    }));
  };
  return { check, prepare };
}

/**
 * The compiled form of these rules from the last wake when it was kept under their key (compiled-form.ts), else
 * compiled now and kept for the next wake (written after this check is answered).
 */
async function reviveOrKeep(kept: GuardCache, rules: readonly Rule[]): Promise<void> {
  const key = await rulesKey(rules);
  const form = await kept.get(key);
  if (looksCompiled(form)) return checkWithCompiled(rules, reviveCompiled(form));
  performance.mark('kefu:guard-none-kept'); // this wake compiles the rules (read by tests/tools/wake-profile.mjs)
  setTimeout(() => void kept.put(key, keptCompiled(compiledFor(rules))), 0);
}

/** 替换 / 改写此句 planned and re-checked by the same guard the page's checks use (rewrite.ts planRewrite); null when the hit has none. */
async function rewrite(check: GuardCheck, text: string, hit: GuardHit, hits: GuardHit[]): Promise<GuardRewriteReply> {
  const plan = await planRewrite(text, hit, hits, check);
  return plan ? { start: plan.start, end: plan.end, text: plan.text, kind: plan.kind, result: plan.result, remaining: plan.remaining.map((h) => ({ ...h, note: '' })) } : null;
}
