// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsForm } from '../../components/settings/SettingsForm';
import { SettingsSchema } from '../../scripts-library/shared/schema';

describe('settings: remembered fill-ins', () => {
  it('shows what is remembered (the courier suggestion, how many buyers) and clears it', async () => {
    const settings = SettingsSchema.parse({
      placeholderMemory: { 快递公司: '顺丰' },
      orderMemory: { 'demo|A': { values: { 运单号: 'SF1' }, at: 1 }, 'demo|B': { values: { 金额: '88' }, at: 2 } },
    });
    const onSave = vi.fn(async () => {});
    render(<SettingsForm settings={settings} onSave={onSave} onClose={() => {}} />);
    expect(screen.getByText('建议值：快递公司 顺丰')).toBeInTheDocument();
    expect(screen.getByText(/2 位买家的订单信息/)).toBeInTheDocument();
    await userEvent.click(screen.getByText('清除记住的内容'));
    expect(onSave).toHaveBeenCalledWith({ placeholderMemory: {}, orderMemory: {} });
    expect(await screen.findByText('已清除记住的填写内容')).toBeInTheDocument();
  });

  it('says so when nothing is remembered', () => {
    render(<SettingsForm settings={SettingsSchema.parse({})} onSave={async () => {}} onClose={() => {}} />);
    expect(screen.getByText('还没有记住的内容')).toBeInTheDocument();
  });
});

describe('settings: the shop facts the default phrases read', () => {
  it('saves the cut-off time and delivery times, and shows the service hours the shifts give as they are edited', async () => {
    const onSave = vi.fn(async () => {});
    render(<SettingsForm settings={SettingsSchema.parse({})} onSave={onSave} onClose={() => {}} />);
    expect(screen.getByText('服务时间（来自班次）：09:00-22:30')).toBeInTheDocument();
    const cutoff = screen.getByLabelText('截单时间（之前付款当天发）');
    expect(cutoff).toHaveValue('16:00');
    await userEvent.clear(cutoff);
    await userEvent.type(cutoff, '17:30');
    await userEvent.clear(screen.getByLabelText('快递时效（按地区）'));
    await userEvent.type(screen.getByLabelText('快递时效（按地区）'), '全国3-5天');
    const end = screen.getByLabelText('晚班结束');
    await userEvent.clear(end);
    await userEvent.type(end, '23:00');
    expect(screen.getByText('服务时间（来自班次）：09:00-23:00')).toBeInTheDocument();
    await userEvent.click(screen.getByText('保存'));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ cutoffTime: '17:30', transitTime: '全国3-5天' }));
  });
});
