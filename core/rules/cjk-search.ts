/**
 * Full-text search that works for Chinese (FAQ knowledge base, SPEC §3.11; agents search it during a callback,
 * §8.7). PostgreSQL's text search has no Chinese word splitter, and PGlite has no extension that adds one, so
 * text is cut into tokens here and the database only stores and matches them (`tsvector` / `tsquery` literals,
 * which bypass the server's parser and locale: the same tokens on PGlite and on PostgreSQL):
 * - a run of CJK characters (汉字, kana, hangul) becomes its character bigrams; a document also indexes every
 *   single character, so a one-character query still finds it (the pg_bigm idea);
 * - a run of other letters and digits becomes one lowercase word (full-width forms folded by NFKC);
 * - everything else (punctuation, spaces, symbols) separates tokens.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;
/** Longest Latin/digit word kept; longer ones are cut (a VIN is 17). */
const MAX_WORD = 40;
/** Most query tokens used; a longer query is matched on its first ones. */
export const MAX_QUERY_TOKENS = 32;
/** tsvector positions stop at 16383; a lexeme keeps at most this many positions per field. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 16;

type Run = { kind: 'cjk' | 'word'; text: string };

/** NFKC (full-width → ASCII), lowercase, then runs of CJK characters and of other letters/digits. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current = null as Run | null;
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const kind = CJK.test(ch) ? 'cjk' : WORD.test(ch) ? 'word' : null;
    if (kind && current?.kind === kind) current.text += ch;
    else {
      if (current) runs.push(current);
      current = kind ? { kind, text: ch } : null;
    }
  }
  if (current) runs.push(current);
  return runs;
}

function bigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** The tokens of a document in order: every CJK character and every bigram, and each word. */
export function documentTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of runsOf(text)) {
    if (run.kind === 'word') {
      out.push([...run.text].slice(0, MAX_WORD).join(''));
      continue;
    }
    const chars = [...run.text];
    chars.forEach((ch, i) => {
      out.push(ch);
      const next = chars[i + 1];
      if (next) out.push(`${ch}${next}`);
    });
  }
  return out;
}

export interface QueryToken {
  token: string;
  /** Latin/digit words match as prefixes, so search-as-you-type finds "nedc" from "ne". */
  prefix: boolean;
}

/** The distinct tokens of a query: bigrams of each CJK run (the character itself when alone), and words. */
export function queryTokens(text: string): QueryToken[] {
  const seen = new Set<string>();
  const out: QueryToken[] = [];
  const add = (token: string, prefix: boolean) => {
    if (seen.has(token) || out.length >= MAX_QUERY_TOKENS) return;
    seen.add(token);
    out.push({ token, prefix });
  };
  for (const run of runsOf(text)) {
    if (run.kind === 'word') add([...run.text].slice(0, MAX_WORD).join(''), true);
    else {
      const chars = [...run.text];
      if (chars.length === 1) add(run.text, false);
      else for (const b of bigrams(chars)) add(b, false);
    }
  }
  return out;
}

/** A lexeme as a tsvector/tsquery literal: quoted, quotes and backslashes escaped. */
export function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export type Weight = 'A' | 'B' | 'C' | 'D';

/**
 * A `tsvector` literal of several fields, each with its weight (A = most important). Positions run on
 * across the fields so that ts_rank counts each occurrence.
 */
export function tsvectorLiteral(fields: { text: string; weight: Weight }[]): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const field of fields) {
    const perField = new Map<string, number>();
    for (const token of documentTokens(field.text)) {
      pos = Math.min(pos + 1, MAX_POSITION);
      const n = perField.get(token) ?? 0;
      if (n >= MAX_POSITIONS_PER_LEXEME) continue;
      perField.set(token, n + 1);
      const list = positions.get(token) ?? [];
      list.push(`${pos}${field.weight}`);
      positions.set(token, list);
    }
  }
  return [...positions].map(([token, list]) => `${quoteLexeme(token)}:${list.join(',')}`).join(' ');
}

/** A `tsquery` literal matching a document that has any of the tokens (ranking sorts by how many). */
export function tsqueryLiteral(tokens: QueryToken[]): string {
  return tokens.map((t) => `${quoteLexeme(t.token)}${t.prefix ? ':*' : ''}`).join(' | ');
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Splits `text` into plain and matching segments for highlighting the query's tokens in a result. */
export function highlight(text: string, query: string): Segment[] {
  const tokens = queryTokens(query);
  const folded = text.normalize('NFKC').toLowerCase();
  // Highlighting needs the same character offsets; if folding changed them, show the text plain.
  if (tokens.length === 0 || folded.length !== text.length) return text ? [{ text, hit: false }] : [];
  const hit = new Array<boolean>(text.length).fill(false);
  for (const { token } of tokens) {
    for (let at = folded.indexOf(token); at >= 0; at = folded.indexOf(token, at + 1))
      hit.fill(true, at, at + token.length);
  }
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.hit === hit[i]) last.text += text[i];
    else out.push({ text: text[i] ?? '', hit: hit[i] ?? false });
  }
  return out;
}
