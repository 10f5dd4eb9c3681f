/**
 * Buyer intents: what the buyer's latest message asks for, finer than a stage (#32). Each intent belongs to the
 * stage whose phrases answer it (the stage hint is this projection of the intent model), and a phrase declares
 * the intents it answers (`Phrase.intents`); one without them answers the intents of its stage.
 */

/** Intent id → the stage of the default pack that answers it (`none`: chit-chat, nothing to answer). */
export const INTENT_STAGE = {
  greet: 'greeting',
  size: 'product',
  material: 'product',
  care: 'product',
  'color-diff': 'product',
  genuine: 'product',
  quality: 'product',
  gift: 'product',
  recommend: 'product',
  bargain: 'pricing',
  coupon: 'pricing',
  'free-ship': 'pricing',
  'price-drop': 'pricing',
  'in-stock': 'stock',
  'out-of-size': 'stock',
  restock: 'stock',
  presale: 'stock',
  'how-to-order': 'order',
  'pay-method': 'order',
  'pay-failed': 'order',
  'change-address': 'order',
  'change-item': 'order',
  invoice: 'order',
  'merge-pay': 'order',
  note: 'order',
  'off-platform-ask': 'order',
  'ship-when': 'logistics',
  'ship-urge': 'logistics',
  'where-parcel': 'logistics',
  'tracking-stuck': 'logistics',
  'tracking-number': 'logistics',
  courier: 'logistics',
  'delivery-time': 'logistics',
  'signed-not-received': 'logistics',
  'lost-parcel': 'logistics',
  hesitate: 'payment',
  'will-pay': 'payment',
  paid: 'payment',
  'thanks-bye': 'farewell',
  'review-cashback-ask': 'farewell',
  'return-policy': 'aftersales',
  'return-how': 'aftersales',
  exchange: 'aftersales',
  'refund-status': 'aftersales',
  damaged: 'aftersales',
  defect: 'aftersales',
  'wrong-item': 'aftersales',
  'missing-item': 'aftersales',
  'shipping-insurance': 'aftersales',
  angry: 'aftersales',
  'how-to-use': 'aftersales',
  'where-are-you': 'away',
  promo: 'promotion',
  'promo-ship': 'promotion',
  deposit: 'promotion',
  chitchat: 'none',
} as const satisfies Record<string, string>;

export type IntentId = keyof typeof INTENT_STAGE;
export const INTENT_IDS = Object.keys(INTENT_STAGE) as IntentId[];
export const CHITCHAT: IntentId = 'chitchat';

/** Intents of the after-sales stage: a closing that apologises (售后结束) may lead only after one of these. */
export const AFTER_SALES_INTENTS: readonly IntentId[] = INTENT_IDS.filter((i) => INTENT_STAGE[i] === 'aftersales');

export function isIntent(id: string): id is IntentId {
  return Object.prototype.hasOwnProperty.call(INTENT_STAGE, id);
}

/** The intents a phrase of this stage answers when it declares none (a team's or agent's own phrase). */
export function stageIntents(stageId: string): readonly IntentId[] {
  return INTENT_IDS.filter((i) => INTENT_STAGE[i] === stageId);
}
