// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsForm } from '../../components/settings/SettingsForm';
import { SettingsSchema } from '../../scripts-library/schema';

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
