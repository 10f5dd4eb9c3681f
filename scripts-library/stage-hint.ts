/**
 * Which stage the latest buyer message most likely needs (有货吗 → stock, 便宜点 → pricing …). Pure: a table of
 * cue words per stage; the earliest-listed stage with a cue wins when several match (a buyer asking "拍了，什么时候
 * 发货" is past payment and asking about logistics, so logistics is checked before payment).
 */
const CUES: [stageId: string, cues: RegExp][] = [
  ['aftersales', /退货|退款|换货|坏了|破损|质量问题|不满意|差评|投诉|少发|发错|漏发/],
  ['logistics', /什么时候发货|几天发货|发货了吗|发了吗|到哪了|物流|快递|运单|单号|几天到|多久到|还没到|没收到/],
  ['stock', /有货吗|有没有货|还有吗|有现货|缺货|断货|补货|还有[^，。？?]{0,6}码吗|有[^，。？?]{0,6}码吗/],
  ['pricing', /便宜|优惠|打折|折扣|能少|少点|包邮吗|优惠券|便宜点|价格|贵/],
  ['payment', /拍了|拍下|付款|付了|已付|支付|下单了|怎么付/],
  ['farewell', /^(好的|好滴|谢谢|多谢|行|嗯嗯?|知道了|ok|OK)[！!。.~～]*$|谢谢|收到了/],
  ['greeting', /^(在吗|在不在|你好|您好|hi|hello|哈喽|有人吗)[？?！!。.~～]*$/i],
];

export function stageHint(message: string | undefined): string | undefined {
  const text = message?.trim();
  if (!text) return undefined;
  return CUES.find(([, cue]) => cue.test(text))?.[0];
}
