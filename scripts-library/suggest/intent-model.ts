/**
 * Which buyer intent (intents.ts) a message expresses, learned from labelled messages
 * (tests/fixtures/buyer-messages/intents-train.tsv): the stage model's multinomial logistic regression and
 * features (stage-model.ts: characters, character pairs, pinyin words, first and last characters, short lengths,
 * word families), plus word families of its own for the pairs a stage does not tell apart (什么时候发货 vs 怎么还不发货,
 * 机洗 vs 面料, 到哪了 vs 物流不动). Its softmax probability is the confidence the suggestions abstain by.
 *
 * Trained at build time: `npm run train:intent-model` writes packs/intent-model.json, and a test retrains and
 * compares, so the shipped weights are always what the corpus gives.
 */
import { features as stageFeatures, readExamples, type Example } from './stage-model';
import { normalizeTerm } from '../guard/normalize';
import { trainLinearIndexed, type LinearWeights, type TrainOptions } from '../shared/linear-model';
import { CHITCHAT, INTENT_STAGE, isIntent, type IntentId } from '../shared/intents';

export { readExamples, type Example };

/**
 * Word families that split intents of one stage (a feature each, weighed by training). Each also holds the toneless
 * pinyin buyers type for its commonest words (tuihuo, xiexie, youhuo; spaces are gone by then), so a pinyin message
 * gets the weight its Chinese twin earned rather than the little its own rare words did.
 */
const FAMILIES: [name: string, words: RegExp][] = [
  ['urge', /还不发|还没发|怎么还|咋还|都[几好两三四五].{0,2}[天日]|催|太慢|快点|赶紧|磨蹭|拖|说好的|到底|什么时候才|啥时候才|等了|一直不|还不到|还没到|cuiyixia|cuicui|haimeifa|haibufa/],
  ['when', /什么时候|啥时候|几时|多久|几天|哪天|今天|明天|当天|马上|shenmeshihou|shemeshihou|duojiu|jitian/],
  ['care', /洗|熨|晾|晒|干洗|掉色|缩水|保养|清洗|烘干|漂白|jixi|shuixi|ganxi|zenmexi/],
  ['offp', /微信|威信|薇信|vx|wx|weixin|qq|扣扣|加你|加个|电话|手机号|私下|私聊|转账|支付宝|二维码|扫码|v信|抖音号|联系方式|线下/],
  ['review', /好评|返现|晒图|评价|五星|追评|差评|红包/],
  ['signed', /签收|已签|显示收货|驿站|快递柜|丰巢/],
  ['stuck', /不动|没更新|不更新|停在|卡在|没变化|一直显示|好几天没/],
  ['number', /单号|运单|快递号/],
  ['refund', /退款|钱.{0,3}(退|到账|回来)|到账|tuikuan|tuiqian/],
  ['broken', /破|碎|烂|裂|压坏|摔|变形|瘪/],
  ['defect', /坏|不能用|用不了|开线|起球|掉色|质量问题|有洞|开胶|不亮|没反应|故障|次品|瑕疵|线头/],
  ['wrong', /发错|不是我买的|不是我要的|颜色不对|码数不对|错了/],
  ['missing', /少了|少发|漏发|只收到|少一|缺了|没有赠品|就一件/],
  ['thanks', /谢|感谢|好的|好滴|好嘞|拜拜|再见|辛苦|ok|明白了|知道了|xiexie|thx|thanks|3q/],
  ['paid', /付了|付款了|已付|拍了|拍下了|下单了|已下单|付好了|马上付|等下付|晚点付|一会付|fukuanle|yifukuan|xiadanle|fuhaole/],
  ['size', /身高|体重|斤|kg|cm|公分|多高|穿多大|什么码|哪个码|几码|码数|尺码|尺寸|腰围|胸围|臀围|能穿|穿得下|偏大|偏小|大码|[一1]米[0-9五六七八九]|chima|mashu|jima/],
  ['angry', /投诉|差评|曝光|12315|骗子|垃圾|气死|什么破|搞什么|工商|举报|太差|无语/],
  ['genuine', /正品|真的假|假货|假的|原装|专柜|鉴定|验证|防伪|授权|官方|真货|高仿|a货/],
  ['gift', /赠品|送什么|送的|礼物|小样|赠送|送个|有送|送不送|附赠/],
  ['recommend', /推荐|适合|搭配|哪款|哪个好|区别|对比|选哪|帮我挑|有没有.{0,4}(款|的)$/],
  ['material', /面料|材质|成分|纯棉|化纤|棉的|真皮|羊毛|涤纶|什么料|质地|含棉|聚酯|透气|料子|mianliao|caizhi|chunmian/],
  ['quality', /质量|耐用|容易坏|结实|做工|能用多久|好不好用|靠谱|耐穿/],
  ['color', /色差|实物|偏色|图片.{0,3}(一样|一致)|跟图|和图|颜色.{0,3}(一样|正|深|浅)|什么[蓝红绿白黑灰粉]/],
  ['bargain', /便宜|少点|少[0-9一二三四五六七八九十两]|抹零|优惠点|打折|最低|商量|内部价|让点|砍价|能少|pianyi|kanjia/],
  ['coupon', /券|满减|拼团|折扣|划算|活动价|领|优惠码|叠加|youhuiquan/],
  ['drop', /降价|价保|补差|差价|买贵|比我便宜|价格保护|便宜了/],
  ['stock', /有货|现货|有没有货|还有吗|卖完|库存|还能买|能拍吗|youhuo|xianhuo|kucun/],
  ['restock', /补货|到货|什么时候有|再上|还会有|多久有|buhuo/],
  ['presale', /预售|定金|尾款/],
  ['order', /怎么拍|怎么买|怎么下单|拍哪个|怎么操作|链接|第一次/],
  ['paym', /花呗|白条|分期|信用卡|支付方式|微信支付|怎么付|货到付款|先用后付|代付|银行卡/],
  ['payfail', /付不了|付款失败|支付失败|付不进去|扣款|待付款|付不成功|支付不了|显示失败|余额不足|限额/],
  ['address', /地址|收货人|门牌|省|市|区|小区|写错/],
  ['change', /改颜色|改尺码|换个颜色|换成|拍错|改成|改一下|数量/],
  ['invoice', /发票|开票|抬头|税号|专票|普票|fapiao|kaipiao/],
  ['merge', /合并|一起付|一起发|凑单|两件|多件|一块发/],
  ['note', /备注|帮我写|别放|不要放|送人|包装|贺卡|吊牌|价格单/],
  ['courier', /顺丰|中通|圆通|韵达|申通|极兔|邮政|ems|京东快递|什么快递|哪家快递|发什么|shunfeng|zhongtong|yuantong|yunda|shentong|jitu/],
  ['transit', /几天到|多久到|几天能到|到.{0,4}要几天|偏远|新疆|西藏|海南|内蒙/],
  ['return', /退货|退回|寄回|退换|七天|7天|无理由|能退|可以退|tuihuo|tuihui|nengtui/],
  ['exchange', /换货|换一|调换|换个|换码|换大|换小|huanhuo|huanma/],
  ['insurance', /运费险|退货险|运费谁出|运费.{0,3}(承担|报销)/],
  ['use', /怎么用|使用|用法|说明书|安装|怎么装|操作|充电|开机/],
  ['away', /人呢|不回|回一下|回我|不理|不说话|半天|有人吗|客服呢|在不在|renne|zaibuzai|yourenma|kefune/],
  ['promo', /双11|双十一|双十二|双12|618|大促|活动|秒杀|聚划算|百亿|年货|shuangshiyi|shuang11/],
  ['deposit', /定金|尾款|付尾|膨胀/],
  ['greet', /^(在吗|在不|在么|你好|您好|哈喽|hello|hi|嗨|亲|老板|掌柜|客服|有人吗|zaima|zaime|nihao)[?？!！。~ ]*$/],
  ['hesitate', /考虑|想想|再看看|再说|对比|比较|犹豫|问问|商量一下|回头|kaolv|xiangxiang|zaikankan/],
];

/** The features of a message: the stage model's, and this model's families. */
export function features(message: string): string[] {
  const out = stageFeatures(message);
  const text = normalizeTerm(message, false).replace(/\s+/g, '');
  for (const [name, words] of FAMILIES) if (words.test(text)) out.push(`i:${name}`);
  return out;
}

/**
 * The model as shipped: each feature's weights sparse, as label index and weight in hundredths, pairs in one array
 * (`[3, -12, 40, 57]`: label 3 −0.12, label 40 +0.57), weights under 0.05 left out. Dense, 55 labels a feature, it
 * was 1.2 MB; this is ≈ a tenth, and the cross-validated figures are the same (README of the fixtures).
 */
export interface IntentModel {
  format: 'kefu-intent-sparse';
  version: 1;
  labels: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

/** Least weight kept in the shipped model. */
const KEEP = 0.05;

export function train(examples: readonly Example[], options?: TrainOptions): IntentModel {
  const { labels, bias, weights } = trainLinearIndexed(
    examples.map((e) => ({ label: e.label, fs: features(e.text) })),
    options,
    KEEP,
  );
  return { format: 'kefu-intent-sparse', version: 1, labels, bias, weights: sparse(weights) };
}

function sparse(dense: LinearWeights['weights']): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [f, row] of Object.entries(dense)) {
    const pairs: number[] = [];
    row.forEach((v, k) => {
      if (Math.abs(v) >= KEEP) pairs.push(k, Math.round(v * 100));
    });
    out[f] = pairs;
  }
  return out;
}

export interface IntentPosterior {
  intent: IntentId;
  p: number;
}

/** The softmax over the labels for these features, and how many of the features the model knows. */
function posterior(model: IntentModel, fs: readonly string[]): { p: Float64Array; known: number } {
  const z = Float64Array.from(model.bias);
  let known = 0;
  for (const f of fs) {
    const w = model.weights[f];
    if (!w) continue;
    known++;
    for (let i = 0; i < w.length; i += 2) z[w[i]!]! += w[i + 1]! / 100;
  }
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k]! - max);
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
  return { p: z, known };
}

/** Every intent the model knows with its probability, most likely first (empty when it knows none of the words). */
export function rankIntents(model: IntentModel, message: string): IntentPosterior[] {
  const { p, known } = posterior(model, features(message));
  if (!known) return [];
  return model.labels
    .map((label, i) => ({ intent: label as IntentId, p: p[i]! }))
    .filter((r) => isIntent(r.intent))
    .sort((a, b) => b.p - a.p);
}

/** The stage an intent projects to (`undefined` for chit-chat). */
export function intentStage(intent: IntentId): string | undefined {
  const stage: string = INTENT_STAGE[intent];
  return intent === CHITCHAT || stage === 'none' ? undefined : stage;
}
