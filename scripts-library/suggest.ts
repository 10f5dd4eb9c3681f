/**
 * Suggested replies to the buyer's latest message: the three phrases most likely to answer it. A phrase scores by
 * the stage the message needs (stage-hint.ts) and by how much of the message its title, tags and body share
 * (character pairs, so 发中通吗 meets 快递公司: 默认中通); answered questions of the 问题登记本 whose question
 * resembles the message come in as suggestions of their own (the FAQ of seed 003, searched by the message).
 * Pure: the panel and the background (for the "/" picker) call it with what they have.
 */
import { normalizeTerm } from './guard/normalize';
import { stageGuess } from './stage-hint';

export interface Suggestible {
  id: string;
  stageId: string;
  title: string;
  body: string;
  tags: string[];
  useCount: number;
}

export interface AnsweredQuestion {
  id: string;
  question: string;
  answer: string;
}

export type Suggestion<P> = { kind: 'phrase'; phrase: P; score: number } | { kind: 'faq'; faq: AnsweredQuestion; score: number };

const SUGGESTIONS = 3;
/** Least share of the message's character pairs a FAQ question must hold to be offered. */
const FAQ_MIN = 0.34;

/**
 * The character pairs of the buyer's message, normalised (traditional → simplified, look-alikes). Phrases, which
 * the shop writes in simplified Chinese, are searched for them as they are: normalising a 10k library would take
 * ≈ 0.4 s.
 */
function pairs(text: string): Set<string> {
  const t = normalizeTerm(text, false).replace(/[\s\p{P}\p{S}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
}

/** The share of the message's pairs that `text` holds (a native includes() per pair: no per-phrase index). */
function share(want: Set<string>, text: string): number {
  if (!want.size) return 0;
  let n = 0;
  for (const p of want) if (text.includes(p)) n++;
  return n / want.size;
}

export function suggestReplies<P extends Suggestible>(
  message: string | undefined,
  phrases: readonly P[],
  faq: readonly AnsweredQuestion[] = [],
  limit = SUGGESTIONS,
): Suggestion<P>[] {
  const text = message?.trim();
  if (!text) return [];
  const guess = stageGuess(text);
  const want = pairs(text);
  const out: Suggestion<P>[] = [];
  for (const phrase of phrases) {
    const stage = guess && phrase.stageId === guess.stage ? 2 * guess.confidence : 0;
    const words = 1.5 * share(want, phrase.title.toLowerCase()) + share(want, `${phrase.tags.join(' ')} ${phrase.body}`.toLowerCase());
    // Without a stage or shared words a phrase answers nothing here; use counts only break ties.
    if (stage + words < 0.3) continue;
    out.push({ kind: 'phrase', phrase, score: stage + words + Math.min(phrase.useCount, 50) / 1000 });
  }
  for (const q of faq) {
    const s = share(want, q.question.toLowerCase());
    if (s >= FAQ_MIN && q.answer.trim()) out.push({ kind: 'faq', faq: q, score: 2 + 2 * s });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}
