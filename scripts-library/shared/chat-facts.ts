/**
 * What a conversation can show of the buyer's situation, for lead guards' `notAfter` (schema.ts PhraseLeadSchema):
 * the buyer has ordered, paid, the order has shipped, the buyer received the goods, is in after-sales; the shop promised to tell the buyer when it
 * restocks; the buyer gave a height, weight or size. suggest/chat-context.ts reads them from the turns.
 */
export const CHAT_FACTS = ['ordered', 'paid', 'shipped', 'received', 'after-sales', 'notify-promised', 'measured'] as const;
export type ChatFact = (typeof CHAT_FACTS)[number];
