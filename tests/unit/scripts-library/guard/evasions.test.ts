/**
 * #31 item 7: evasions made by procedure are caught by general normalisation, not sentence by sentence, and the
 * same tricks on innocent text are left alone. Round 9 (tests/fixtures/guard/round9-tune.tsv) is what
 * evasions.mjs makes; the committed file is what the generator gives.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../scripts-library/guard';
import { foldNumerals } from '../../../../scripts-library/guard/numerals';

const fixtures = join(__dirname, '../../../fixtures/guard');
const severe = (draft: string) => checkDraft(draft).filter((h) => h.severity !== 'hint');
const hit = (draft: string) => severe(draft).map((h) => [h.text, h.category, h.severity]);

describe('round 9 is made by its generator', () => {
  it('evasions.mjs gives exactly the committed round9-tune.tsv', () => {
    const made = execFileSync(process.execPath, [join(fixtures, 'evasions.mjs'), '--stdout'], { encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(made).toBe(readFileSync(join(fixtures, 'round9-tune.tsv'), 'utf8'));
  }, 60_000);
});

describe('a phone number in Chinese numerals is a phone number', () => {
  it.each([
    ['plain', '我手机一三八零零一三八零零零，有事直接打', '一三八零零一三八零零零'],
    ['spoken', '电话：幺三拐洞两八八五六六九，加我也行', '幺三拐洞两八八五六六九'],
    ['formal', '售后直接打壹叁玖捌柒陆伍肆叁贰壹找我', '壹叁玖捌柒陆伍肆叁贰壹'],
    ['mixed with digits', '联系方式1三8零零1三8零零零，备注老客户', '1三8零零1三8零零零'],
    ['with 〇', '记一下我号码 一八〇八〇一八六三六三', '一八〇八〇一八六三六三'],
  ])('%s', (_kind, draft, text) => {
    expect(hit(draft)).toContainEqual([text, 'off-platform', 'block']);
  });
  it('amounts, sizes and counts in Chinese numerals stay clean', () => {
    for (const draft of ['这款到手价一百二十九元，今天下单还送运费险', '身高一米六八体重一百一十斤，建议拿M码', '一共三件，一百八十九元', '满两千零八十减二十', '一二楼都是仓库，发货很快']) {
      expect([draft, severe(draft)]).toEqual([draft, []]);
    }
  });
  it('folds a run one character for one (offsets kept) and leaves a draft without one as it is', () => {
    expect(foldNumerals('打幺三八零零一三八零零零吧')).toBe('打13800138000吧');
    expect(foldNumerals('一百二十九元')).toBeUndefined();
    expect(foldNumerals('订单12345678')).toBeUndefined();
  });
});

describe('Latin terms need word boundaries at their Latin ends, and a model code is no word', () => {
  it.each([
    ['型号 WX-300 的配件我们也有'],
    ['这款SB-200的支架承重大'],
    ['这款是VX520型号的收银机'],
    ['加vip会员有折扣'],
  ])('clean: %s', (draft) => {
    expect(severe(draft)).toEqual([]);
  });
  it.each([
    ['wx同号，加一下吧', 'wx'],
    ['加V：kefu888', '加V'],
    ['有事V信联系', 'V信'],
  ])('caught: %s', (draft, text) => {
    expect(severe(draft).map((h) => h.text)).toContain(text);
  });
});

describe('separators and emoji inside a term of any category', () => {
  it.each([
    ['这个保-证-不-会坏的', '保-证-不-会', 'false-promise'],
    ['绝~对~没~问~题掉色，您放心', '绝~对~没~问~题', 'false-promise'],
    ['这款顶🌹级，别家比不了', '顶🌹级', 'absolute-claim'],
    ['把身 份 证 号发我一下，帮您处理', '身 份 证 号', 'privacy'],
  ])('%s', (draft, text, category) => {
    expect(severe(draft).map((h) => [h.text, h.category])).toContainEqual([text, category]);
  });
  it('never pieced together across a clause or a list mark', () => {
    expect(severe('请把新的收货人、电话和详细地址发给我')).toEqual([]);
    expect(severe('这款不会缩水，绝对。没问题的话您就拍')).toEqual([]);
  });
});
