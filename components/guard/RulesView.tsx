import { useMemo, useState, type FormEvent } from 'react';
import { FileButton } from '../shared/FileButton';
import { useRules } from './use-rules';
import { teamRuleEdited } from '../../scripts-library/team/bridge';
import { RuleCategorySchema, type Rule, type RuleCategory, type Severity } from '../../scripts-library/shared/schema';
import { exportRulePack, planRuleImport, readRulePack, type RuleImportPlan } from '../../scripts-library/files/rule-io';
import { t, type MessageKey } from '../shared/i18n';
import { download } from '../shared/download';
import { ConfirmDialog } from '../shared/ConfirmDialog';

type Notify = (text: string, tone: 'ok' | 'warn' | 'error') => void;

const catKey = (c: RuleCategory) => `cat_${c.replace(/-/g, '_')}` as MessageKey;
const sevKey = (s: Severity) => `severity_name_${s}` as MessageKey;

/** View, add, edit, disable (per rule or category), import and export the draft guard's rules. */
export function RulesView({ notify }: { notify: Notify }) {
  const store = useRules();
  const rules = store.rules;
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Rule>();
  const [plan, setPlan] = useState<RuleImportPlan>();
  const groups = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return RuleCategorySchema.options.map((category) => ({
      category,
      all: (rules ?? []).filter((r) => r.category === category),
      shown: (rules ?? []).filter((r) => r.category === category && (!f || r.terms.some((x) => x.toLowerCase().includes(f)))),
    }));
  }, [rules, filter]);

  return (
    <section className="rules" aria-label={t('viewRules')}>
      <RulesToolbar rules={rules} onNew={setEditing} onPlan={setPlan} notify={notify} />
      {plan && (
        <RuleImportPreview
          plan={plan}
          onApply={async () => {
            try {
              notify(t('importDone', String(await store.applyImport(plan))), 'ok');
            } catch (e) {
              notify(t('importFailed', String(e)), 'error');
            }
            setPlan(undefined);
          }}
          onCancel={() => setPlan(undefined)}
        />
      )}
      {editing && (
        <RuleEditor
          rule={editing}
          onCancel={() => setEditing(undefined)}
          onSave={async (r) => {
            await store.save(r);
            setEditing(undefined);
            // A team rule changed by an agent: kept here (团队 · 已改), never sent to the team (#35).
            const agentsTeamEdit = !!r.team && store.teamRole !== 'lead';
            notify(agentsTeamEdit ? t('teamRefusedRuleEdit') : t('saved', r.terms[0] ?? r.id), agentsTeamEdit ? 'warn' : 'ok');
          }}
          // A stored rule may be deleted; a team rule only by the lead (it then leaves every seat at the next sync).
          onDelete={
            rules?.some((r) => r.id === editing.id) && (!editing.team || store.teamRole === 'lead')
              ? async () => {
                  await store.remove(editing.id);
                  setEditing(undefined);
                  notify(t('deleted', editing.terms[0] ?? editing.id), 'ok');
                }
              : undefined
          }
        />
      )}
      <input className="search" type="search" aria-label={t('rulesSearch')} placeholder={t('rulesSearch')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      {groups.map(({ category, all, shown }) => (
        <RuleGroup
          key={category}
          category={category}
          all={all}
          shown={shown}
          open={!!filter}
          onEdit={setEditing}
          setEnabled={(id, on) => void store.setEnabled(id, on)}
          setCategoryEnabled={(on) => void store.setCategoryEnabled(category, on)}
        />
      ))}
    </section>
  );
}

interface GroupProps {
  category: RuleCategory;
  all: Rule[];
  shown: Rule[];
  open: boolean;
  onEdit(rule: Rule): void;
  setEnabled(id: string, on: boolean): void;
  setCategoryEnabled(on: boolean): void;
}

/** One category: its switch (switching off asks first, with the count: #29 item 21, 站外交易 alone is 64 rules), and its rules. */
function RuleGroup({ category, all, shown, open, onEdit, setEnabled, setCategoryEnabled }: GroupProps) {
  const [askOff, setAskOff] = useState(false);
  return (
    <>
      <details className="rule-group" open={open}>
        <summary>
          <label onClick={(e) => e.stopPropagation()}>
            <input
              type="checkbox"
              aria-label={`${t(catKey(category))} ${t('enabled')}`}
              checked={all.length > 0 && all.every((r) => r.enabled)}
              disabled={all.length === 0}
              onChange={(e) => (e.target.checked ? setCategoryEnabled(true) : setAskOff(true))}
            />
            {t(catKey(category))}
          </label>
          <span className="muted">{t('ruleCount', String(all.length))}</span>
        </summary>
        <ul className="rule-list">
          {shown.map((r) => (
            <li key={r.id} className="rule-row" data-rule-id={r.id}>
              <input type="checkbox" aria-label={`${r.terms.join('、') || r.id} ${t('enabled')}`} checked={r.enabled} onChange={(e) => setEnabled(r.id, e.target.checked)} />
              <span className="rule-terms">{r.terms.join('、') || r.id}</span>
              <span className={`sev sev--${r.severity}`}>{t(sevKey(r.severity))}</span>
              {r.team && (
                <span className="phrase__pack" data-pack-edited={teamRuleEdited(r)} title={teamRuleEdited(r) ? t('teamRefusedRuleEdit') : undefined}>
                  {teamRuleEdited(r) ? t('teamPhraseEdited') : t('teamPhrase')}
                </span>
              )}
              {r.quarantine && <span className="rule-quarantine" role="note">{t('ruleQuarantined', r.quarantine)}</span>}
              <button onClick={() => onEdit(r)}>{t('edit')}</button>
            </li>
          ))}
        </ul>
      </details>
      {askOff && (
        <ConfirmDialog
          message={t('ruleCategoryOffAsk', [t(catKey(category)), String(all.length)])}
          confirm={t('ruleCategoryOffConfirm', String(all.length))}
          cancel={t('cancel')}
          onConfirm={() => {
            setAskOff(false);
            setCategoryEnabled(false);
          }}
          onCancel={() => setAskOff(false)}
        />
      )}
    </>
  );
}

/** 新建规则, import a rule pack (read and planned here, previewed above) and export. */
function RulesToolbar({ rules, onNew, onPlan, notify }: { rules: Rule[] | undefined; onNew(r: Rule): void; onPlan(p: RuleImportPlan): void; notify: Notify }) {
  return (
    <div className="toolbar">
      <button
        onClick={() =>
          onNew({ id: `user-rule-${Date.now().toString(36)}`, terms: [], category: 'service-taboo', severity: 'warn', suggestion: '', allow: [], note: '', source: 'user', enabled: true })
        }
      >
        {t('newRule')}
      </button>
      <FileButton
        label={t('importFile')}
        accept=".json,application/json"
        testId="rules-import-file"
        onFile={async (f) => {
          if (!rules) return;
          const read = readRulePack(await f.text());
          if (!read.ok) notify(t('importFailed', read.error), 'error');
          else onPlan(planRuleImport(read.rules, rules));
        }}
      />
      {rules && (
        <button onClick={() => download(`kefu-rules-${new Date().toISOString().slice(0, 10)}.json`, exportRulePack(rules), 'application/json')}>
          {t('exportRules')}
        </button>
      )}
    </div>
  );
}

function RuleImportPreview({ plan, onApply, onCancel }: { plan: RuleImportPlan; onApply(): Promise<void>; onCancel(): void }) {
  return (
    <div className="dialog" role="dialog" data-testid="rules-import-preview">
      <strong>{t('rulesImportPreview', [String(plan.added.length), String(plan.updated.length), String(plan.duplicates.length), String(plan.invalid.length)])}</strong>
      {plan.invalid.length > 0 && (
        <ul className="problems">
          {plan.invalid.map((r) => (
            <li key={r.index}>{t('rulesImportRow', [String(r.index), r.reason])}</li>
          ))}
        </ul>
      )}
      <div className="dialog__actions">
        <button disabled={!plan.added.length && !plan.updated.length} onClick={() => void onApply()}>
          {plan.invalid.length ? t('importApplySkipping') : t('importApply')}
        </button>
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </div>
  );
}

function RuleEditor({ rule, onSave, onCancel, onDelete }: { rule: Rule; onSave(r: Rule): Promise<void>; onCancel(): void; onDelete?(): Promise<void> }) {
  const [draft, setDraft] = useState({
    ...rule,
    termsText: rule.terms.join('\n'),
    allowText: rule.allow.join('|'),
    nearText: (rule.cleanNear ?? []).join('|'),
    groupsText: (rule.near ?? []).map((g) => g.join('|')).join('\n'),
    replacementText: rule.replacement ?? '',
  });
  const [error, setError] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = draftToRule(draft);
    if (!saved) return setError(true);
    await onSave(saved);
  };
  return (
    <form className="dialog" aria-label={t('ruleEditorTitle')} onSubmit={submit}>
      <strong>{t('ruleEditorTitle')}</strong>
      <label className="field">
        <span>{t('fieldCategory')}</span>
        <select value={draft.category} onChange={(e) => setDraft((d) => ({ ...d, category: e.target.value as RuleCategory }))}>
          {RuleCategorySchema.options.map((c) => (
            <option key={c} value={c}>{t(catKey(c))}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fieldSeverity')}</span>
        <select value={draft.severity} onChange={(e) => setDraft((d) => ({ ...d, severity: e.target.value as Severity }))}>
          {(['block', 'warn', 'hint'] as const).map((s) => (
            <option key={s} value={s}>{t(sevKey(s))}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fieldTerms')}</span>
        <textarea rows={3} value={draft.termsText} onChange={(e) => setDraft((d) => ({ ...d, termsText: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('fieldNearGroups')}</span>
        <textarea rows={2} value={draft.groupsText} placeholder={t('fieldNearGroupsHint')} onChange={(e) => setDraft((d) => ({ ...d, groupsText: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('fieldSuggestion')}</span>
        <input value={draft.suggestion} onChange={(e) => setDraft((d) => ({ ...d, suggestion: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('fieldAllow')}</span>
        <input value={draft.allowText} onChange={(e) => setDraft((d) => ({ ...d, allowText: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('fieldReplacement')}</span>
        <input value={draft.replacementText} maxLength={40} onChange={(e) => setDraft((d) => ({ ...d, replacementText: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('fieldCleanNear')}</span>
        <input value={draft.nearText} onChange={(e) => setDraft((d) => ({ ...d, nearText: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('fieldNote')}</span>
        <input value={draft.note} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} />
      </label>
      {error && <p className="error" role="alert">{t('ruleInvalid')}</p>}
      <div className="dialog__actions">
        <button type="submit">{t('save')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
        {onDelete && <button type="button" onClick={() => void onDelete()}>{t('delete')}</button>}
      </div>
    </form>
  );
}

type RuleDraft = Rule & { termsText: string; allowText: string; nearText: string; groupsText: string; replacementText: string };

/**
 * The editor's texts as a rule: terms one per line; allowed contexts and 附近出现则放行 words separated by |; near
 * groups one per line, their words separated by | (two or three groups, or none). Undefined when the rule would
 * match nothing (no terms, patterns or near groups).
 */
function draftToRule({ termsText, allowText, nearText, groupsText, replacementText, ...rest }: RuleDraft): Rule | undefined {
  const list = (text: string) => text.split('|').map((x) => x.trim()).filter(Boolean);
  const terms = termsText.split(/\n/).map((x) => x.trim()).filter(Boolean);
  const groups = groupsText.split(/\n/).map(list).filter((g) => g.length);
  if (groups.length === 1 || groups.length > 3) return undefined;
  if (!terms.length && !rest.patterns?.length && !groups.length) return undefined;
  const near = list(nearText);
  const { cleanNear: _clean, replacement: _replacement, near: _groups, ...base } = rest;
  return {
    ...base,
    terms,
    allow: list(allowText),
    ...(groups.length ? { near: groups } : {}),
    ...(near.length ? { cleanNear: near } : {}),
    ...(replacementText.trim() ? { replacement: replacementText.trim() } : {}),
  };
}
