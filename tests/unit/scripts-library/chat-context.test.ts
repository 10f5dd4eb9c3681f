/** #32, eighth round: what the conversation so far says, and the suggestions read with it. */
import { describe, expect, it } from 'vitest';
import { chatFacts, followUpOf, quotesShop, type Turn } from '../../../scripts-library/suggest/chat-context';
import { suggestFor } from '../../../scripts-library/suggest/suggest';
import { defaultPhrases } from '../../fixtures/buyer-messages/score';

const buyer = (text: string): Turn => ({ from: 'buyer', text });
const agent = (text: string): Turn => ({ from: 'agent', text });
const first = (message: string, history: Turn[]) => {
  const got = suggestFor(message, defaultPhrases(), [], { history });
  return { id: got.items[0]?.kind === 'phrase' ? got.items[0].phrase.id : undefined, sure: got.sure };
};

describe('chatFacts', () => {
  it('reads an order, a payment, goods received and after-sales from the buyer, and a promise to notify from the agent', () => {
    expect([...chatFacts([buyer('我已经拍了')])]).toEqual(['ordered']);
    expect(chatFacts([buyer('付款了哈')])).toEqual(new Set(['paid', 'ordered']));
    expect(chatFacts([buyer('衣服收到了 有点大')]).has('received')).toBe(true);
    expect(chatFacts([buyer('我想退货')]).has('after-sales')).toBe(true);
    expect(chatFacts([agent('亲，到货后我第一时间通知您')]).has('notify-promised')).toBe(true);
    expect(chatFacts([buyer('160 90斤穿什么码')]).has('measured')).toBe(true);
  });

  it('not a word after a negation, nor a buyer asking to be told', () => {
    expect(chatFacts([buyer('还没付 等会')]).has('paid')).toBe(false);
    expect(chatFacts([buyer('还没收到货')]).has('received')).toBe(false);
    expect(chatFacts([buyer('有货了通知我')]).has('notify-promised')).toBe(false);
  });
});

describe('follow-ups and quotes of the shop', () => {
  it('a follow-up points back at the earlier ask', () => {
    expect(followUpOf('我刚才问的那个呢', [buyer('这个可以机洗吗'), agent('亲稍等'), buyer('？')])).toBe('这个可以机洗吗');
    expect(followUpOf('可以机洗吗', [buyer('在吗')])).toBeUndefined();
  });
  it('a buyer quoting what the shop said is a dispute', () => {
    expect(quotesShop('你昨天说这个是纯棉的，怎么详情页写的是65%棉')).toBe(true);
    expect(quotesShop('前天你说白色的明天到货 今天有了吗')).toBe(true);
    expect(quotesShop('你前天说给我留一张20的券 在哪领')).toBe(true);
    expect(quotesShop('这个是纯棉的吗')).toBe(false);
    expect(quotesShop('你说这个颜色好看吗')).toBe(false);
  });
});

describe('suggestFor with the conversation', () => {
  it('好的谢谢 after 我已经拍了 does not lead with the 仅咨询 farewell; without the chat it does', () => {
    expect(first('好的谢谢', [])).toEqual({ id: 'farewell-consulted', sure: true });
    expect(first('好的谢谢', [buyer('我已经拍了'), agent('好的亲，我们会尽快为您安排发货')]).id).not.toBe('farewell-consulted');
  });

  it('the shipping-delay apology does not lead once the parcel is on its way; 包邮说明 not in after-sales', () => {
    expect(first('都五天了还没到 怎么回事 一直不动', [buyer('我的快递到哪了'), agent('亲，已经发货了，在路上')]).id).not.toMatch(/^followup-late-shipping/);
    expect(first('运费呢', [buyer('衣服小了 想换大一码'), agent('亲，可以换的')]).id).not.toBe('pricing-free-shipping');
  });

  it('a pre-sale return question is no after-sales: 包邮吗 after 能退吗 is answered as before', () => {
    expect(first('包邮吗', [buyer('不合适能退吗'), agent('亲，支持七天无理由')]).id).toBe(first('包邮吗', []).id);
  });

  it('a quote of the shop is never sure', () => {
    expect(first('你昨天说这个是纯棉的，怎么详情页写的是65%棉', [buyer('这个什么面料'), agent('亲，是纯棉的哦')]).sure).toBe(false);
  });

  it('询问尺码 does not lead once the buyer gave height and weight', () => {
    const got = first('那穿什么码', [buyer('我165 110斤'), agent('亲稍等')]);
    expect(got.id).not.toBe('product-size-ask');
  });

  it('a bare 没有了 to the agent\'s 还有其他需要吗 closes the chat; after other words it stays unsure', () => {
    expect(first('没有了', [buyer('什么时候发货'), agent('亲，付款后48小时内发货，请问还有其他可以帮您的吗？')])).toMatchObject({ sure: true });
    expect(first('没有了', [buyer('有没有优惠券'), agent('亲，店铺首页可以领券哦')]).sure).toBe(false);
  });

  it('the closing after an order is not the 仅咨询 farewell', () => {
    const got = first('没有了', [buyer('我拍好了'), agent('好的亲，还有其他可以帮您的吗？')]);
    expect(got.id).not.toBe('farewell-consulted');
  });
});

describe('review 8b: the closing and the follow-up read only when the chat says so', () => {
  const anyElse = [buyer('这个有黑色吗'), agent('有的亲'), agent('亲还有其他需要吗')];
  it.each(['是的', '对的', '可以', '怎么办', '什么意思', '然后呢', '还有呢', '不是', '嗯'])('%s to 还有其他需要吗 is no sure closing', (m) => {
    expect(first(m, anyElse).sure).toBe(false);
  });
  it('an agent turn that only holds 还有别的 / 其他问题 is no 还有其他需要吗', () => {
    for (const m of ['好的', '可以', '嗯', '好']) expect(first(m, [buyer('这个有黑色吗'), agent('有的亲，这款还有别的颜色，给您发图看看？')]).sure).toBe(false);
    expect(first('好的', [buyer('快递怎么还没到'), agent('亲，其他问题我先帮您查一下物流')]).sure).toBe(false);
  });
  it('explicit closers to the question at the end of the agent\'s turn still close', () => {
    for (const m of ['没有了', '不用了', '没事了', '就这些', '没别的了']) expect(first(m, anyElse).sure).toBe(true);
  });

  it('a follow-up is sure only for an ask no agent answered; never with a negation, never for 那个呢', () => {
    expect(first('那个呢', [buyer('这件衣服有S码吗'), agent('有的亲')]).sure).toBe(false);
    expect(first('这个呢', [buyer('这件有S码吗'), agent('有的亲')]).sure).toBe(false);
    expect(first('我问的不是这个', [buyer('这个可以机洗吗'), agent('亲，可以手洗的')]).sure).toBe(false);
    expect(first('刚才说的不对吧', [buyer('这个可以机洗吗'), agent('亲，可以机洗的')]).sure).toBe(false);
    expect(followUpOf('我刚才问的呢', [buyer('今天下单什么时候发货'), agent('亲，今天下单明天发')])).toBeUndefined();
    expect(followUpOf('我刚才问的呢', [buyer('今天下单什么时候发货'), agent('亲稍等'), buyer('？')])).toBe('今天下单什么时候发货');
  });
});

describe('review 8b: chat-fact words read only where they say the fact', () => {
  it('物流 alone is no order: 你们发什么物流 leaves the ship-time answer sure; the buyer\'s own 物流 still reads', () => {
    expect(chatFacts([buyer('你们发什么物流')]).size).toBe(0);
    expect(first('一般几天发货', [buyer('你们发什么物流')])).toEqual(first('一般几天发货', []));
    expect(chatFacts([buyer('我的物流一直不动')]).has('shipped')).toBe(true);
    expect(chatFacts([buyer('物流显示到了')]).has('ordered')).toBe(true);
    expect(chatFacts([buyer('物流三天没更新了')]).has('shipped')).toBe(true);
  });
  it('拍的 / 买了 in a wish, a condition or a 吗 question is no order; said of the buyer\'s own it is', () => {
    for (const m of ['算了不想买了', '不买了', '如果拍的话几天能到', '要是买了不合适呢', '买了不合适能退吗', '拍的时候怎么选颜色']) expect(chatFacts([buyer(m)]).has('ordered')).toBe(false);
    expect(first('好的谢谢', [buyer('买了不合适能退吗'), agent('支持七天无理由')]).id).toBe('farewell-consulted');
    for (const m of ['昨天买了一件', '我拍的那件什么时候发', '刚买了两条']) expect(chatFacts([buyer(m)]).has('ordered')).toBe(true);
  });
  it('到货了 before 通知 / 告诉 / 提醒 asks to be told; 到货了 of the parcel is received', () => {
    expect(chatFacts([buyer('到货了通知我一下')]).has('received')).toBe(false);
    expect(chatFacts([buyer('到货了告诉我')]).has('received')).toBe(false);
    expect(first('多久能发货', [buyer('到货了通知我一下'), agent('好的亲')])).toEqual(first('多久能发货', []));
    expect(chatFacts([buyer('到货了 有点大')]).has('received')).toBe(true);
  });
});

describe('review 8b: a lead guard\'s words after a negation', () => {
  it('不买了 谢谢 is no thanks for an order; 拍了 谢谢 is', () => {
    for (const m of ['不买了 谢谢', '不想买了 谢谢', '还没拍 谢谢']) expect(first(m, [])).not.toEqual({ id: 'farewell-bought', sure: true });
    expect(first('拍了 谢谢', [])).toEqual({ id: 'farewell-bought', sure: true });
  });
});
describe('review 8b: 有没有 asks either way', () => {
  it('有没有搭配的包包推荐 is asked of 搭配: the 搭配 answer leads', () => {
    expect(first('有没有搭配的包包推荐', []).id).toBe('product-recommend');
  });
});
