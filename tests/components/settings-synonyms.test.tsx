// @vitest-environment happy-dom
/** #32 item 4: the synonym table in ⚙, one row a line (words → equivalents); a bad line is named and nothing is lost. */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsForm } from '../../components/settings/SettingsForm';
import { SettingsSchema, type Settings } from '../../scripts-library/shared/schema';
import { DEFAULT_SYNONYMS } from '../../scripts-library/search/search-words';

const box = () => screen.getByLabelText(/同义词/) as HTMLTextAreaElement;
const setText = (text: string) => fireEvent.change(box(), { target: { value: text } });

describe('settings: the synonym table', () => {
  it('shows the default table, one row a line, and saving without touching it keeps following the default', async () => {
    const onSave = vi.fn(async (_: Partial<Settings>) => {});
    render(<SettingsForm settings={SettingsSchema.parse({})} onSave={onSave} onClose={() => {}} />);
    expect(box().value.split('\n')).toHaveLength(DEFAULT_SYNONYMS.length);
    expect(box().value).toContain('机洗/水洗');
    expect(box().value).toContain('→ 尺码+缺货/缺码/缺货');
    await userEvent.click(screen.getByText('保存'));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).not.toHaveProperty('synonyms');
  });

  it('saves an edited table', async () => {
    const onSave = vi.fn(async (_: Partial<Settings>) => {});
    render(<SettingsForm settings={SettingsSchema.parse({})} onSave={onSave} onClose={() => {}} />);
    setText('小样/试用装 → 赠品\n断码 → 尺码+缺货/缺货\n\n');
    await userEvent.click(screen.getByText('保存'));
    expect(onSave.mock.calls[0]![0].synonyms).toEqual([
      { words: ['小样', '试用装'], means: ['赠品'] },
      { words: ['断码'], means: ['尺码 缺货', '缺货'] },
    ]);
  });

  it('a line without → or with a word too long is named in Chinese; nothing is saved and the text stays as typed', async () => {
    const onSave = vi.fn(async (_: Partial<Settings>) => {});
    const onClose = vi.fn();
    render(<SettingsForm settings={SettingsSchema.parse({})} onSave={onSave} onClose={onClose} />);
    const typed = '小样 → 赠品\n顺丰中通';
    setText(typed);
    await userEvent.click(screen.getByText('保存'));
    expect(screen.getByText(/第 2 行/)).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(box().value).toBe(typed);
    setText(`小样 → ${'赠'.repeat(21)}`);
    await userEvent.click(screen.getByText('保存'));
    expect(screen.getByText(/第 1 行/)).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
  });
});
