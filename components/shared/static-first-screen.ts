/**
 * The panel's first screen drawn without React, by sidepanel.html's head script (entrypoints/first-screen) as soon
 * as its rows are read: the same markup as React's first render of the panel with those rows (no settings, no
 * served tab known yet, nothing typed), so the agent sees the phrases while the panel's module is still being
 * compiled and evaluated, and React's first commit replaces this screen with identical pixels. Built with DOM
 * calls only: every phrase text is set as text, never parsed as HTML. tests/components/static-first-screen.test.tsx
 * holds the markup to React's.
 *
 * Until React takes over, the screen is not interactive (header and search inert, the box read-only) except its
 * rows: a click on one is kept and inserted once the panel can insert (use-early-click.ts), so no click is lost.
 * Keys are kept too (keepEarlyKeys): Alt+n and Enter take the row the agent sees as n / as active, by its id;
 * letters typed become the search once React's box is there.
 */
import { previewPieces, previewText } from '../phrases/phrase-preview';
import { t, type MessageKey } from './i18n';
import { GEAR_PATH, PIN_PATH } from './icon-paths';
import type { EarlyPaint } from './first-screen-ids';

/** What a row needs: a stored phrase's fields (the head script reads them raw from IndexedDB). */
export interface StaticRow {
  id: string;
  title: string;
  body: string;
  pinned?: boolean;
  code?: string;
}

type Attrs = Record<string, string>;
type Child = Node | string;

function el(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children); // strings become text nodes
  return node;
}

function icon(width: number, name: string, path: Attrs): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [k, v] of Object.entries({ width: String(width), height: String(width), viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false', class: `icon icon--${name}` })) svg.setAttribute(k, v);
  const p = document.createElementNS(ns, 'path');
  for (const [k, v] of Object.entries(path)) p.setAttribute(k, v);
  svg.append(p);
  return svg;
}

const VIEWS: MessageKey[] = ['viewPhrases', 'viewRules', 'viewTally', 'viewNotes', 'viewPlan'];

function header(): HTMLElement {
  const tabs = VIEWS.map((key, i) => el('button', { role: 'tab', 'aria-selected': String(i === 0) }, t(key)));
  const gear = el('button', { class: 'icon-button', 'aria-label': t('settings'), title: t('settings') }, icon(16, 'gear', { fill: 'currentColor', 'fill-rule': 'evenodd', d: GEAR_PATH }));
  return el(
    'header',
    { class: 'panel__header', inert: '' },
    el('h1', { class: 'sr-only' }, t('panelTitle')),
    el('div', { class: 'panel__nav' }, el('div', { class: 'views', role: 'tablist' }, ...tabs), gear),
    el(
      'div',
      { class: 'buyer' },
      el('div', { class: 'buyerbar' }, el('div', { class: 'served served--loading' }, t('loading'))),
      el(
        'details',
        { class: 'buyerbar__fold' },
        el('summary', { title: t('buyerMoreHint') }, t('buyerMore')),
        el('div', { class: 'served-actions' }, el('section', { class: 'chase', 'aria-label': t('chaseTitle') })),
      ),
    ),
  );
}

function finder(rows: number): HTMLElement {
  const search = el('input', { class: 'search', 'aria-label': t('searchLabel'), 'aria-controls': 'phrase-list', placeholder: t('searchPlaceholder'), type: 'search', value: '', readonly: '' });
  if (rows) search.setAttribute('aria-activedescendant', 'phrase-0');
  return el(
    'div',
    { class: 'finder', inert: '' },
    el('div', { class: 'finder__row' }, search, el('button', { class: 'finder__manage', 'aria-pressed': 'false' }, t('manage'))),
    el('div', { class: 'stages', role: 'tablist', 'aria-label': t('stagesLabel') }, el('button', { role: 'tab', 'aria-selected': 'true', class: 'stage' }, t('stageAll'))),
  );
}

function row(phrase: StaticRow, index: number): HTMLElement {
  const pieces = previewPieces(phrase.body, {});
  const head = el('span', { class: 'phrase__head' });
  if (index < 9) head.append(el('kbd', { class: 'phrase__key' }, String(index + 1)));
  head.append(el('span', { class: 'phrase__title' }, phrase.title));
  if (phrase.pinned) head.append(el('span', { class: 'phrase__pin', role: 'img', 'aria-label': t('pinned') }, icon(14, 'pin', { d: PIN_PATH, fill: 'currentColor' })));
  if (phrase.code) head.append(el('span', { class: 'phrase__code' }, t('phraseCode', phrase.code)));
  const body = el('span', { class: 'phrase__body' }, ...pieces.map((p) => (p.kind === 'slot' ? el('span', { class: 'phrase__slot', 'data-slot': 'true' }, p.text) : el('span', {}, p.text))));
  const button = el('button', { class: index === 0 ? 'phrase phrase--active' : 'phrase', title: `${previewText(pieces)}\n\n${t('insertHint')}`, 'data-phrase-id': phrase.id, tabindex: '-1' }, head, body);
  return el('li', { role: 'option', 'aria-selected': String(index === 0), id: `phrase-${index}`, class: 'phrase-row' }, button);
}

/**
 * The panel as React first renders it with these rows, as a detached `<main>`. `onRowClick` hears a click on a row
 * (the phrase's id), a double click's second click not counted (as React's rows).
 */
export function staticFirstScreen(rows: readonly StaticRow[], onRowClick: (id: string) => void): HTMLElement {
  const list = el('ul', { class: 'phrases', role: 'listbox', 'aria-label': t('phraseListLabel'), id: 'phrase-list' }, ...rows.map(row));
  list.addEventListener('click', (e) => {
    const id = (e.target as Element | null)?.closest?.('[data-phrase-id]')?.getAttribute('data-phrase-id');
    if (id && e.detail < 2) onRowClick(id);
  });
  const toolbar = el('div', { class: 'toolbar', hidden: '' }, el('input', { accept: '.json,.csv,application/json,text/csv', hidden: '', 'data-testid': 'import-file', type: 'file' }));
  const notice = el('div', { class: 'notice notice--ok', role: 'status', 'aria-live': 'polite', 'data-testid': 'notice' });
  return el('main', { class: 'panel' }, header(), finder(rows.length), toolbar, list, notice);
}

/** Keys that move the selection or the focus: after one, the row under Enter is no longer the one shown active. */
const MOVES = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', 'Tab']);

/**
 * Keys on the static screen, kept for React (use-early-click.ts): Alt+1–9 and Enter take a row as a click does (the
 * row the agent sees under that number, or the active first one, by id: React's order may differ once suggestions
 * come) — but only while nothing was typed and nothing moved: after letters or an arrow the agent means a result the
 * static screen cannot show, so that key takes nothing. A printable character or Backspace edits what will be the
 * search, shown in the static box. Keys with Ctrl/⌘, or while an input method composes, are left alone; once React's
 * search took the characters (`keysTaken`), or a field of React's has the focus, nothing more is kept. Returns the
 * way to stop listening.
 */
export function keepEarlyKeys(win: Window, rows: readonly StaticRow[], state: EarlyPaint): () => void {
  let moved = false;
  const onKey = (e: KeyboardEvent) => {
    const focused = win.document.activeElement;
    if (state.keysTaken) return stop();
    if (e.isComposing || e.keyCode === 229 || e.ctrlKey || e.metaKey) return;
    if (focused && focused !== win.document.body && /^(INPUT|TEXTAREA|SELECT)$/.test(focused.tagName)) return;
    if (MOVES.has(e.key)) return void (moved = true);
    const n = e.altKey && /^[1-9]$/.test(e.key) ? Number(e.key) - 1 : e.key === 'Enter' && !e.altKey ? 0 : -1;
    if (n >= 0) {
      if (rows[n] && !state.typed && !moved) state.clicked = rows[n].id;
    } else if (e.key === 'Backspace') state.typed = state.typed?.slice(0, -1);
    else if (!e.altKey && [...e.key].length === 1) state.typed = (state.typed ?? '') + e.key;
    else return;
    e.preventDefault();
    const box = win.document.querySelector<HTMLInputElement>('input.search[readonly]'); // the static box, never React's
    if (box) box.value = state.typed ?? '';
  };
  const stop = () => win.removeEventListener('keydown', onKey, true);
  win.addEventListener('keydown', onKey, true);
  return stop;
}
