import { describe, expect, it } from 'vitest';
import { checkDraft, DEFAULT_RULES } from '../../../../scripts-library/guard';
import phrasePack from '../../../../scripts-library/packs/default.json';

const hitsOf = (draft: string) => checkDraft(draft).map((h) => [h.text, h.category, h.severity]);

describe('checkDraft: every category', () => {
  it.each([
    ['service taboo', '亲，我不知道这个', '我不知道', 'service-taboo', 'warn'],
    ['seed taboo', '我是新来的，不太会', '我是新来的', 'service-taboo', 'warn'],
    ['off-platform', '亲可以加微信聊', '加微信', 'off-platform', 'block'],
    ['review inducement', '好评返现5元哦', '好评返现', 'review-inducement', 'block'],
    ['abuse', '你是神经病吧', '神经病', 'abuse', 'block'],
    ['absolute claim', '我们是全网最低价', '全网最低', 'absolute-claim', 'warn'],
    ['false promise', '明天一定到的亲', '一定到', 'false-promise', 'warn'],
    ['privacy', '把支付密码发我', '支付密码', 'privacy', 'block'],
  ])('%s: %s', (_label, draft, text, category, severity) => {
    expect(hitsOf(draft)).toContainEqual([text, category, severity]);
  });
});

describe('evasions are caught, with offsets in the original draft', () => {
  it.each([
    ['vx', '加我vx吧', '加我vx'],
    ['V信', '有事V信联系', 'V信'],
    ['威信', '加威信', '威信'],
    ['薇信', '薇信：abc', '薇信'],
    ['spaced', '加 微 信 吧', '加 微 信'],
    ['zero-width', '加微\u200b信', '加微\u200b信'],
    ['emoji between', '加微❤信', '加微❤信'],
    ['full-width', '联系ＶＸ：abc', 'ＶＸ'],
    ['astral emoji between', '加😊微😊信', '加😊微😊信'],
    ['a byte-order mark inside', '加\ufeff微信', '加\ufeff微信'],
    ['after a character NFKC expands', '㎏加微信', '加微信'],
    ['扣扣', '扣扣号多少', '扣扣'],
    ['QQ', '留个QQ吧', 'QQ'],
    ['traditional script', '我不確定這個', '我不確定'],
    ['traditional off-platform', '加微信轉賬', '加微信'],
    ['a phone number with spaces', '打 138 0013 8000 找我', '138 0013 8000'],
    ['an ID-card number', '身份 11010519491231002X 对吗', '11010519491231002X'],
    ['a bank-card number (Luhn-valid)', '卡号6222020200112233446', '6222020200112233446'],
  ])('%s: %s', (_label, draft, text) => {
    const hits = checkDraft(draft);
    expect(hits.map((h) => h.text)).toContain(text);
    for (const h of hits) expect(draft.slice(h.start, h.end)).toBe(h.text);
  });

  it('leftmost-longest: the more specific rule wins', () => {
    expect(checkDraft('加我微信').map((h) => [h.text, h.severity])).toEqual([['加我微信', 'block']]);
    expect(checkDraft('我不知道').map((h) => h.text)).toEqual(['我不知道']);
  });
});

describe('false positives stay quiet', () => {
  it.each([
    '最近天气冷，多穿点',
    '最后一件了亲',
    '最多三天就到',
    '这是您第一次购买吗',
    '我们会第一时间为您处理',
    '如果图片看不清楚可以再发一次',
    '不知道亲平时穿多大码呢',
    '如有不清楚的地方随时找我',
    '小朋友都爱吃QQ糖',
    '页面可以滚动查看详情',
    '赠送一卷垃圾袋',
    '型号是VX520',
    '京东快递也可以发',
    '100%纯棉面料',
    '最佳食用期12个月',
    '订单号1234567890',
  ])('%s', (draft) => {
    expect(checkDraft(draft).filter((h) => h.severity !== 'hint')).toEqual([]);
  });
});

describe('rules', () => {
  it('every term of every rule is caught in a plain sentence, and every allow context silences it', () => {
    for (const rule of DEFAULT_RULES) {
      for (const term of rule.terms) {
        const hits = checkDraft(`你好，${term}。`);
        expect(hits.length, `${rule.id} ${term}`).toBeGreaterThan(0);
      }
      for (const allow of rule.allow) {
        expect(checkDraft(`你好，${allow}。`).filter((h) => h.ruleId === rule.id), `${rule.id} allow ${allow}`).toEqual([]);
      }
    }
  });

  it('a disabled rule is silent', () => {
    const rules = DEFAULT_RULES.map((r) => (r.category === 'abuse' ? { ...r, enabled: false } : r));
    expect(checkDraft('你是神经病吧', rules)).toEqual([]);
  });
});

describe('the default phrase library teaches no taboo wording', () => {
  it.each(phrasePack.phrases.map((p) => [p.id, p.body] as const))('%s', (_id, body) => {
    expect(checkDraft(body).filter((h) => h.severity !== 'hint').map((h) => `${h.text} (${h.ruleId})`)).toEqual([]);
  });
});
