// Extracts the seeds' 话术 (what an agent says to a buyer) into tests/fixtures/guard/seeds-scripts.tsv, for the
// guard's clean gate (#31 item 3). Run: node tests/tools/seed-scripts.mjs [seeds folder, default ../shared/seeds].
//
// Procedure, written down so the file can be made again from the same seeds:
// 1. Each seed is read as text; traditional characters are folded to simplified (opencc-js t2cn, as the guard does).
// 2. It is cut into sentences at 。！？!? and line breaks, and at a speaker label (开头: 结束: 咨询: 售后: …), quotes and
//    list numbers taken off.
// 3. A sentence is kept as 话术 when it speaks to the buyer: it holds 亲 / 您 / 亲爱的 / 宝贝 or a greeting or thanks
//    (欢迎, 感谢, 谢谢, 抱歉, 不好意思, 祝您), is 6–120 characters long, and is not about the agents (客服应, 要求,
//    培训, 制度, 岗位, 考核, 扣分, 工资…), a document's boilerplate (下载, 文档, 版权, VIP, 侵权…) or a taboo list
//    (禁用, 禁语, 不能说, 忌: the words agents must not say are the guard's positives, never its clean gate).
// 4. The kept sentences are written once each, in seed order, with the seed file they came from. The file is then
//    read by hand; what was taken off by hand is listed in EXCLUDED below (with the reason), so a re-run gives the
//    same file.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';

const seeds = process.argv[2] ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const out = join(import.meta.dirname, '..', 'fixtures', 'guard', 'seeds-scripts.tsv');
const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });

const SPEAKS = /亲|您|宝贝|欢迎|感谢|谢谢|抱歉|不好意思|祝您/;
const ABOUT_AGENTS = /客服应|客服要|客服需|客服必须|要求|培训|制度|岗位|考核|扣分|工资|绩效|提成|员工|组长|主管|负责人|交接本|登记本|统计本|下载|文档|版权|vip|侵权|付费|原创力|举报|本站|网友|禁用|禁语|不能说|忌|不要说|不得|严禁|话术|快捷短语|技巧|注意|应该|建议客服|客服们|卖家|店家|店主|新手|买家的|顾客的|顾客在|客户的|客户在|旺铺|装修|模板|版本/i;
// Taken off by hand after reading (none is 话术 an agent sends):
// advice to the agents, several replies run together, and four sentences whose wording the platforms' rules (广告法)
// forbid and the default pack rewrote (绝对正品, 100%正品保证, 最低价, 一定服务到您满意): those are the guard's positives.
const EXCLUDED = new Map([
  ["当顾客光临是主动招呼顾客您好", "advice to agents, not a reply"],
  ["就算真的不知道,可以给客户说下您稍等,我帮您确认下", "advice to agents (its reply is the next sentence)"],
  ["工作中使用礼貌用语,做到彬彬有礼,和蔼可亲", "advice to agents"],
  ["(比如热情亲切的语句您、您好、亲语句结尾加上吗、吧、哦、呀婉转的拒绝比如您再对比考虑下吧对不起价格相差太大了您再加点吧", "advice to agents, several fragments run together"],
  ["当有买家用XXX来催件时,要复制下XXXID如果是电话咨询的要问对方交易的定单编号,然后到已卖出的宝贝里查寻物流状态,然后根据实物情况与其沟通", "advice to agents"],
  ["顾客接受修改评价:我们就要感谢买家:感谢您的理解,谢谢您帮我们修改这个评价…可以预告下次的活动等等顾客不接受修改评价:那么可以给买家一些补偿的措施,这个根据每个店铺,自己制定好", "advice to agents (and compensation tied to a review change, which the platforms forbid)"],
  ["保持友善、耐心的语调,运用您好感谢等礼貌用语,化解顾客潜在抵触情绪", "advice to agents"],
  ["使用您好请问有什么可以帮您等规范开场白,避免口语化或随意表达,确保语言简洁专业", "advice to agents"],
  ["以感谢您的支持祝您生活愉快等作为对话收尾,提升客户服务", "advice to agents"],
  ["为了更能节(jié)省亲宝贵的时(shí)间,建议亲自助购物【表情】催付款亲爱的,您在【店铺名】拍下的宝贝,是不是付款遇到问题呢", "two replies run together with pinyin notes of the source"],
  ["是这样子的,看您在我们家购买了**,已经给我们确定收货了噢,但是看您给我一个中评/差评呢,您说(评价内容说一遍)", "a phone script with stage directions"],
  ["亲,我们是**品牌代理商,绝对正品保证的,支持专柜验货,质量您绝对放心哦", "绝对 is an absolute claim under 广告法 (the default pack says it as 正品说明)"],
  ["您好,我们是**官方直营店,所销产品100%正品保证,您可以放心选购", "100%…保证 is an absolute claim (the default pack rewrote it)"],
  ["您好,我们家的鞋子统一都是最低价了亲,还请亲您谅解", "最低价 is an absolute claim (the default pack says 婉拒议价)"],
  ["收到鞋子满意记得给五星支持,有任何问题请联系在线客服,一定服务到您满意为止", "一定…满意 is an unconditional promise"],
]);

const rows = [];
const seen = new Set();
for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
  const text = t2cn(readFileSync(join(seeds, file), 'utf8'));
  for (let s of text.split(/[。！？!?\n]+/)) {
    s = s.replace(/^\s*(?:\d+[.、)]|[一二三四五六七八九十]+[.、]|[①-⑩]|[✓•·-])\s*/, '');
    s = s.replace(/^[^，,：:]{1,8}[：:]\s*/, ''); // a speaker or case label (开头: 已购物:)
    s = s.replace(/["“”「」『』]/g, '').trim();
    if (s.length < 6 || s.length > 120) continue;
    if (!SPEAKS.test(s) || ABOUT_AGENTS.test(s)) continue;
    if (EXCLUDED.has(s) || seen.has(s)) continue;
    seen.add(s);
    rows.push(`${file}\t${s}`);
  }
}
writeFileSync(out, `# The seeds' 话术, one sentence a line: seed file · sentence. Made by tests/tools/seed-scripts.mjs (its procedure is written there).\n${rows.join('\n')}\n`);
console.log(`${rows.length} sentences → ${out}`);
