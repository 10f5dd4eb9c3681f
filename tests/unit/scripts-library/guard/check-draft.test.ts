import { describe, expect, it } from 'vitest';
import { checkDraft, DEFAULT_RULES } from '../../../../scripts-library/guard';
import phrasePack from '../../../../scripts-library/packs/default.json';
import { RuleSchema, SettingsSchema, type Rule } from '../../../../scripts-library/shared/schema';
import { fieldSpecs, fillPlaceholders, placeholderValues } from '../../../../scripts-library/phrases/placeholders';

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
  // Every wording (body and variants), as written and as the buyer gets it with a fresh install's settings.
  const values = { ...placeholderValues(SettingsSchema.parse({ shopName: '小美服饰', agentName: '小王' }), '阿强'), 快递公司: '中通', 运单号: '75312345678901', 金额: '99' };
  const wordings = phrasePack.phrases.flatMap((p) => [p.body, ...((p as { variants?: string[] }).variants ?? [])].map((w, i) => [`${p.id}${i ? ` (variant ${i})` : ''}`, w] as const));
  it.each(wordings)('%s', (_id, wording) => {
    const own = Object.fromEntries([...fieldSpecs(wording)].map(([name, spec]) => [name, spec.options?.[0] ?? spec.fallback ?? '']));
    const filled = fillPlaceholders(wording, { ...values, ...own }).text;
    expect(filled).not.toMatch(/[{}]/);
    for (const text of [wording, filled]) expect(checkDraft(text).filter((h) => h.severity !== 'hint').map((h) => `${h.text} (${h.ruleId})`)).toEqual([]);
  });
});

describe('near rules: an intent as words that go together', () => {
  const rule = (over: Partial<Rule>): Rule =>
    RuleSchema.parse({ id: 'pay', terms: [], category: 'off-platform', severity: 'block', near: [['转账', '打款'], ['银行卡', '支付宝']], nearWithin: 6, ...over });

  it('catches one word of each group in the same clause, in either order, and the hit spans both', () => {
    const rules = [rule({})];
    expect(checkDraft('您先转账到我支付宝', rules).map((h) => h.text)).toEqual(['转账到我支付宝']);
    expect(checkDraft('支付宝直接打款就行', rules).map((h) => h.text)).toEqual(['支付宝直接打款']);
  });

  it('not across a sentence, nor further apart than its distance', () => {
    const rules = [rule({})];
    expect(checkDraft('不用转账。支付宝付款在结算页选', rules)).toEqual([]);
    expect(checkDraft('转账的事情我们以后再说吧支付宝', rules)).toEqual([]);
  });

  it('an ordered rule needs its groups in order: 加 … 我, never 我帮您加急', () => {
    const addMe = [RuleSchema.parse({ id: 'add', terms: [], category: 'off-platform', severity: 'block', near: [['加'], ['我']], nearWithin: 3, nearOrdered: true })];
    expect(checkDraft('加一下我，上新通知您', addMe).map((h) => h.text)).toEqual(['加一下我']);
    expect(checkDraft('这单我帮您加急了', addMe)).toEqual([]);
  });

  it('rules that share a word each find their own hit (a word is one pattern however many rules hold it)', () => {
    const rules = [
      rule({ id: 'pay', near: [['转账'], ['我']], nearWithin: 4, category: 'off-platform' }),
      rule({ id: 'card', near: [['我'], ['银行卡']], nearWithin: 4, category: 'privacy' }),
      rule({ id: 'phone', near: [['我', '我们'], ['电话']], nearWithin: 4, category: 'off-platform' }),
    ];
    expect(checkDraft('转账给我；我的银行卡；我们电话说', rules).map((h) => [h.ruleId, h.text])).toEqual([
      ['pay', '转账给我'],
      ['card', '我的银行卡'],
      ['phone', '我们电话'],
    ]);
  });

  it('takes in the rule\'s further words right after the hit, so 替换 rewrites all of them', () => {
    const rules = [rule({ near: [['打到', '转'], ['我', '银行卡']], nearWithin: 4 })];
    expect(checkDraft('钱打到我银行卡上', rules).map((h) => h.text)).toEqual(['打到我银行卡']);
  });

  // Paraphrases the default pack's near rules catch, by the category each must be held under.
  const PARAPHRASES = {
    'off-platform': ['您先转账，我马上发货', '拉您进VIP群，有内部价', '我们有个会员群，拉您进去', '我们电话联系吧', '钱打我银行卡上'],
    'review-inducement': ['补单的亲，拍下不用付款我发货', '把评价删了，我给您补偿'],
    'false-promise': ['穿了一定瘦', '后天保证送到'],
    'service-taboo': ['说了没有就是没有', '下班了，有事明天再说'],
    privacy: ['把手机收到的验证码发我一下'],
    abuse: ['你是不是神经'],
  };
  it.each(Object.entries(PARAPHRASES).flatMap(([category, drafts]) => drafts.map((d) => ({ category, d }))))('the default pack: $d → $category', ({ category, d }) => {
    expect(checkDraft(d).some((h) => h.category === category && h.severity !== 'hint')).toBe(true);
  });
});

describe('what the words around a hit say', () => {
  it.each([
    ['a 不 right before it', '我们店不刷单也不做好评返现'],
    ['不用 before a transfer', '不用转账，直接在订单里付款就行'],
    ['a polite question to the buyer', '不知道这个尺码合不合适您'],
    ['a condition, not a refusal', '没办法及时回复的话请见谅，我们尽快'],
    ['a fibre content', '羊毛含量100%'],
    ['a question about the buyer, asked in the next clause', '不清楚您家宝宝多高，方便说一下吗'],
    ['saying which shops are not ours', '别的平台的店都不是我们的'],
    ['a price that cannot change, with an offer', '这个价没办法再便宜了，给您送个小礼物'],
    ['the platform itself on JD', '京东结算时可以用白条'],
    ['a milk brand', 'QQ星儿童奶有货'],
    ['a medical word', '这款按摩仪能缓解神经痛'],
  ])('%s leaves the draft alone: %s', (_label, draft) => {
    expect(checkDraft(draft).filter((h) => h.severity !== 'hint')).toEqual([]);
  });

  it('a question is no negation: 差评能不能删一下 still asks for the removal', () => {
    expect(checkDraft('差评能不能删一下，给您补偿').some((h) => h.severity === 'block')).toBe(true);
  });
});
