import { describe, expect, it } from 'vitest';
import { findSlashTrigger } from '../../../scripts-library/phrases/slash-trigger';

describe('findSlashTrigger', () => {
  it.each([
    ['/', { start: 0, query: '' }],
    ['/kd', { start: 0, query: 'kd' }],
    ['亲/kd', { start: 1, query: 'kd' }],
    ['亲，/快递', { start: 2, query: '快递' }],
    ['好的 /cf24', { start: 3, query: 'cf24' }],
    ['第一行\n/th', { start: 4, query: 'th' }],
  ])('%j triggers', (text, expected) => {
    expect(findSlashTrigger(text, text.length)).toEqual(expected);
  });

  it.each([
    ['no slash', '你好'],
    ['a URL', 'http://a'],
    ['a fraction', '1/2'],
    ['between Latin letters', 'a/b'],
    ['a space after the query', '/kd '],
    ['too long a query', `/${'x'.repeat(21)}`],
  ])('%s does not trigger', (_label, text) => {
    expect(findSlashTrigger(text, text.length)).toBeNull();
  });

  it('looks only before the caret', () => {
    expect(findSlashTrigger('/kd 其余文字', 3)).toEqual({ start: 0, query: 'kd' });
    expect(findSlashTrigger('文字 /kd', 2)).toBeNull();
  });
});
