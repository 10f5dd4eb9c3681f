// @vitest-environment happy-dom
/**
 * #29 item 17: 新建短语 / 存为短语 file the phrase under the stage its own words point to, or the stage the agent
 * picked, never under the stage the buyer's message hinted (a 尺码 phrase into 物流).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import type { Served } from '../../scripts-library/shared/served-tab';
import { stageForNewPhrase } from '../../scripts-library/phrases/phrase-stage';

const freshDb = freshDbPerTest();
let db: KefuDB;
const SIZE = '亲，这款尺码偏小，建议拍大一码';
const served: Served = {
  state: 'chat',
  tab: { tabId: 12, windowId: 1, seenAt: 1, status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' }, lastBuyerMessage: '咋还不发货' } },
};

describe('stageForNewPhrase', () => {
  const stages = [{ id: 'greeting' }, { id: 'product' }, { id: 'logistics' }];
  it('the agent’s pick, else the stage of the words, else the first stage', () => {
    expect(stageForNewPhrase(SIZE, stages, 'logistics')).toBe('logistics');
    expect(stageForNewPhrase(SIZE, stages)).toBe('product');
    expect(stageForNewPhrase('', stages)).toBe('greeting');
    expect(stageForNewPhrase(SIZE, stages, 'gone')).toBe('product');
  });
});

describe('the stage of a new phrase in the panel', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    db = freshDb();
    render(<SidePanel db={db} served={served} insert={vi.fn<InsertFn>()} readDraft={() => Promise.resolve(SIZE)} />);
    await screen.findByText('主动招呼', {}, { timeout: 5000 }).catch(() => undefined);
    expect(await screen.findByRole('tab', { name: /物流/, selected: true })).toBeInTheDocument(); // the buyer's hint
    await userEvent.click(screen.getByRole('button', { name: '管理' })); // the library tools are inside 管理
  });

  it('新建短语 does not start in the hinted stage and follows the words typed', async () => {
    await userEvent.click(screen.getByRole('button', { name: '新建短语' }));
    const form = screen.getByRole('form', { name: '编辑短语' });
    expect(within(form).getByLabelText('阶段')).not.toHaveDisplayValue('物流');
    await userEvent.type(within(form).getByLabelText('内容'), SIZE);
    expect(within(form).getByLabelText('阶段')).toHaveDisplayValue('商品导购');
  });

  it('存为短语 files the reply box’s words by what they say', async () => {
    await userEvent.click(screen.getByRole('button', { name: '存为短语' }));
    const form = await screen.findByRole('form', { name: '编辑短语' });
    expect(within(form).getByLabelText('阶段')).toHaveDisplayValue('商品导购');
  });

  it('a stage the agent picked holds, whatever is typed', async () => {
    await userEvent.click(screen.getByRole('tab', { name: /售后/ }));
    await userEvent.click(screen.getByRole('button', { name: '新建短语' }));
    const form = screen.getByRole('form', { name: '编辑短语' });
    await userEvent.type(within(form).getByLabelText('内容'), SIZE);
    expect(within(form).getByLabelText('阶段')).toHaveDisplayValue('售后');
  });
});
