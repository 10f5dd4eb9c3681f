/**
 * Phrase import and export, pure: our versioned JSON pack, our CSV (UTF-8 with BOM so Excel shows Chinese;
 * columns 阶段,标题,快捷编码,内容,标签) and Qianniu's quick-phrase CSV (快捷短语编码,快捷短语,快捷短语分组, GBK).
 *
 * Import is two steps: `readImportFile` parses bytes into rows (or says why the file is unreadable), then
 * `planImport` compares the rows with the library: new / updated / duplicate (unchanged) / invalid with row
 * numbers and reasons. The repository applies a plan in one transaction, so an import is all or nothing and a
 * second import of the same file finds only duplicates.
 */
import Papa from 'papaparse';
import { decodeGbk, encodeGbk } from './gbk';
import { validatePhrase, type PhraseProblem } from './phrase-validation';
import { PhrasePackSchema, type Phrase, type Stage } from './schema';

export type ImportFormat = 'json-pack' | 'csv' | 'qianniu-csv';

export const CSV_HEADER = ['阶段', '标题', '快捷编码', '内容', '标签'] as const;
export const QIANNIU_HEADER = ['快捷短语编码', '快捷短语', '快捷短语分组'] as const;
const TAG_SEPARATOR = /[|｜,，;；]/;

/** One phrase read from a file. `row` is the line number a person sees (header = 1) or the JSON index + 1. */
export interface ImportRow {
  row: number;
  id?: string;
  stageName?: string;
  stageId?: string;
  title: string;
  body: string;
  code?: string;
  tags: string[];
}

export type ReadResult =
  | { ok: true; format: ImportFormat; rows: ImportRow[]; stages: Stage[] }
  | { ok: false; error: string };

// ── reading ───────────────────────────────────────────────────────────────────────────────────────────────

/** Decode bytes: UTF-8 (with or without BOM) when valid, else GBK (Qianniu's and Excel's Chinese default). */
export function decodeText(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return decodeGbk(bytes);
  }
}

export function readImportFile(bytes: Uint8Array, maxBytes = 5_000_000): ReadResult {
  if (bytes.length === 0) return { ok: false, error: '文件是空的' };
  if (bytes.length > maxBytes) return { ok: false, error: `文件超过 ${Math.round(maxBytes / 1e6)} MB` };
  const text = decodeText(bytes);
  return text.trimStart().startsWith('{') ? readJsonPack(text) : readCsv(text);
}

/** JSON.parse with the message an agent sees when a file is cut short or not JSON. */
export function parseJsonFile(text: string): { ok: true; json: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `JSON 无法解析（文件可能不完整）：${e instanceof Error ? e.message : String(e)}` };
  }
}

function readJsonPack(text: string): ReadResult {
  const parsedJson = parseJsonFile(text);
  if (!parsedJson.ok) return parsedJson;
  const json = parsedJson.json;
  const pack = PhrasePackSchema.safeParse(json);
  if (!pack.success) {
    const issue = pack.error.issues[0]!;
    return { ok: false, error: `不是有效的短语包：${issue.path.join('.') || '（根）'} ${issue.message}` };
  }
  const stageName = new Map(pack.data.stages.map((s) => [s.id, s.name]));
  return {
    ok: true,
    format: 'json-pack',
    stages: pack.data.stages,
    rows: pack.data.phrases.map((p, i) => ({
      row: i + 1,
      id: p.id,
      stageId: p.stageId,
      stageName: stageName.get(p.stageId),
      title: p.title,
      body: p.body,
      code: p.code,
      tags: p.tags,
    })),
  };
}

function readCsv(text: string): ReadResult {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) return { ok: false, error: `CSV 第 ${(fatal.row ?? 0) + 1} 行格式错误：${fatal.message}` };
  const [header, ...lines] = parsed.data;
  const names = (header ?? []).map((h) => h.trim());
  const col = (name: string) => names.indexOf(name);
  if (QIANNIU_HEADER.every((h) => names.includes(h))) {
    return {
      ok: true,
      format: 'qianniu-csv',
      stages: [],
      rows: lines.map((cells, i) => {
        const body = cells[col('快捷短语')]?.trim() ?? '';
        return {
          row: i + 2,
          code: cells[col('快捷短语编码')]?.trim() || undefined,
          stageName: cells[col('快捷短语分组')]?.trim() || undefined,
          title: titleFrom(body),
          body,
          tags: [],
        };
      }),
    };
  }
  if (['标题', '内容'].every((h) => names.includes(h))) {
    return {
      ok: true,
      format: 'csv',
      stages: [],
      rows: lines.map((cells, i) => ({
        row: i + 2,
        stageName: cells[col('阶段')]?.trim() || undefined,
        title: cells[col('标题')]?.trim() ?? '',
        body: cells[col('内容')]?.trim() ?? '',
        code: cells[col('快捷编码')]?.trim() || undefined,
        tags: (cells[col('标签')] ?? '').split(TAG_SEPARATOR).map((t) => t.trim()).filter(Boolean),
      })),
    };
  }
  return { ok: false, error: `无法识别的表头：需要“${CSV_HEADER.join(',')}”或千牛的“${QIANNIU_HEADER.join(',')}”` };
}

/** Qianniu phrases have no title: the first words of the body serve as one. */
function titleFrom(body: string): string {
  const first = body.split(/[，。！？,.!?\n]/)[0]?.trim() ?? '';
  return [...(first || body)].slice(0, 12).join('') || '（无标题）';
}

// ── planning ──────────────────────────────────────────────────────────────────────────────────────────────

export interface PlannedPhrase {
  row: number;
  phrase: Omit<Phrase, 'useCount' | 'pinned' | 'createdAt' | 'updatedAt' | 'origin' | 'pinyin' | 'lastUsedAt'>;
  /** The stored phrase this row updates. */
  existing?: Phrase;
}

export interface ImportPlan {
  format: ImportFormat;
  added: PlannedPhrase[];
  updated: PlannedPhrase[];
  duplicates: { row: number; title: string }[];
  invalid: { row: number; problems: PhraseProblem[]; title: string }[];
  /** Stages the import needs that do not exist yet (CSV group names). */
  newStages: Stage[];
}

const NEW_STAGE_COLOR = '#0f766e';

/**
 * Compare read rows with the library. A row is the same phrase as a stored one when it has the same id (JSON),
 * else the same shortcut code, else the same stage and title. Unchanged → duplicate; changed → updated.
 */
export function planImport(
  read: Extract<ReadResult, { ok: true }>,
  library: readonly Phrase[],
  stages: readonly Stage[],
  newId: (row: ImportRow) => string,
): ImportPlan {
  const plan: ImportPlan = { format: read.format, added: [], updated: [], duplicates: [], invalid: [], newStages: [] };
  const stageByName = new Map(stages.map((s) => [s.name, s]));
  const stageIds = new Set(stages.map((s) => s.id));
  for (const s of read.stages) {
    if (!stageIds.has(s.id) && !stageByName.has(s.name)) {
      plan.newStages.push(s);
      stageIds.add(s.id);
      stageByName.set(s.name, s);
    }
  }
  const byId = new Map(library.map((p) => [p.id, p]));
  const byCode = new Map(library.filter((p) => p.code).map((p) => [p.code!.toLowerCase(), p]));
  const byStageTitle = new Map(library.map((p) => [`${p.stageId}|${p.title}`, p]));
  let order = stages.reduce((m, s) => Math.max(m, s.order), 0);
  // What the library will look like after the rows so far, so codes duplicated inside the file are caught.
  const claimed = library.map((p) => ({ id: p.id, code: p.code, title: p.title }));
  const taken = new Set<string>();

  for (const row of read.rows) {
    let stageId = row.stageId && stageIds.has(row.stageId) ? row.stageId : undefined;
    const name = row.stageName?.trim() || '导入';
    if (!stageId) {
      let stage = stageByName.get(name);
      if (!stage) {
        stage = { id: `custom-${hash(name)}`, name: [...name].slice(0, 20).join(''), order: (order += 10), color: NEW_STAGE_COLOR, builtin: false };
        plan.newStages.push(stage);
        stageByName.set(name, stage);
        stageIds.add(stage.id);
      }
      stageId = stage.id;
    }
    const match =
      (row.id ? byId.get(row.id) : undefined) ??
      (row.code ? byCode.get(row.code.toLowerCase()) : undefined) ??
      byStageTitle.get(`${stageId}|${row.title}`);
    // A stored phrase is matched by one row at most: a later row with the same code is a conflict inside the
    // file (reported as a duplicate code below), never a second update of the same phrase.
    const existing = match && !taken.has(match.id) ? match : undefined;
    const draft = {
      id: existing?.id ?? row.id ?? newId(row),
      stageId,
      title: row.title.trim(),
      body: row.body.trim(),
      code: row.code?.trim().toLowerCase() || undefined,
      tags: row.tags,
    };
    const problems = validatePhrase(draft, claimed, stageIds);
    if (problems.length) {
      plan.invalid.push({ row: row.row, problems, title: draft.title });
      continue;
    }
    const same =
      existing &&
      existing.stageId === draft.stageId &&
      existing.title === draft.title &&
      existing.body === draft.body &&
      (existing.code ?? undefined) === draft.code &&
      existing.tags.join('\n') === draft.tags.join('\n');
    if (same) plan.duplicates.push({ row: row.row, title: draft.title });
    else (existing ? plan.updated : plan.added).push({ row: row.row, phrase: draft, existing });
    taken.add(draft.id);
    const at = claimed.findIndex((c) => c.id === draft.id);
    if (at >= 0) claimed[at] = draft;
    else claimed.push(draft);
  }
  return plan;
}

/** A short stable id part from text (FNV-1a), so the same CSV row gets the same id on every import. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────────────────

type ExportPhrase = Pick<Phrase, 'id' | 'stageId' | 'title' | 'body' | 'code' | 'tags'>;

export function exportJsonPack(stages: readonly Stage[], phrases: readonly ExportPhrase[], name = '导出的短语'): string {
  const pack = {
    format: 'kefu-phrase-pack',
    version: 1,
    id: 'export',
    name,
    stages,
    phrases: phrases.map(({ id, stageId, title, body, code, tags }) => ({ id, stageId, title, body, ...(code ? { code } : {}), tags })),
  };
  return JSON.stringify(PhrasePackSchema.parse(pack), null, 1);
}

/** Our CSV, UTF-8 with a BOM so Excel opens the Chinese correctly. */
export function exportCsv(stages: readonly Stage[], phrases: readonly ExportPhrase[]): string {
  const names = new Map(stages.map((s) => [s.id, s.name]));
  const rows = phrases.map((p) => [names.get(p.stageId) ?? '', p.title, p.code ?? '', p.body, p.tags.join('|')]);
  return '\ufeff' + Papa.unparse({ fields: [...CSV_HEADER], data: rows }, { newline: '\r\n' });
}

/** Qianniu's quick-phrase CSV, GBK-encoded. @throws GbkEncodeError when a phrase has characters GBK lacks. */
export function exportQianniuCsv(stages: readonly Stage[], phrases: readonly ExportPhrase[]): Uint8Array {
  const names = new Map(stages.map((s) => [s.id, s.name]));
  const rows = phrases.map((p) => [p.code ?? '', p.body, names.get(p.stageId) ?? '']);
  return encodeGbk(Papa.unparse({ fields: [...QIANNIU_HEADER], data: rows }, { newline: '\r\n' }));
}
