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
import { toCsv, unescapeCell } from './csv';
import { issueText } from './issue-text';
import { shortHash } from '../shared/hash';
import { validatePhrase, type PhraseProblem } from '../phrases/phrase-validation';
import { titleFrom } from '../phrases/phrase-title';

export { titleFrom } from '../phrases/phrase-title';
import { PhrasePackSchema, type Phrase, type PhraseLead, type PhrasePack, type Stage } from '../shared/schema';
import { parseJsonFile, type FileResult } from './file-result';
import { fileText, type FileTextKey } from './file-text';

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
  /** Other wordings (JSON packs only: the CSV formats have no column for them). */
  variants?: string[];
  code?: string;
  tags: string[];
  /** The buyer intents it answers and when it may lead the suggestions (JSON packs only, #32). */
  intents?: string[];
  lead?: PhraseLead;
}

/** `team`: the file is a team pack (it has a packVersion): it is merged as one (team-pack.ts), not row by row. */
export type ReadResult = FileResult<{ format: ImportFormat; rows: ImportRow[]; stages: Stage[]; team?: PhrasePack }>;

// ── reading ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Decode bytes: UTF-8 (with or without BOM) when valid, else GBK (Qianniu's and Excel's Chinese default) — line by
 * line, so a row pasted in from a UTF-8 source into a GBK file reads as written instead of as mojibake (#30 m1).
 * A newline byte is never part of a GBK or UTF-8 character, so lines can be split before decoding; a GBK line of
 * Chinese text is almost never valid UTF-8 (its trail bytes are not continuation bytes).
 */
export function decodeText(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const body = bytes.subarray(start);
  try {
    return utf8.decode(body);
  } catch {
    const lines: string[] = [];
    for (let from = 0; from <= body.length; ) {
      let to = body.indexOf(0x0a, from);
      if (to < 0) to = body.length;
      const line = body.subarray(from, to);
      try {
        lines.push(utf8.decode(line));
      } catch {
        lines.push(decodeGbk(line));
      }
      from = to + 1;
    }
    return lines.join('\n');
  }
}

/** PapaParse's error codes in words an agent reads (its own messages are English). */
const CSV_ERRORS: Record<string, FileTextKey> = {
  MissingQuotes: 'fileCsvMissingQuotes',
  InvalidQuotes: 'fileCsvInvalidQuotes',
  UndetectableDelimiter: 'fileCsvNoDelimiter',
  TooFewFields: 'fileCsvTooFewFields',
  TooManyFields: 'fileCsvTooManyFields',
};

export function readImportFile(bytes: Uint8Array, maxBytes = 5_000_000): ReadResult {
  if (bytes.length === 0) return { ok: false, error: fileText('fileEmpty') };
  if (bytes.length > maxBytes) return { ok: false, error: fileText('fileOverMb', Math.round(maxBytes / 1e6)) };
  const text = decodeText(bytes);
  return text.trimStart().startsWith('{') ? readJsonPack(text) : readCsv(text);
}

function readJsonPack(text: string): ReadResult {
  const parsedJson = parseJsonFile(text);
  if (!parsedJson.ok) return parsedJson;
  const json = parsedJson.json;
  const pack = PhrasePackSchema.safeParse(json);
  if (!pack.success) {
    const issue = pack.error.issues[0]!;
    return { ok: false, error: fileText('fileNotPhrasePack', issueText(issue)) };
  }
  const stageName = new Map(pack.data.stages.map((s) => [s.id, s.name]));
  return {
    ok: true,
    format: 'json-pack',
    ...(pack.data.packVersion === undefined ? {} : { team: pack.data }),
    stages: pack.data.stages,
    rows: pack.data.phrases.map((p, i) => ({
      row: i + 1,
      id: p.id,
      stageId: p.stageId,
      stageName: stageName.get(p.stageId),
      title: p.title,
      body: p.body,
      ...(p.variants?.length ? { variants: p.variants } : {}),
      code: p.code,
      tags: p.tags,
      ...(p.intents ? { intents: p.intents } : {}),
      ...(p.lead ? { lead: p.lead } : {}),
    })),
  };
}

function readCsv(text: string): ReadResult {
  // Blank lines are kept while parsing and dropped after, so a row's number is the one Excel shows (header = 1).
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  // An undetectable delimiter (a one-column file) falls back to ',' and the header check below says what is wrong.
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) return { ok: false, error: fileText('fileCsvRow', (fatal.row ?? 0) + 1, fileText((Object.hasOwn(CSV_ERRORS, fatal.code) && CSV_ERRORS[fatal.code]) || 'fileCsvUnreadable')) };
  const numbered = parsed.data.map((cells, i) => ({ cells, row: i + 1 })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  const [first, ...records] = numbered;
  const header = first?.cells;
  const lines = records.map((r) => r.cells.map(unescapeCell));
  const rowOf = (i: number) => records[i]!.row;
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
          row: rowOf(i),
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
        row: rowOf(i),
        stageName: cells[col('阶段')]?.trim() || undefined,
        title: cells[col('标题')]?.trim() ?? '',
        body: cells[col('内容')]?.trim() ?? '',
        code: cells[col('快捷编码')]?.trim() || undefined,
        tags: (cells[col('标签')] ?? '').split(TAG_SEPARATOR).map((t) => t.trim()).filter(Boolean),
      })),
    };
  }
  return { ok: false, error: fileText('fileCsvHeader', CSV_HEADER.join(','), QIANNIU_HEADER.join(',')) };
}

// ── planning ──────────────────────────────────────────────────────────────────────────────────────────────

export interface PlannedPhrase {
  row: number;
  phrase: Omit<Phrase, 'useCount' | 'pinned' | 'createdAt' | 'updatedAt' | 'origin' | 'pinyin' | 'lastUsedAt'>;
  /** The stored phrase this row updates. */
  existing?: Phrase;
}

/** What to do with a row whose shortcut code another phrase here already has. */
export type ClashChoice = 'keep' | 'take' | 'rename';

export interface CodeClash {
  row: number;
  title: string;
  /** The code in the file, and the phrase here that has it. */
  code: string;
  owner: { id: string; title: string };
  /** keep: the row is skipped; take: the file's wording replaces the owner's; rename: the row is added under `newCode`. */
  choice: ClashChoice;
  newCode: string;
}

export interface ImportPlan {
  format: ImportFormat;
  added: PlannedPhrase[];
  updated: PlannedPhrase[];
  /** Rows whose code a different phrase here already has (Qianniu's `by`, `fh`, `kd`…), each with the agent's choice. */
  clashes: CodeClash[];
  /** Rows already in the library as they are, or repeating an earlier row of the same file. */
  duplicates: { row: number; title: string; inFile?: boolean }[];
  invalid: { row: number; problems: PhraseProblem[]; title: string }[];
  /** Stages the import needs that do not exist yet (CSV group names), only for rows that will be written. */
  newStages: Stage[];
  /** File groups without a stage of the same name, with the existing stage they look like (for the preview). */
  groups: { name: string; rows: number; suggested?: string }[];
}

export interface PlanOptions {
  /** File group name → an existing stage id to put its rows in (chosen in the preview); others become stages. */
  stageMap?: Readonly<Record<string, string>>;
  /** Row number → what to do with its code clash (default 'rename': nothing here is overwritten). */
  clashChoices?: Readonly<Record<number, ClashChoice>>;
  /** Pinyin initials of a text (pinyin.ts), for a clashing row's new code; without it the code is made of Latin letters. */
  initialsOf?(text: string): string;
  /** The id of a phrase a row adds (default importRowId: the same row read again gets the same id). */
  newId?(row: ImportRow): string;
}

/**
 * A code for a row whose code is taken, by the README's rule: the initials of its title's words (包邮说明 → bysm),
 * four letters (two to four words), else three, two, then up to eight, the first no phrase has; else the file's code followed by those initials; else the file's
 * code followed by letters. Never a collision number (`by1`), and never a code in use.
 */
export function freshCode(title: string, fileCode: string, taken: (code: string) => boolean, initialsOf?: (text: string) => string): string {
  const letters = (initialsOf ? initialsOf(title) : title).toLowerCase().replace(/[^a-z]/g, '');
  for (const n of [4, 3, 2, 5, 6, 7, 8]) if (n <= letters.length && !taken(letters.slice(0, n))) return letters.slice(0, n);
  const base = fileCode.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || 'dr';
  for (let n = 1; n <= Math.min(6, letters.length); n++) if (!taken(base + letters.slice(0, n))) return base + letters.slice(0, n);
  const abc = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; ; i++) {
    let suffix = '';
    for (let k = i; ; k = Math.floor(k / 26) - 1) {
      suffix = abc[k % 26] + suffix;
      if (k < 26) break;
    }
    if (!taken(base + suffix)) return base + suffix;
  }
}

const NEW_STAGE_COLOR = '#0f766e';

/** The stage a file group most likely means: one name contains the other (欢迎语 ~ 欢迎, 忙碌 ~ 忙碌/离开). */
export function similarStage(name: string, stages: readonly Stage[]): Stage | undefined {
  const bare = (s: string) => s.replace(/[\s/／、|]+/g, '').replace(/(语|类|话术|用语|回复)$/, '');
  const n = bare(name);
  if (!n) return undefined;
  return stages.find((s) => {
    const b = bare(s.name);
    return b && (b === n || (n.length >= 2 && b.includes(n)) || (b.length >= 2 && n.includes(b)));
  });
}

const key = (...parts: (string | undefined)[]) => parts.map((p) => p ?? '').join('\u0000');

/**
 * The id of a phrase an imported row adds: from its group, title and body, so the same row read again (the same
 * file imported twice, or a colleague's copy) gets the same id and is recognised, not added a second time.
 */
export const importRowId = (row: ImportRow): string => `import-${shortHash(`${row.stageName}|${row.title}|${row.body}`)}`;

/**
 * Compare read rows with the library, in one pass (maps, no scans: 100k rows in about a second). A row is the
 * same phrase as a stored one when it has the same id (JSON), else the same shortcut code, else the same stage,
 * title AND body (an exact copy); a row sharing only stage and title with exactly one stored phrase, and with no
 * other row of the file, updates it. Anything ambiguous is added as a new phrase, never written over another.
 * A row that repeats an earlier row of the file is a duplicate. Every planned row has passed the same checks the
 * write applies (validatePhrase and the record schema), so the preview counts are what gets stored.
 */
export function planImport(
  read: Extract<ReadResult, { ok: true }>,
  library: readonly Phrase[],
  stages: readonly Stage[],
  options: PlanOptions = {},
): ImportPlan {
  const newId = options.newId ?? importRowId;
  const plan: ImportPlan = { format: read.format, added: [], updated: [], clashes: [], duplicates: [], invalid: [], newStages: [], groups: [] };
  const stageIds = new Set(stages.map((s) => s.id));
  const { byId, codeOwner, byStageTitle, byContent } = indexLibrary(library);
  const { resolved, groups, fileStages, pendingStages, titleRowsInFile } = resolveRowStages(read, stages, options);
  plan.groups.push(...groups);

  const taken = new Set<string>(); // stored phrases already matched by a row
  const seenRows = new Set<string>(); // content of rows planned so far
  const usedIds = new Set(library.map((p) => p.id));
  const needed = new Set<string>();

  for (const { row, stageId, create } of resolved) {
    const title = row.title.trim();
    const body = row.body.trim();
    let code = row.code?.trim().toLowerCase() || undefined;
    const content = key(stageId, title, body, code ?? '', row.tags.join('\n'), (row.variants ?? []).join('\n'));
    if (seenRows.has(content)) {
      plan.duplicates.push({ row: row.row, title, inFile: true });
      continue;
    }
    const sameTitle = byStageTitle.get(key(stageId, title));
    const free = (p: Phrase | undefined) => (p && !taken.has(p.id) ? p : undefined);
    let candidate = free(row.id ? byId.get(row.id) : undefined) ?? free(byContent.get(key(stageId, title, body)));
    const codeHolder = code ? byId.get(codeOwner.get(code)?.id ?? '') : undefined;
    if (!candidate && code && codeHolder && !taken.has(codeHolder.id)) {
      if (codeHolder.title === title) candidate = codeHolder; // the same phrase, reworded
      else {
        // Another phrase has this code (every Qianniu library uses by, fh, kd…): never written over unasked.
        const choice = options.clashChoices?.[row.row] ?? 'rename';
        const newCode = freshCode(title, code, (c) => codeOwner.has(c), options.initialsOf); // shown whatever the choice
        plan.clashes.push({ row: row.row, title, code, owner: { id: codeHolder.id, title: codeHolder.title }, choice, newCode });
        if (choice === 'keep') continue;
        if (choice === 'take') candidate = codeHolder;
        else code = newCode;
      }
    }
    candidate ??= sameTitle?.length === 1 && titleRowsInFile.get(key(stageId, title)) === 1 ? sameTitle[0] : undefined;
    // A row that is a phrase here whose code went elsewhere (a clash settled by an earlier import): it keeps its code.
    const holder = code ? codeOwner.get(code) : undefined;
    if (candidate && holder && holder.id !== candidate.id) code = candidate.code;
    const existing = candidate && !taken.has(candidate.id) ? candidate : undefined;
    let id = existing?.id ?? row.id ?? newId(row);
    if (!existing) {
      // A fresh id must not land on a stored phrase (or another row's): that would overwrite a different phrase.
      const base = id;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    }
    // The CSV formats have no column for other wordings: an update from one keeps the stored ones.
    const variants = read.format === 'json-pack' ? row.variants?.map((v) => v.trim()).filter(Boolean) : existing?.variants;
    const draft = { id, stageId, title, body, ...(variants?.length ? { variants } : {}), code, tags: row.tags, ...suggestFieldsOf(row, existing) };
    const owner = code ? codeOwner.get(code) : undefined;
    const knownStages = create ? new Set([...stageIds, create.id]) : stageIds;
    const problems = [
      ...validatePhrase(draft, owner && owner.id !== id ? [owner] : [], knownStages),
      ...schemaProblems(draft),
    ];
    if (problems.length) {
      plan.invalid.push({ row: row.row, problems, title });
      continue;
    }
    seenRows.add(content);
    const same = existing && storedAlready(existing, draft);
    if (same) plan.duplicates.push({ row: row.row, title });
    else (existing ? plan.updated : plan.added).push({ row: row.row, phrase: draft, existing });
    if (existing) taken.add(existing.id);
    usedIds.add(id);
    if (existing?.code && existing.code !== code) codeOwner.delete(existing.code.toLowerCase());
    if (code) codeOwner.set(code, { id, title, code });
    if (create && !same) needed.add(create.id);
  }
  for (const idOfStage of needed) plan.newStages.push(fileStages.get(idOfStage) ?? pendingStages.get(idOfStage)!);
  return plan;
}

/** The stored library looked up four ways, built once per plan. */
function indexLibrary(library: readonly Phrase[]) {
  const byId = new Map(library.map((p) => [p.id, p]));
  const codeOwner = new Map<string, { id: string; title: string; code?: string }>();
  for (const p of library) if (p.code) codeOwner.set(p.code.toLowerCase(), p);
  const byStageTitle = new Map<string, Phrase[]>();
  const byContent = new Map<string, Phrase>();
  for (const p of library) {
    const k = key(p.stageId, p.title);
    const list = byStageTitle.get(k);
    if (list) list.push(p);
    else byStageTitle.set(k, [p]);
    byContent.set(key(p.stageId, p.title, p.body), p);
  }
  return { byId, codeOwner, byStageTitle, byContent };
}

/**
 * Every row's stage, resolved before any row is planned (so a stage+title shared by two rows of the file is known
 * as ambiguous: `titleRowsInFile`): a stored stage, the file's own, the one the preview mapped its group to, or a new one created
 * only when a row is written into it. The groups without a stage are listed for the preview's choice.
 */
function resolveRowStages(read: Extract<ReadResult, { ok: true }>, stages: readonly Stage[], options: PlanOptions) {
  const stageByName = new Map(stages.map((s) => [s.name, s]));
  const stageIds = new Set(stages.map((s) => s.id));
  const fileStages = new Map<string, Stage>();
  for (const s of read.stages) if (!stageIds.has(s.id) && !stageByName.has(s.name)) fileStages.set(s.id, s);
  const pendingStages = new Map<string, Stage>(); // stage id → stage, created only when a row is written into it
  let order = stages.reduce((m, s) => Math.max(m, s.order), 0);
  const groupCounts = new Map<string, number>();
  const resolved = read.rows.map((row): { row: ImportRow; stageId: string; create?: Stage } => {
    if (row.stageId && stageIds.has(row.stageId)) return { row, stageId: row.stageId };
    const fileStage = row.stageId ? fileStages.get(row.stageId) : undefined;
    if (fileStage) return { row, stageId: fileStage.id, create: fileStage };
    const name = row.stageName?.trim() || '导入';
    const existing = stageByName.get(name);
    // Listed for the preview's choice even once mapped, so the choice stays visible and can be changed.
    if (!existing) groupCounts.set(name, (groupCounts.get(name) ?? 0) + 1);
    const mapped = Object.hasOwn(options.stageMap ?? {}, name) ? options.stageMap![name] : undefined;
    if (mapped && stageIds.has(mapped)) return { row, stageId: mapped };
    if (existing) return { row, stageId: existing.id };
    const id = `custom-${shortHash(name)}`;
    let stage = pendingStages.get(id);
    if (!stage) {
      stage = { id, name: [...name].slice(0, 20).join(''), order: (order += 10), color: NEW_STAGE_COLOR, builtin: false };
      pendingStages.set(id, stage);
    }
    return { row, stageId: stage.id, create: stage };
  });
  const groups = [...groupCounts].map(([name, rows]) => ({ name, rows, suggested: similarStage(name, stages)?.id }));
  const titleRowsInFile = new Map<string, number>(); // stage + title → rows of the file
  for (const r of resolved) {
    const k = key(r.stageId, r.row.title.trim());
    titleRowsInFile.set(k, (titleRowsInFile.get(k) ?? 0) + 1);
  }
  return { resolved, groups, fileStages, pendingStages, titleRowsInFile };
}

/**
 * The intents and lead guard a row gives the phrase (#32): a JSON pack's own; a file without them (the CSV formats,
 * a pack exported before they existed) keeps the stored phrase's, so an import never strips a guard.
 */
function suggestFieldsOf(row: ImportRow, existing: Phrase | undefined): Pick<Phrase, 'intents' | 'lead'> {
  const intents = row.intents ?? existing?.intents;
  const lead = row.lead ?? existing?.lead;
  return { ...(intents ? { intents } : {}), ...(lead ? { lead } : {}) };
}

/** A planned row that changes nothing of the stored phrase it matched. */
function storedAlready(existing: Phrase, draft: { stageId: string; title: string; body: string; variants?: string[]; code?: string; tags: string[] } & Pick<Phrase, 'intents' | 'lead'>): boolean {
  return (
    JSON.stringify([existing.intents, existing.lead]) === JSON.stringify([draft.intents, draft.lead]) &&
    existing.stageId === draft.stageId &&
    existing.title === draft.title &&
    existing.body === draft.body &&
    (existing.variants ?? []).join('\n') === (draft.variants ?? []).join('\n') &&
    (existing.code ?? undefined) === draft.code &&
    existing.tags.join('\n') === draft.tags.join('\n')
  );
}

/** What the record schema would refuse that validatePhrase does not word (tag length and count). */
export function schemaProblems(draft: { tags: string[] }): PhraseProblem[] {
  const problems: PhraseProblem[] = [];
  const long = draft.tags.find((t) => [...t].length > 20);
  if (long) problems.push({ code: 'tag-too-long', tag: long, max: 20 });
  if (draft.tags.length > 20) problems.push({ code: 'too-many-tags', max: 20 });
  return problems;
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────────────────

type ExportPhrase = Pick<Phrase, 'id' | 'stageId' | 'title' | 'body' | 'code' | 'tags'> & Partial<Pick<Phrase, 'variants' | 'intents' | 'lead'>>;

export function exportJsonPack(stages: readonly Stage[], phrases: readonly ExportPhrase[], name = '导出的短语'): string {
  const pack = {
    format: 'kefu-phrase-pack',
    version: 1,
    id: 'export',
    name,
    stages,
    phrases: phrases.map(({ id, stageId, title, body, variants, code, tags, intents, lead }) => ({
      ...{ id, stageId, title, body, ...(variants?.length ? { variants } : {}), ...(code ? { code } : {}), tags },
      // What it answers and when it may lead (#32), so a pack moved between libraries keeps its guards.
      ...(intents ? { intents } : {}),
      ...(lead ? { lead } : {}),
    })),
  };
  return JSON.stringify(PhrasePackSchema.parse(pack), null, 1);
}

/** Our CSV, UTF-8 with a BOM so Excel opens the Chinese correctly. */
export function exportCsv(stages: readonly Stage[], phrases: readonly ExportPhrase[]): string {
  const names = new Map(stages.map((s) => [s.id, s.name]));
  const rows = phrases.map((p) => [names.get(p.stageId) ?? '', p.title, p.code ?? '', p.body, p.tags.join('|')]);
  return '\ufeff' + toCsv(CSV_HEADER, rows);
}

/** Qianniu's quick-phrase CSV, GBK-encoded. @throws GbkEncodeError when a phrase has characters GBK lacks. */
export function exportQianniuCsv(stages: readonly Stage[], phrases: readonly ExportPhrase[]): Uint8Array {
  const names = new Map(stages.map((s) => [s.id, s.name]));
  const rows = phrases.map((p) => [p.code ?? '', p.body, names.get(p.stageId) ?? '']);
  return encodeGbk(toCsv(QIANNIU_HEADER, rows));
}
