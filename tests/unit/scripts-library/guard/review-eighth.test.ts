/**
 * #31, task gfix8 (eighth session): the bypasses the guard review found in the clause reader (clause-roles.ts). A
 * decline excuses only a hit whose own act it names; a hand-over to anyone (告知, 报给, 打到…卡上, 转到, 交给) is active;
 * the act handed to a colleague (店长, 老板, 同事…) is not covered by "客服不加 / 我们不做"; "发给我们不会有问题" is a
 * hand-over, not a decline. Each group holds the reviewer's drafts and wordings written for this test; none is a corpus
 * draft. Main held every one of them (必改).
 */
import { describe, expect, it } from 'vitest';
import { held } from '../../../helpers/guard-verdicts';

const groups: Record<string, string[]> = {
  'R1. a decline of one thing does not excuse a request for another': [
    '我们不会要您的密码，方便告知一下刚收到的验证码吗',
    '我们不会问您要钱，您方便告知一下支付宝密码吗',
    '我们不会乱用，您把卡号和验证码都告知一下',
    '密码我们用不上，验证码报给店长',
    '我们从来不要密码，这次麻烦您把支付密码告知店长',
    '我们不收现金，尾款打到老板娘的卡上',
    // written for this test
    '我们不会要您的身份证，麻烦告知一下收到的验证码',
    '密码我们用不到，验证码报给财务就行',
    '我们不收现金，尾款转到店长的银行卡上',
  ],
  'R2. the act handed to a colleague': [
    '老板说了，加他私人微信的话价格能再商量，我们客服是不加的',
    '我们不收现金，您方便加店长微信吗',
    '我们客服没有微信，老板的微信您可以加，店铺首页就有',
    '我们不收定金，货款直接转店长的微信',
    '客服这边不方便收款，您扫一下店长的收款码付',
    '您是要加微信吗？我们客服不加，老板加',
    '您是要私下交易吗？我们客服不做，店长做',
    '本店不做好评返现，评价后店长私下会联系您',
    '好评返现我们不做，五星好评截图给店长，有惊喜',
    '客服不做返现，好评截图私发店长，返现照旧',
    '我们不会拿钱换评价，差评删了的话老板会私下表示',
    // written for this test
    '您是要加QQ吗？客服不加，主管加',
    '我们客服不收定金，货款打到财务的银行卡上',
    '好评返现客服不做，晒图截图私发老板，红包照旧',
  ],
  'R3. "发给我们不会有问题" hands it over; 这次 / 另说 / 倒是 / 照旧 / 其实 turn': [
    '验证码发给我们不会有问题的',
    // written for this test
    '银行卡号发给我们不会有事的',
    '验证码告诉我们不会有风险的',
  ],
};

for (const [name, drafts] of Object.entries(groups)) {
  describe(name, () => {
    it.each(drafts)('「%s」 is held', (draft) => {
      expect(held(draft)).toBe(true);
    });
  });
}

describe('innocent replies held on main too (N1): a negation before the hand-over declines it', () => {
  it.each(['身份证照片您不用拍给我，平台实名认证就行', '差评不用删，我们会认真改进', '身份证照片不用发给客服，平台认证就可以', '差评不用撤，您如实评价就好'])(
    '「%s」 is not held',
    (draft) => {
      expect(held(draft)).toBe(false);
    },
  );
  it.each(['验证码不用发给客服，您念出来我记一下', '差评不用删，改成好评给您补10元'])('「%s」 is still held (the next clause asks or pays)', (draft) => {
    expect(held(draft)).toBe(true);
  });
});

describe('innocent replies held on main too (N1 rest, N3), not closed', () => {
  it.todo('验证码不用发给客服哈，您自己在页面输入就可以 — the clause reader now reads it as declined, but a bare 验证码 hit (privacy-142) is held past refusalScope elsewhere; not traced before the deadline');
  it.todo('别人给您打电话说退款要验证码，直接挂掉 / 刷单的人会说给您返佣金，您别信 — an act whose subject is 别人 / 有人 reported: the reader takes the first actor only and the offer in OFFERS still counts');
});
