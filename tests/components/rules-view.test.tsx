// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { DEFAULT_RULES } from '../../scripts-library/guard';
import { saveSettings } from '../../storage/repositories/settings';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
  await screen.findByText('主动招呼');
});

async function openRules() {
  await userEvent.click(screen.getByRole('tab', { name: '规则' }));
  // The default rules are installed when the view opens: wait until they are listed.
  await waitFor(() => expect(screen.getByLabelText('辱骂 启用')).toBeChecked());
}

describe('rules view', () => {
  it('lists the default rules by category; a category and a single rule can be disabled', async () => {
    await openRules();
    expect(await db.rules.count()).toBe(DEFAULT_RULES.length);
    await userEvent.click(screen.getByLabelText('辱骂 启用'));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: /^关闭 \d+ 条$/ })); // asked first (#29 item 21)
    await waitFor(async () => expect((await db.rules.where('category').equals('abuse').toArray()).every((r) => !r.enabled)).toBe(true));
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索规则词' }), '加微信');
    const row = (await screen.findAllByText('加微信'))[0]!.closest('li')!;
    await userEvent.click(within(row).getByRole('checkbox'));
    await waitFor(async () => expect((await db.rules.filter((r) => r.terms.includes('加微信')).first())?.enabled).toBe(false));
  });

  /** The agent adds a 必须修改 rule for one term in the 规则 tab, then goes back to 短语. */
  async function addBlockRuleFor(term: string) {
    await openRules();
    await userEvent.click(screen.getByRole('button', { name: '新建规则' }));
    const form = screen.getByRole('form', { name: '编辑规则' });
    await userEvent.selectOptions(within(form).getByLabelText('级别'), '必须修改');
    await userEvent.type(within(form).getByLabelText(/^词语（每行一个/), term);
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await db.rules.filter((r) => r.terms.includes(term)).count()).toBe(1));
    await userEvent.click(screen.getByRole('tab', { name: '短语' }));
  }

  it('adds a rule of the agent\'s own, which then flags library phrases', async () => {
    await addBlockRuleFor('有货');
    const row = (await screen.findByText('有货')).closest('li')!;
    expect(within(row).getByLabelText('含必须修改的用语：有货')).toBeInTheDocument();
  });

  it('a personal allow (不再提示 in a chat page) also clears the flag the panel shows on a library phrase', async () => {
    await addBlockRuleFor('有货');
    const row = async () => (await screen.findByText('有货')).closest('li')!;
    expect(within(await row()).getByLabelText('含必须修改的用语：有货')).toBeInTheDocument();
    const rule = (await db.rules.filter((r) => r.terms.includes('有货')).first())!;
    await saveSettings(db, { guardAllows: { [rule.id]: ['有货'] } }); // what the background stores for 不再提示
    await waitFor(async () => expect(within(await row()).queryByLabelText('含必须修改的用语：有货')).toBeNull());
  });

  it('imports a rule pack all or nothing, with a preview', async () => {
    await openRules();
    const pack = {
      format: 'kefu-rule-pack',
      version: 1,
      id: 'mine',
      name: 'mine',
      rules: [
        { id: 'mine-1', terms: ['亲爱滴'], category: 'service-taboo', severity: 'hint' },
        { id: 'mine-2', terms: [], category: 'abuse', severity: 'block' },
      ],
    };
    await userEvent.upload(screen.getByTestId('rules-import-file'), new File([JSON.stringify(pack)], 'rules.json'));
    const preview = await screen.findByTestId('rules-import-preview');
    expect(preview).toHaveTextContent('新增 1 · 更新 0 · 重复 0 · 无效 1');
    expect(preview).toHaveTextContent('第 2 条');
    await userEvent.click(within(preview).getByRole('button', { name: '跳过无效行，导入其余' }));
    await waitFor(async () => expect(await db.rules.get('mine-1')).toMatchObject({ terms: ['亲爱滴'], enabled: true }));
    const before = await db.rules.count();
    await userEvent.upload(screen.getByTestId('rules-import-file'), new File(['{"format":"kefu-rule-pack","rules":[{'], 'cut.json'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('导入失败'));
    expect(await db.rules.count()).toBe(before);
  });
});

describe('rule patterns that could freeze the guard (#30 N8)', () => {
  it('an imported pack with (\\d\\d?)+x says why, in Chinese, before anything is written', async () => {
    await openRules();
    const pack = { format: 'kefu-rule-pack', version: 1, id: 'p', name: 'p', rules: [{ id: 'slow', patterns: ['(\\d\\d?)+x'], category: 'privacy', severity: 'block' }] };
    await userEvent.upload(screen.getByTestId('rules-import-file'), new File([JSON.stringify(pack)], 'rules.json'));
    const preview = await screen.findByTestId('rules-import-preview');
    expect(preview).toHaveTextContent('无效 1');
    expect(preview).toHaveTextContent('长消息会让检查卡死');
  });

  it('a quarantined rule is listed switched off, with the reason', async () => {
    await openRules();
    await db.rules.put({ id: 'q', terms: ['慢'], patterns: [], quarantinedPatterns: ['.*.*.*='], quarantine: '规则式 .*.*.*= 已停用：两个不限次数的重复紧挨着', category: 'abuse', severity: 'block', suggestion: '', allow: [], note: '', source: 'user', enabled: false });
    const row = (await screen.findByText('慢')).closest('li')!;
    expect(within(row).getByRole('checkbox')).not.toBeChecked();
    expect(within(row).getByRole('note')).toHaveTextContent('已隔离停用：规则式 .*.*.*= 已停用');
  });
});

describe('library flags', () => {
  it('default phrases are not flagged', async () => {
    expect(document.querySelector('[data-flag]')).toBeNull();
  });
});

describe('near rules in the editor', () => {
  it('adds a rule of words that go together, refuses a single group, and edits one from the pack keeping its groups', async () => {
    await openRules();
    await userEvent.click(screen.getByRole('button', { name: '新建规则' }));
    let form = screen.getByRole('form', { name: '编辑规则' });
    const groups = within(form).getByLabelText(/^一起出现的词组/);
    await userEvent.type(groups, '退钱');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('两到三组');
    await userEvent.type(groups, '{Enter}私下|微信');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await db.rules.filter((r) => JSON.stringify(r.near) === JSON.stringify([['退钱'], ['私下', '微信']])).count()).toBe(1));

    const row = document.querySelector<HTMLElement>('[data-rule-id="intent-pay-off-platform"]')!;
    await userEvent.click(within(row).getByRole('button', { name: '编辑' }));
    form = screen.getByRole('form', { name: '编辑规则' });
    // One line a group, its words joined by |, as the pack has them.
    const packRule = DEFAULT_RULES.find((r) => r.id === 'intent-pay-off-platform')!;
    expect(within(form).getByLabelText(/^一起出现的词组/)).toHaveValue(packRule.near!.map((g) => g.join('|')).join('\n'));
    expect((within(form).getByLabelText(/^一起出现的词组/) as HTMLTextAreaElement).value).toMatch(/^转账\|转给我\|打款.*\n我\|银行卡/);
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await db.rules.get('intent-pay-off-platform'))?.near?.length).toBe(2));
    expect((await db.rules.get('intent-pay-off-platform'))?.nearOrdered).toBeUndefined();
    expect((await db.rules.get('intent-pay-off-platform'))?.nearWithin).toBe(4);
  });
});
