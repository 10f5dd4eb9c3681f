// @vitest-environment happy-dom
/** The first-run card does not take the focus from a field the agent is already typing in. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Onboarding } from '../../components/settings/Onboarding';
import { SettingsSchema } from '../../scripts-library/shared/schema';

const settings = SettingsSchema.parse({});
afterEach(() => document.body.querySelectorAll('textarea').forEach((t) => t.remove()));

describe('the first-run card', () => {
  it('takes the focus when nothing is being typed', () => {
    render(<Onboarding settings={settings} onSave={vi.fn()} />);
    expect(screen.getByLabelText('店铺名')).toHaveFocus();
  });

  it('takes it from the empty search box the panel focused by itself', () => {
    const search = document.createElement('input');
    search.type = 'search';
    document.body.append(search);
    search.focus();
    render(<Onboarding settings={settings} onSave={vi.fn()} />);
    expect(screen.getByLabelText('店铺名')).toHaveFocus();
    search.remove();
  });

  it('leaves the focus where the agent put the caret, even before the first keystroke', async () => {
    const note = document.createElement('textarea');
    document.body.append(note);
    note.focus();
    render(<Onboarding settings={settings} onSave={vi.fn()} />);
    await userEvent.keyboard('穿M码');
    expect(note).toHaveValue('穿M码');
  });

  it('leaves the focus, and the keystrokes, where the agent is typing when it appears', async () => {
    const note = document.createElement('textarea');
    document.body.append(note);
    note.focus();
    await userEvent.type(note, '穿M码');
    render(<Onboarding settings={settings} onSave={vi.fn()} />);
    await userEvent.keyboard('，地址改到公司');
    expect(note).toHaveValue('穿M码，地址改到公司');
    expect(screen.getByLabelText('店铺名')).toHaveValue('');
  });
});
