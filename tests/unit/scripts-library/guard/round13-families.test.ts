/**
 * Round 13's rule families (tests/tools/round13-rules.mjs, task gtune, sixth session): evidence of an act aimed at the
 * buyer — a code asked for by what it looks like, money to the agent's own account, a shop elsewhere — and
 * compensation or effects promised outright; the everyday words around them pass. Wordings written for this test.
 */
import { describe, expect, it } from 'vitest';
import { worst } from '../../../helpers/guard-verdicts';


describe('round 13 families', () => {
  it.each([
    ['那串数字复制给我一下，我帮您操作', 'block'],
    ['把收到的短信截图给我', 'block'],
    ['您把那个码发我，我这边给您解绑', 'block'],
    ['这单走我个人账户，便宜点', 'block'],
    ['我们另外开了个店，搜名字就有', 'block'],
    ['要是坏了赔您双倍', 'warn'],
    ['我们这款吊打所有大牌', 'warn'],
    ['孩子喝了长高，效果明显', 'warn'],
  ])('「%s」 → %s', (draft, severity) => {
    expect(worst(draft)).toBe(severity);
  });

  it.each(['订单号发我，我查一下', '条形码拍照发过来看看', '不能保证百分百有效，因人而异', '我们不敢说永不复发，只能说改善'])('「%s」 is not held', (draft) => {
    expect(worst(draft)).not.toBe('block');
  });
});
