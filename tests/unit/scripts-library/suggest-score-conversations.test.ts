/** score.ts's scoring of a conversation file (the lead runs it once on intents-heldout8.tsv), on a small file of ours. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readConversations, scoreConversations, scoreSuggestions } from '../../fixtures/buyer-messages/score';

const dir = join(__dirname, '../../fixtures/buyer-messages');
const conversations = join(dir, 'conversations-sample.tsv');
const single = join(dir, 'single-sample.tsv');

describe('scoreConversations', () => {
  it('reads the turns of each conversation, agents\' rows included, in order', () => {
    const rows = readConversations('# c\nc01\tbuyer\tsize\tproduct-size-ask\t-\t怎么选码\nc01\tagent\t-\t-\t-\t身高体重多少\tnote\nc02\tbuyer\tgreet\t-\t-\t在吗\n');
    expect(rows.map((r) => [r.conv, r.from, r.text])).toEqual([['c01', 'buyer', '怎么选码'], ['c01', 'agent', '身高体重多少\tnote'], ['c02', 'buyer', '在吗']]);
    expect([...rows[0]!.ok]).toEqual(['product-size-ask']);
    expect(rows[1]!.ok.size).toBe(0);
  });

  it('scores only the buyer rows, each with the chat before it: 好的谢谢 after 我已经拍了 is no 仅咨询 farewell', () => {
    const s = scoreConversations(conversations);
    expect(s.messages).toBe(7);
    expect(s.falseFirst).toBe(0);
    expect(s.wrong.map((w) => w.first)).not.toContain('farewell-consulted');
    // The bare 没有了 after the agent's 还有其他可以帮您的吗 closes the chat: suggested, and acceptable.
    expect(s.wrong.map((w) => w.message)).not.toContain('没有了');
  });

  it('the same messages without the chat: the false farewell comes back, and the bare 没有了 abstains', () => {
    const alone = scoreConversations(single);
    expect(alone.messages).toBe(7);
    expect(alone.wrong).toContainEqual({ message: '好的谢谢', first: 'farewell-consulted', bad: true });
    const chat = scoreConversations(conversations);
    expect(alone.suggested).toBeLessThan(chat.suggested);
    expect(alone.falseFirst).toBeGreaterThan(0);
  });

  it('a single-message file scores as scoreSuggestions does (old rounds stay comparable)', () => {
    const { wrong: a, ...s } = scoreConversations(single);
    const { wrong: b, ...t } = scoreSuggestions(single);
    expect(s).toEqual(t);
    expect(a).toEqual(b);
  });
});
