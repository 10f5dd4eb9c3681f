import { describe, expect, it } from 'vitest';
import { stageHint } from '../../../scripts-library/suggest/stage-hint';

describe('stageHint', () => {
  it.each([
    ['这款有货吗', 'stock'],
    ['还有M码吗？', 'stock'],
    ['能便宜点吗', 'pricing'],
    ['买两件有优惠吗', 'pricing'],
    ['能少点不', 'pricing'],
    ['今天下单什么时候发货呀', 'logistics'],
    ['快递到哪了？三天了还没到', 'logistics'],
    ['我拍了', 'payment'],
    ['已经付款了', 'payment'],
    ['拍了，什么时候发货', 'logistics'],
    ['谢谢', 'farewell'],
    ['好的', 'farewell'],
    ['在吗', 'greeting'],
    ['收到的衣服破损了要退货', 'aftersales'],
    // A question about the product needs 商品导购, which the old cue table could not hint.
    ['这个颜色好看吗', 'product'],
    ['哈哈哈', undefined],
    ['', undefined],
  ])('%s → %s', (message, stage) => {
    expect(stageHint(message)).toBe(stage);
  });
});
