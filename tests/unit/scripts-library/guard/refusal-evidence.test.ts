/**
 * A refusal or warning elsewhere in the sentence never excuses evidence or a request (found in review after the
 * merge of the structural refusal scope, 2026-12-07): a grouped phone or card number, an e-mail, a handle after the
 * contact word, an everyday 别急 / 没事 / 不差钱 that negates nothing, an insult about third parties.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';
import { held } from '../../../helpers/guard-verdicts';

const flagged = (draft: string) => judgeDraft(draft).filter((h) => h.severity !== 'hint').length > 0;

describe('evidence after a refusal', () => {
  it.each(['平台不让留电话打138 0000 1111', '平台不让转账打到卡6222-0202-1111-2222-339', '平台不让私下联系打我138 0000 1111', '淘宝不让留邮箱kefu@qq.com', '别在平台说了微信号xiaomei', '我们不用淘宝聊加v：kf_66'])(
    'holds 「%s」',
    (draft) => expect(held(draft)).toBe(true),
  );
});

describe('everyday negations negate nothing', () => {
  it.each(['我们不收手续费支付宝转账就可以', '我们不开发票银行转账到公司账户', '别急发一下银行卡密码', '没事客服需要您的验证码', '不用怕发张身份证照片过来', '别忘了给个好评返5元红包', '我们不差钱好评返现10元', '千万别忘了加微信领红包', '别客气加个微信吧', '我们不怕平台查加个微信'])(
    'flags 「%s」',
    (draft) => expect(flagged(draft)).toBe(true),
  );
});

describe('insults about third parties', () => {
  it.each(['那些打电话来催的都是傻逼', '再打电话来的一律是傻逼'])('flags 「%s」', (draft) => expect(flagged(draft)).toBe(true));
});

describe('the shop\'s refusals still go', () => {
  it.each(['本店从不刷单，也不找人刷单', '平台规定不能站外交易，所以没法给您发微信', '我们的退款不需要您提供任何验证码、银行卡号', '您问能不能直接微信转账，这个真的不行哦'])(
    'does not hold 「%s」',
    (draft) => expect(held(draft)).toBe(false),
  );
});
