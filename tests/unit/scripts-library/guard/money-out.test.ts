/**
 * Money moved outside the platform is held at send whatever the intent model thinks of the clause: it read
 * 「支付宝转账就可以」 as the platform's own checkout and let the 必改 rule go as a hint (found in review, 2026-12-07).
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';

const held = (draft: string) => judgeDraft(draft).filter((h) => h.severity === 'block').map((h) => h.text);

describe('money outside the platform', () => {
  it.each(['支付宝转账就可以', '我们不收手续费，支付宝转账就可以', '亲，微信转账也行的', '银行转账过来就给您发货'])('holds 「%s」', (draft) => {
    expect(held(draft).length).toBeGreaterThan(0);
  });

  it('still lets the platform\'s own payment and refunds go (支付宝付款, 退款原路退回支付宝)', () => {
    for (const draft of ['下单时可以选支付宝付款', '退款会原路退回您的支付宝', '付款方式选微信支付就可以']) expect(held(draft)).toEqual([]);
  });
});
