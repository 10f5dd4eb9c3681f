// @vitest-environment happy-dom
/** Team rules in the 规则 tab (#35): marked 团队; an agent's change is kept here as 团队 · 已改 and the agent is told why. */
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { saveTeamConfig } from '../../storage/repositories/team-config';
import { ensureDefaultRules } from '../../storage/repositories/rules';
import { teamRuleHash, teamRuleEdited } from '../../scripts-library/team/bridge';
import { teamPackId } from '../../scripts-library/team/team-config';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  await ensureDefaultRules(db);
  // a team rule as the sync writes it (server at an address nothing answers: no sync, the rows only)
  const rule = (await db.rules.filter((r) => r.terms.includes('加微信')).first())!;
  await db.rules.put({ ...rule, team: { id: teamPackId('shop1'), hash: teamRuleHash(rule) } });
  await saveTeamConfig(db, { team: 'shop1', role: 'agent', agent: 'xiaomei', server: 'http://127.0.0.1:9', token: `kft_${'a'.repeat(32)}`, joinedAt: 1 });
  render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
  await screen.findByText('主动招呼');
});

it("an agent's change of a team rule stays here as 团队 · 已改, and the agent is told only the lead changes team rules", async () => {
  await userEvent.click(screen.getByRole('tab', { name: '规则' }));
  await userEvent.type(await screen.findByRole('searchbox', { name: '搜索规则词' }), '加微信');
  const row = async () => (await screen.findAllByText('加微信'))[0]!.closest('li')!;
  expect(within(await row()).getByText('团队')).toBeInTheDocument();
  await userEvent.click(within(await row()).getByRole('button', { name: '编辑' }));
  const form = screen.getByRole('form', { name: '编辑规则' });
  await userEvent.selectOptions(within(form).getByLabelText('级别'), '提示');
  await userEvent.click(within(form).getByRole('button', { name: '保存' }));
  expect(await screen.findByText('团队规则只有组长能改，已保留为你的本地修改')).toBeInTheDocument();
  await waitFor(async () => expect(within(await row()).getByText('团队 · 已改')).toBeInTheDocument());
  const stored = (await db.rules.filter((r) => r.terms.includes('加微信')).first())!;
  expect(stored.severity).toBe('hint');
  expect(teamRuleEdited(stored)).toBe(true);
});

it('the lead deletes a team rule in its editor; an agent is offered no 删除 for a team rule', async () => {
  await userEvent.click(screen.getByRole('tab', { name: '规则' }));
  await userEvent.type(await screen.findByRole('searchbox', { name: '搜索规则词' }), '加微信');
  const row = async () => (await screen.findAllByText('加微信'))[0]!.closest('li')!;
  await userEvent.click(within(await row()).getByRole('button', { name: '编辑' }));
  expect(within(screen.getByRole('form', { name: '编辑规则' })).queryByRole('button', { name: '删除' })).toBeNull();
  await userEvent.click(within(screen.getByRole('form', { name: '编辑规则' })).getByRole('button', { name: '取消' }));

  await saveTeamConfig(db, { team: 'shop1', role: 'lead', agent: 'zhang', server: 'http://127.0.0.1:9', token: `kft_${'b'.repeat(32)}`, joinedAt: 1 });
  const id = (await db.rules.filter((r) => r.terms.includes('加微信')).first())!.id;
  await waitFor(async () => {
    await userEvent.click(within(await row()).getByRole('button', { name: '编辑' }));
    expect(within(screen.getByRole('form', { name: '编辑规则' })).getByRole('button', { name: '删除' })).toBeInTheDocument();
  });
  await userEvent.click(within(screen.getByRole('form', { name: '编辑规则' })).getByRole('button', { name: '删除' }));
  expect(await screen.findByText('已删除：加微信')).toBeInTheDocument();
  expect(await db.rules.get(id)).toBeUndefined();
});
