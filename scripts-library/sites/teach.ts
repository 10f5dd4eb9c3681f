/**
 * Teach by pointing (#33 item 5): from the four elements the agent clicked in a console we do not know (the reply
 * box, the send button, the buyer's name, one buyer message), stable ways to find them again after a reload,
 * and the reads a "taught" adapter makes from them. Stable means: ids that do not look generated, `data-*` /
 * role / aria-label / contenteditable attributes, a button's text label (发送), structural paths from the nearest
 * stable ancestor; never a hashed class (`css-1x2y3z`, `_abc12`, `sc-…`, `messageList_Zx3c4`). Who wrote a
 * message is told by structure: what differs between the taught buyer row and rows on the other side (flex
 * direction, justify, text-align, a stable attribute), never by a class a build renamed.
 *
 * DOM in, plain data out; no side effects (table-tested in tests/unit/scripts-library/teach.test.ts).
 */
import type { Locator, SideMarker, TaughtMessages } from '../shared/taught-site';

export { LocatorSchema, SideMarkerSchema, TaughtMessagesSchema, TaughtSiteSchema } from '../shared/taught-site';
export type { Locator, SideMarker, TaughtMessages, TaughtSite } from '../shared/taught-site';

export const TEACH_STEPS = ['replyBox', 'send', 'buyerName', 'message'] as const;
export type TeachStep = (typeof TEACH_STEPS)[number];

// ── what looks generated ────────────────────────────────────────────────────────────────────────────────────

const WORDS_WITH_DIGITS = /^(h[1-6]|v\d|utf8|x2|2x|3d|mp[34]|md5|sha\d+|base64|i18n|l10n|col\d{1,2}|mt\d|mb\d|ml\d|mr\d|pt\d|pb\d|p\d|m\d|w\d{1,3}|z\d{1,3})$/i;

/** A part of a name (split on - and _) that a build tool or a counter made: letters and digits mixed, or a long number. */
function generatedPart(part: string): boolean {
  if (!part) return false;
  if (/^\d{3,}$/.test(part)) return true;
  if (/[a-z]/i.test(part) && /\d/.test(part) && !WORDS_WITH_DIGITS.test(part)) return true;
  // A random run of letters with case flips inside it (pLqRs), not camelCase words (messageList has one flip).
  const flips = part.slice(1).match(/(?<=[a-z])[A-Z]|(?<=[A-Z])[a-z](?=[A-Z])/g)?.length ?? 0;
  return part.length >= 5 && flips >= 3;
}

/**
 * A class a build tool generated, which changes from one release (or, for some consoles, one load) to the next:
 * emotion `css-1x2y3z`, styled-components `sc-abc` / `jTsdFk`, CSS modules `messageList_Zx3c4` / `_abc12`,
 * JSS `makeStyles-root-12` / `jss34`.
 */
export function looksHashed(cls: string): boolean {
  if (/^(css|sc|jss|emotion|tw)-/.test(cls) || /^jss\d+$/.test(cls) || /^_/.test(cls)) return true;
  return cls.split(/[-_]+/).some(generatedPart);
}

/** An id a framework or a counter made (`:r1:`, `el-8812`, a UUID), not one a developer named. */
export function looksGeneratedId(id: string): boolean {
  return !id || /[:.\s]/.test(id) || id.length > 60 || id.split(/[-_]+/).some(generatedPart);
}

/** An attribute value a counter or a build made (`msg-88121`, `:r3:`); words and labels (发送, Send message) are not. */
function generatedValue(value: string): boolean {
  return /^:|:$/.test(value) || value.split(/[-_\s/.]+/).some(generatedPart);
}

// ── finding again ───────────────────────────────────────────────────────────────────────────────────────────

/** Text as a label reads: whitespace folded, trimmed. */
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** 发送, 发 送, Send, 发送(S): the send labels consoles use. */
const SEND_LABEL = /^(发\s*送|send)(\s*[(（][a-z][)）])?$/i;

function escapeCss(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}
const quote = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;

function all(root: ParentNode, css: string): Element[] {
  try {
    return [...root.querySelectorAll(css)];
  } catch {
    return [];
  }
}

/** The elements a locator finds (its CSS, then its text label when it has one). */
export function findAll(root: ParentNode, loc: Locator): Element[] {
  const found = all(root, loc.css);
  if (loc.text === undefined) return found;
  // A wrapper whose only text is the label shows it too: the innermost element that shows it is the control.
  const labelled = found.filter((el) => norm(el.textContent) === loc.text);
  return labelled.filter((el) => !labelled.some((other) => other !== el && el.contains(other)));
}
export const findOne = (root: ParentNode, loc: Locator): Element | null => findAll(root, loc)[0] ?? null;

/** Attributes worth naming an element by, most telling first. */
const ATTRS = ['data-qa-id', 'data-testid', 'data-test', 'data-test-id', 'data-role', 'data-type', 'name', 'role', 'aria-label', 'placeholder', 'contenteditable', 'type'];

/** Selectors for `el` alone (no ancestors), most telling first, skipping any generated id, value or class. */
function ownSelectors(el: Element): string[] {
  const tag = el.tagName.toLowerCase();
  const out: string[] = [];
  if (el.id && !looksGeneratedId(el.id)) out.push(`#${escapeCss(el.id)}`);
  const names = [...ATTRS, ...[...el.attributes].map((a) => a.name).filter((n) => n.startsWith('data-') && !ATTRS.includes(n))];
  for (const name of names) {
    const value = el.getAttribute(name);
    if (value === null || value.length > 80 || generatedValue(value)) continue;
    out.push(value === '' ? `${tag}[${name}]` : `${tag}[${name}=${quote(value)}]`);
  }
  for (const cls of el.classList) if (!looksHashed(cls)) out.push(`${tag}.${escapeCss(cls)}`);
  return out;
}

const unique = (root: ParentNode, css: string, el: Element) => {
  const found = all(root, css);
  return found.length === 1 && found[0] === el;
};

/** One step down from the parent: a stable selector unique among the siblings, else `tag:nth-of-type(n)`. */
function childStep(el: Element): string {
  const parent = el.parentElement;
  const tag = el.tagName.toLowerCase();
  if (!parent) return tag;
  for (const own of ownSelectors(el)) {
    if (own.startsWith('#')) continue;
    if ([...parent.children].filter((c) => c.matches(own)).length === 1) return own;
  }
  const same = [...parent.children].filter((c) => c.tagName === el.tagName);
  return same.length === 1 ? tag : `${tag}:nth-of-type(${same.indexOf(el) + 1})`;
}

/**
 * A stable way to find `el` again: its own id / attribute / stable class when that alone is unique in the
 * document, a send button by its label, else a path of child steps from the nearest ancestor that has one (or
 * from body).
 */
export function deriveLocator(el: Element): Locator {
  const doc = el.ownerDocument;
  const label = norm(el.textContent);
  if (SEND_LABEL.test(label) && el.childElementCount <= 2) {
    const tag = el.tagName.toLowerCase();
    const text = label.replace(/\s+/g, ' ');
    if (findAll(doc, { css: tag, text })[0] === el) return { css: tag, text };
  }
  for (const own of ownSelectors(el)) if (unique(doc, own, el)) return { css: own };
  const steps: string[] = [childStep(el)];
  for (let up = el.parentElement; up && up !== doc.documentElement; up = up.parentElement) {
    if (up === doc.body) return { css: ['body', ...steps].join(' > ') };
    const anchor = ownSelectors(up).find((s) => unique(doc, s, up));
    if (anchor) return { css: [anchor, ...steps].join(' > ') };
    steps.unshift(childStep(up));
  }
  return { css: steps.join(' > ') };
}

// ── messages ────────────────────────────────────────────────────────────────────────────────────────────────

/** The children-index path from `from` down to `to` (`'1/0'`), or null when `to` is not under it. */
function pathTo(from: Element, to: Element): string | null {
  const parts: number[] = [];
  for (let el: Element | null = to; el && el !== from; el = el.parentElement) {
    if (!el.parentElement) return null;
    parts.unshift([...el.parentElement.children].indexOf(el));
  }
  return parts.join('/');
}
function at(row: Element, path: string): Element | null {
  let el: Element | null = row;
  for (const i of path ? path.split('/') : []) el = el?.children[Number(i)] ?? null;
  return el;
}

/** The row's shape: its tag and its children's tags, sorted (a mirrored row has the same shape). */
export function rowShape(row: Element): string {
  return [row.tagName, ...[...row.children].map((c) => c.tagName).sort()].join(' ').toLowerCase();
}

const SIDE_STYLES = ['flex-direction', 'justify-content', 'text-align', 'align-self', 'align-items', 'float', 'direction'] as const;

/** What may tell the two sides apart, per element under the row (depth ≤ 2): layout and stable attributes. */
function features(row: Element): Map<string, string> {
  const out = new Map<string, string>();
  const view = row.ownerDocument.defaultView;
  const visit = (el: Element, path: string, depth: number) => {
    const style = view?.getComputedStyle(el);
    for (const prop of SIDE_STYLES) {
      const value = style?.getPropertyValue(prop) || (el as HTMLElement).style?.getPropertyValue(prop) || '';
      if (value) out.set(`${path}|style:${prop}`, value);
    }
    for (const a of el.attributes) {
      if (a.name.startsWith('data-') && a.value.length <= 40 && !generatedValue(a.value)) out.set(`${path}|attr:${a.name}`, a.value);
    }
    for (const cls of el.classList) if (!looksHashed(cls)) out.set(`${path}|class:${cls}`, 'yes');
    if (depth < 2) [...el.children].slice(0, 6).forEach((c, i) => visit(c, path ? `${path}/${i}` : String(i), depth + 1));
  };
  visit(row, '', 0);
  return out;
}

/** The row of the message list that holds `el`: the level at which the most siblings share the tag. */
function rowOf(el: Element): Element | null {
  let best: Element | null = null;
  let bestCount = 1;
  let depth = 0;
  for (let up: Element | null = el; up?.parentElement && depth < 10; up = up.parentElement, depth++) {
    if (up.parentElement === up.ownerDocument.body) break;
    const count = [...up.parentElement.children].filter((c) => c.tagName === up!.tagName).length;
    if (count > bestCount) [best, bestCount] = [up, count];
  }
  return best;
}

export type TeachError = 'no-list' | 'no-agent-row';

/**
 * From one buyer message the agent clicked: the message list, the buyer row's shape, where its text is, and the
 * markers that tell the buyer's rows from the agent's (what differs between this row and the rows of the same
 * shape on the other side). Needs a conversation showing both sides.
 */
export function deriveMessages(clicked: Element): TaughtMessages | TeachError {
  const row = rowOf(clicked);
  const list = row?.parentElement;
  if (!row || !list) return 'no-list';
  const shape = rowShape(row);
  const mine = features(row);
  // Rows of the same shape that differ from the buyer's on a side property: the agent's. The most common such
  // signature wins (a row of another shape — a date line, a system notice — is neither).
  const signatures = new Map<string, { count: number; diff: SideMarker[] }>();
  for (const other of list.children) {
    if (other === row || rowShape(other) !== shape) continue;
    const theirs = features(other);
    const diff: SideMarker[] = [];
    for (const [key, value] of new Set([...mine.keys(), ...theirs.keys()]).entries()) {
      void value;
      const a = mine.get(key) ?? '';
      const b = theirs.get(key) ?? '';
      if (a === b) continue;
      const [path = '', prop = ''] = key.split('|');
      diff.push({ path, prop, buyer: a, agent: b });
    }
    if (!diff.some((d) => d.prop.startsWith('style:') || d.prop.startsWith('class:') || d.prop.startsWith('attr:'))) continue;
    const sig = JSON.stringify(diff);
    const seen = signatures.get(sig) ?? { count: 0, diff };
    seen.count++;
    signatures.set(sig, seen);
  }
  const agent = [...signatures.values()].sort((a, b) => b.count - a.count || a.diff.length - b.diff.length)[0];
  if (!agent) return 'no-agent-row';
  // Attributes and stable classes first (they say it outright), then layout; at most 12.
  const rank = (m: SideMarker) => (m.prop.startsWith('attr:') ? 0 : m.prop.startsWith('class:') ? 1 : 2);
  const side = [...agent.diff].sort((a, b) => rank(a) - rank(b)).slice(0, 12);
  return { list: deriveLocator(list), shape, text: pathTo(row, clicked) ?? '', side };
}

export interface ReadMessage {
  from: 'buyer' | 'agent' | 'other';
  text: string;
}

/** The open conversation's messages as the taught markers read them (rows of another shape are `other`). */
export function readTaughtMessages(doc: Document, taught: TaughtMessages): ReadMessage[] {
  const list = findOne(doc, taught.list);
  if (!list) return [];
  return [...list.children].map((row): ReadMessage => {
    if (rowShape(row) !== taught.shape) return { from: 'other', text: norm(row.textContent) };
    const f = features(row);
    const value = (m: SideMarker) => f.get(`${m.path}|${m.prop}`) ?? '';
    const from = taught.side.every((m) => value(m) === m.buyer) ? 'buyer' : taught.side.every((m) => value(m) === m.agent) ? 'agent' : 'other';
    const text = from === 'buyer' ? norm(at(row, taught.text)?.textContent) || norm(row.textContent) : norm(row.textContent);
    return { from, text };
  });
}

/** The buyer's name as the taught element shows it (first line, at most 200 characters). */
export function readTaughtText(doc: Document, loc: Locator): string | null {
  const el = findOne(doc, loc);
  const text = norm(el?.textContent).slice(0, 200);
  return text || null;
}
