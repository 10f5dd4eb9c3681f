// @vitest-environment happy-dom
// ⚙ settings: each field's own error next to it (#30 m4); the 催付 ladder in human units (#29 item 21).
import { expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsForm } from '../../components/settings/SettingsForm';
import { SettingsSchema } from '../../scripts-library/shared/schema';

const ladderField = () => screen.getByLabelText('催付提醒（拍下后多久提醒）');

it('shows the 催付 ladder in hours and minutes, and reads it back typed that way', async () => {
  const onSave = vi.fn(async () => {});
  render(<SettingsForm settings={SettingsSchema.parse({})} onSave={onSave} onClose={() => {}} />);
  expect(ladderField()).toHaveValue('15 分钟, 24 小时, 48 小时, 72 小时');
  await userEvent.clear(ladderField());
  await userEvent.type(ladderField(), '30分钟, 12小时, 2天');
  await userEvent.click(screen.getByText('保存'));
  expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ chaseLadder: [30, 720, 2880] }));
});

it('an invalid ladder is named next to the ladder field, not blamed on 店铺名 or 客服名', async () => {
  const onSave = vi.fn(async () => {});
  render(<SettingsForm settings={SettingsSchema.parse({})} onSave={onSave} onClose={() => {}} />);
  await userEvent.clear(ladderField());
  await userEvent.type(ladderField(), '15分钟, 31天');
  await userEvent.click(screen.getByText('保存'));
  expect(onSave).not.toHaveBeenCalled();
  expect(ladderField()).toHaveAttribute('aria-invalid', 'true');
  expect(ladderField()).toHaveAccessibleDescription(expect.stringContaining('30 天'));
  expect(screen.queryByText(/店铺名|客服名/, { selector: '.error' })).toBeNull();
  expect(screen.getByLabelText('店铺名')).not.toHaveAttribute('aria-invalid', 'true');
});

it('an empty shift time is named at that shift, and nothing is saved', async () => {
  const onSave = vi.fn(async () => {});
  render(<SettingsForm settings={SettingsSchema.parse({})} onSave={onSave} onClose={() => {}} />);
  const end = screen.getByLabelText('晚班结束');
  await userEvent.clear(end);
  await userEvent.click(screen.getByText('保存'));
  expect(onSave).not.toHaveBeenCalled();
  expect(end).toHaveAttribute('aria-invalid', 'true');
  expect(end).toHaveAccessibleDescription(expect.stringContaining('晚班'));
  expect(screen.queryByText(/店铺名|客服名/, { selector: '.error' })).toBeNull();
});
