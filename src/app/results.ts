// Results as the views show them, whether fresh from the core (excerpt with matched terms) or
// rebuilt from a button's passage ordinal when the question is no longer known (whole passage).
import { searchPassages } from '../core/answer.js';
import { citationFor, formatCitation } from '../core/citation.js';
import type { Citation, Confidence, ReplyLocale, Result, Span } from '../core/types.js';
import type { AppContext } from './context.js';
import { decodeOrdinals } from './custom-id.js';
import { messages } from './messages.js';
import { highlighted, type Inline, type Text } from './reply.js';

export interface Shown {
  readonly ordinal: number;
  readonly passageId: string;
  readonly excerpt: string;
  readonly highlights: readonly Span[];
  readonly passage: string;
  readonly heading?: string;
  /** Unknown when rebuilt without the question. */
  readonly confidence?: Confidence;
  readonly citation: Citation;
}

export function shownFromResult(ctx: AppContext, result: Result): Shown {
  return {
    ordinal: ctx.passageOrdinals.get(result.passageId) ?? -1,
    passageId: result.passageId,
    excerpt: result.excerpt,
    highlights: result.highlights,
    passage: result.passage,
    ...(result.heading ? { heading: result.heading } : {}),
    confidence: result.confidence,
    citation: result.citation,
  };
}

/** A passage on its own: the whole paragraph, nothing bold. */
export function shownFromPassage(ctx: AppContext, ordinal: number): Shown | undefined {
  const passage = ctx.index.dossier.passages[ordinal];
  const article = passage && ctx.index.articlesById.get(passage.articleId);
  if (!passage || !article) return undefined;
  return {
    ordinal,
    passageId: passage.id,
    excerpt: passage.text,
    highlights: [],
    passage: passage.text,
    ...(passage.heading ? { heading: passage.heading } : {}),
    citation: citationFor(article, passage),
  };
}

export function excerptText(shown: Shown): Inline[] {
  return highlighted(shown.excerpt, shown.highlights);
}

export function citationText(shown: Shown, locale: ReplyLocale): Text {
  return [formatCitation(shown.citation, locale)];
}

export function confidenceCue(confidence: Confidence | undefined, locale: ReplyLocale): string | undefined {
  return confidence ? messages(locale).confidence[confidence] : undefined;
}

/** Where a button's results came from: the question and its article filter, as far as known. */
export interface ResultSet {
  readonly hash: string;
  readonly question?: string;
  readonly articleOrdinal?: number;
  readonly ordinals: readonly number[];
  readonly shown: readonly Shown[];
  /** Whether `shown` came from re-asking the question (excerpts and bold) or from the ordinals alone. */
  readonly exact: boolean;
}

export type Restored = { readonly ok: true; readonly value: ResultSet } | { readonly ok: false; readonly why: 'expired' | 'unusable' };

/**
 * Rebuild a result list from button arguments `[tag, hash, ordinals, article]`: re-ask the
 * question when it is known (from the cache, or the message's author line if its hash matches),
 * else show the encoded passages whole.
 */
export function restoreResults(
  ctx: AppContext,
  args: { tag: string | undefined; hash: string | undefined; ordinals: string | undefined; article: string | undefined },
  candidateQuestions: readonly (string | undefined)[],
  hashOf: (question: string, articleId?: string) => string,
): Restored {
  if (args.tag !== ctx.tag) return { ok: false, why: 'expired' };
  const ordinals = decodeOrdinals(args.ordinals);
  const articleOrdinals = args.article === '-' ? [] : decodeOrdinals(args.article);
  if (!ordinals || ordinals.length === 0 || !args.hash || !articleOrdinals || articleOrdinals.length > 1) return { ok: false, why: 'unusable' };
  const articleOrdinal = articleOrdinals[0];
  const article = articleOrdinal === undefined ? undefined : ctx.index.dossier.articles[articleOrdinal];
  if (articleOrdinal !== undefined && !article) return { ok: false, why: 'unusable' };
  const passages = ordinals.map((o) => ctx.index.dossier.passages[o]);
  if (passages.some((p) => p === undefined)) return { ok: false, why: 'unusable' };
  const cached = ctx.questions.recall(args.hash);
  const question = cached?.question ?? candidateQuestions.find((q) => q !== undefined && hashOf(q, article?.id) === args.hash);
  const base = { hash: args.hash, ...(articleOrdinal === undefined ? {} : { articleOrdinal }), ordinals };
  if (question !== undefined) {
    const again = searchPassages(ctx.index, question, article ? { articleId: article.id } : {});
    const byId = new Map(again.ok && again.value.kind === 'found' ? again.value.results.map((r) => [r.passageId, r]) : []);
    const shown = ordinals.map((o) => {
      const result = byId.get(ctx.index.dossier.passages[o]!.id);
      return result ? shownFromResult(ctx, result) : shownFromPassage(ctx, o)!;
    });
    ctx.questions.remember(args.hash, question, article?.id);
    return { ok: true, value: { ...base, question, shown, exact: byId.size > 0 } };
  }
  return { ok: true, value: { ...base, shown: ordinals.map((o) => shownFromPassage(ctx, o)!), exact: false } };
}
