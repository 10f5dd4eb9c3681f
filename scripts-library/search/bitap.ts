/**
 * Fuse.js's bitap search (fuse.js 7.5, src/search/bitap), the same results to the last bit, for the options the
 * ranking gives it (location 0, ignoreLocation, case-insensitive, no diacritics folding, findAllMatches off): Fuse
 * reads each text character as a new one-character string looked up in an object (a Chinese character is not
 * one of V8's cached single-character strings) and builds a new array per error level. Here each text position's
 * pattern mask is read once per text into a typed array and the levels reuse two typed arrays; and a text that
 * cannot hold enough of the pattern's characters for the most errors the threshold allows (a Chinese body for
 * 蓝牙耳机 facouhuo) is answered "no match" without a level run. Registered with Fuse.use for the Fuse instances
 * whose options carry `codeUnitBitap: true` (ranking.ts); any other Fuse is Fuse's own. Figures: README
 * (dependencies, fuse.js) and tests/bench/HISTORY.md.
 */

/** The options Fuse hands a searcher (its Config merged with the instance's). */
export interface BitapOptions {
  codeUnitBitap?: boolean;
  location?: number;
  threshold?: number;
  includeMatches?: boolean;
  findAllMatches?: boolean;
  minMatchCharLength?: number;
  isCaseSensitive?: boolean;
  ignoreDiacritics?: boolean;
  ignoreLocation?: boolean;
}

export interface BitapResult {
  isMatch: boolean;
  score: number;
  indices?: [number, number][];
}

interface Chunk {
  pattern: string;
  startIndex: number;
  /** Pattern mask of a code unit below 128 (Fuse's alphabet), by code. */
  ascii: Int32Array;
  /** …and of any other code unit. */
  other: Map<number, number>;
  /** Each distinct code unit's place in `wanted`, for counting (ASCII by code; others by the map). */
  slotAscii: Int8Array;
  slotOther: Map<number, number>;
  /** How many times the pattern holds each distinct code unit. */
  wanted: Int32Array;
}

/** Scratch shared by every search (one query runs at a time). */
let masks = new Int32Array(256);
let bitA = new Int32Array(256);
let bitB = new Int32Array(256);
const held = new Int32Array(32);
let matchMask = new Uint8Array(256);

function room(need: number): void {
  if (masks.length >= need) return;
  const size = Math.max(need, masks.length * 2);
  masks = new Int32Array(size);
  bitA = new Int32Array(size);
  bitB = new Int32Array(size);
  matchMask = new Uint8Array(size);
}

function chunkOf(pattern: string, startIndex: number): Chunk {
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  const slotAscii = new Int8Array(128).fill(-1);
  const slotOther = new Map<number, number>();
  const counts: number[] = [];
  const len = pattern.length;
  for (let i = 0; i < len; i++) {
    const c = pattern.charCodeAt(i);
    const bit = 1 << (len - i - 1);
    let slot: number;
    if (c < 128) {
      ascii[c]! |= bit;
      if (slotAscii[c] === -1) slotAscii[c] = counts.push(0) - 1;
      slot = slotAscii[c]!;
    } else {
      other.set(c, (other.get(c) ?? 0) | bit);
      if (!slotOther.has(c)) slotOther.set(c, counts.push(0) - 1);
      slot = slotOther.get(c)!;
    }
    counts[slot]!++;
  }
  return { pattern, startIndex, ascii, other, slotAscii, slotOther, wanted: Int32Array.from(counts) };
}

/** Fuse's convertMaskToIndices over `matchMask[0, textLen)`. */
function maskToIndices(textLen: number, minMatchCharLength: number): [number, number][] {
  const indices: [number, number][] = [];
  let start = -1;
  let i = 0;
  for (; i < textLen; i++) {
    const match = matchMask[i];
    if (match && start === -1) start = i;
    else if (!match && start !== -1) {
      if (i - 1 - start + 1 >= minMatchCharLength) indices.push([start, i - 1]);
      start = -1;
    }
  }
  if (textLen > 0 && matchMask[i - 1] && i - start >= minMatchCharLength) indices.push([start, i - 1]);
  return indices;
}

/** Fuse's mergeIndices. */
function mergeIndices(indices: [number, number][]): [number, number][] {
  if (indices.length <= 1) return indices;
  indices.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [indices[0]!];
  for (let i = 1; i < indices.length; i++) {
    const last = merged[merged.length - 1]!;
    const curr = indices[i]!;
    if (curr[0] <= last[1] + 1) last[1] = Math.max(last[1], curr[1]);
    else merged.push(curr);
  }
  return merged;
}

/**
 * Reads each text position's pattern mask into `masks` and returns how many of the pattern's characters the text
 * can supply (each distinct code unit counted up to as often as the pattern holds it).
 */
function readMasks(text: string, chunk: Chunk): number {
  const { ascii, other, slotAscii, slotOther, wanted } = chunk;
  held.fill(0, 0, wanted.length);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 128) {
      masks[k] = ascii[c]!;
      if (masks[k]) held[slotAscii[c]!]!++;
    } else {
      const m = other.get(c);
      masks[k] = m ?? 0;
      if (m) held[slotOther.get(c)!]!++;
    }
  }
  let supply = 0;
  for (let s = 0; s < wanted.length; s++) supply += Math.min(wanted[s]!, held[s]!);
  return supply;
}

/**
 * One error level of the bitap (Fuse's inner loop over j, from the text's end down): returns the new start and
 * writes what it found into `found`.
 */
function level(i: number, start: number, finish: number, textLen: number, mask: number, bit: Int32Array, last: Int32Array, found: Found): void {
  bit[finish + 1] = (1 << i) - 1;
  for (let j = finish; j >= start; j--) {
    const currentLocation = j - 1;
    const charMatch = currentLocation < textLen ? masks[currentLocation]! : 0;
    let b = ((bit[j + 1]! << 1) | 1) & charMatch;
    if (i) b |= (((last[j + 1]! | last[j]!) << 1) | 1) | last[j + 1]!;
    bit[j] = b;
    if (b & mask) {
      const score = i / found.patternLen;
      found.finalScore = score;
      if (score <= found.threshold) {
        found.threshold = score;
        found.bestLocation = currentLocation;
        found.bestErrors = i;
        if (currentLocation <= found.expectedLocation) break;
        start = Math.max(1, 2 * found.expectedLocation - currentLocation);
      }
    }
  }
}

interface Found {
  patternLen: number;
  expectedLocation: number;
  threshold: number;
  finalScore: number;
  bestLocation: number;
  bestErrors: number;
}

/** Fuse's `search(text, pattern, alphabet, options)` for one chunk, with ignoreLocation. */
function searchChunk(text: string, chunk: Chunk, options: Required<Pick<BitapOptions, 'threshold' | 'includeMatches' | 'minMatchCharLength' | 'location'>>): BitapResult {
  const { pattern } = chunk;
  const patternLen = pattern.length;
  const textLen = text.length;
  const { threshold, includeMatches, minMatchCharLength } = options;
  const location = options.location + chunk.startIndex;
  const found: Found = { patternLen, expectedLocation: Math.max(0, Math.min(location, textLen)), threshold, finalScore: 1, bestLocation: -1, bestErrors: 0 };
  const computeMatches = minMatchCharLength > 1 || includeMatches;
  room(textLen + patternLen + 2);
  if (computeMatches) matchMask.fill(0, 0, textLen);
  let index: number;
  let from = found.expectedLocation;
  while ((index = text.indexOf(pattern, from)) > -1) {
    found.threshold = Math.min(0, found.threshold);
    from = index + patternLen;
    if (computeMatches) matchMask.fill(1, index, index + patternLen);
  }
  // The most errors a level may have: Fuse runs levels 0, 1, … while (i + 1) / patternLen stays within the threshold.
  let most = 0;
  while (most + 1 < patternLen && (most + 1) / patternLen <= found.threshold) most++;
  if (readMasks(text, chunk) >= patternLen - most) runLevels(textLen, patternLen, found);
  return finish(text, chunk, found, computeMatches, includeMatches, minMatchCharLength);
}

/** Fuse's loop over error levels (with ignoreLocation every level scans the whole text). */
function runLevels(textLen: number, patternLen: number, found: Found): void {
  let bit = bitA;
  let last = bitB;
  let binMax = patternLen + textLen;
  const mask = 1 << (patternLen - 1);
  for (let i = 0; i < patternLen; i++) {
    let binMin = 0;
    let binMid = binMax;
    while (binMin < binMid) {
      if (i / patternLen <= found.threshold) binMin = binMid;
      else binMax = binMid;
      binMid = Math.floor((binMax - binMin) / 2 + binMin);
    }
    binMax = binMid;
    const start = Math.max(1, found.expectedLocation - binMid + 1);
    const end = Math.min(found.expectedLocation + binMid, textLen) + patternLen;
    level(i, start, end, textLen, mask, bit, last, found);
    if ((i + 1) / patternLen > found.threshold) break;
    [bit, last] = [last, bit];
  }
}

function finish(text: string, chunk: Chunk, found: Found, computeMatches: boolean, includeMatches: boolean, minMatchCharLength: number): BitapResult {
  const textLen = text.length;
  const { bestLocation } = found;
  if (computeMatches && bestLocation >= 0) {
    const matchEnd = Math.min(textLen - 1, bestLocation + chunk.pattern.length - 1 + found.bestErrors);
    for (let k = bestLocation; k <= matchEnd; k++) if (masks[k]) matchMask[k] = 1;
  }
  const result: BitapResult = { isMatch: bestLocation >= 0, score: Math.max(0.001, found.finalScore) };
  if (computeMatches) {
    const indices = maskToIndices(textLen, minMatchCharLength);
    if (!indices.length) result.isMatch = false;
    else if (includeMatches) result.indices = indices;
  }
  return result;
}

/** A Fuse.js searcher (Fuse.use) answering as Fuse's BitapSearch does, for the options `condition` accepts. */
export class CodeUnitBitap {
  static condition(_pattern: string, options: BitapOptions): boolean {
    return options.codeUnitBitap === true && options.ignoreLocation === true && !options.findAllMatches && !options.isCaseSensitive && !options.ignoreDiacritics;
  }

  private readonly pattern: string;
  private readonly chunks: Chunk[] = [];
  private readonly options: Required<Pick<BitapOptions, 'threshold' | 'includeMatches' | 'minMatchCharLength' | 'location'>>;

  constructor(pattern: string, options: BitapOptions) {
    this.options = { threshold: options.threshold ?? 0.6, includeMatches: options.includeMatches ?? false, minMatchCharLength: options.minMatchCharLength ?? 1, location: options.location ?? 0 };
    this.pattern = pattern.toLowerCase();
    const len = this.pattern.length;
    if (!len) return;
    // Fuse's chunks of 32 (a bitap mask is 32 bits), the last one ending at the pattern's end.
    if (len > 32) {
      const remainder = len % 32;
      for (let i = 0; i < len - remainder; i += 32) this.chunks.push(chunkOf(this.pattern.substr(i, 32), i));
      if (remainder) this.chunks.push(chunkOf(this.pattern.substr(len - 32), len - 32));
    } else this.chunks.push(chunkOf(this.pattern, 0));
  }

  searchIn(input: string): BitapResult {
    const text = input.toLowerCase();
    const { includeMatches, minMatchCharLength } = this.options;
    if (this.pattern === text) {
      if (text.length < minMatchCharLength) return { isMatch: false, score: 1 };
      const result: BitapResult = { isMatch: true, score: 0 };
      if (includeMatches) result.indices = [[0, text.length - 1]];
      return result;
    }
    const all: [number, number][] = [];
    let total = 0;
    let has = false;
    for (const chunk of this.chunks) {
      const { isMatch, score, indices } = searchChunk(text, chunk, this.options);
      if (isMatch) has = true;
      total += score;
      if (isMatch && indices) all.push(...indices);
    }
    const result: BitapResult = { isMatch: has, score: has ? total / this.chunks.length : 1 };
    if (has && includeMatches) result.indices = mergeIndices(all);
    return result;
  }
}
