// #30 N9: a database upgraded with rows the old code allowed exports a backup that restores.
import { afterEach, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { KefuDB } from '../../../storage/db';
import { exportBackup, parseBackup } from '../../../storage/backup';

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

it('an upgrade sets aside the rows today\'s schemas refuse, keeps them verbatim, and the next backup restores whole', async () => {
  const name = `quarantine-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const old = new KefuDB(name, 6);
  const longAnswer = '答'.repeat(2500);
  await old.table('notes').bulkAdd([
    { id: 'problem|1', kind: 'problem', text: '', question: '能开发票吗', answer: longAnswer, status: 'answered', createdAt: 1, updatedAt: 1 },
    { id: 'problem|2', kind: 'problem', text: '', question: '包邮吗', answer: '满99包邮', status: 'answered', createdAt: 1, updatedAt: 1 },
  ]);
  await old.table('rules').bulkAdd([
    { id: 'team-1', terms: [], patterns: ['^(a+)+$'], category: 'privacy', severity: 'warn', suggestion: '', allow: [], note: '', source: '', enabled: true },
    { id: 'team-2', terms: ['加我'], category: 'off-platform', severity: 'block', suggestion: '', allow: [], note: '', source: '', enabled: true },
  ]);
  await old.table('settings').bulkAdd([{ key: 'consultSeen:2026-12-06', value: 'oops' }, { key: 'shopName', value: '小美服饰' }]);
  old.close();

  const db = new KefuDB(name);
  await db.open();
  try {
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['problem|2']);
    expect((await db.rules.toArray()).map((r) => r.id)).toEqual(['team-2']);
    const aside = await db.settings.where('key').startsWith('quarantine:').toArray();
    expect(aside.map((r) => r.key).sort()).toEqual(['quarantine:notes:problem|1', 'quarantine:rules:team-1', 'quarantine:settings:consultSeen:2026-12-06']);
    expect((aside.find((r) => r.key === 'quarantine:notes:problem|1')!.value as { row: { answer: string } }).row.answer).toBe(longAnswer);
    expect(await db.settings.get('shopName')).toEqual({ key: 'shopName', value: '小美服饰' });
    expect(parseBackup(await exportBackup(db))).toMatchObject({ ok: true, rejected: [] });
  } finally {
    db.close();
  }
});
