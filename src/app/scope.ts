// What part of the dossier a /summary, /timeline or /quiz is about: an optional topic and an
// optional article. Buttons carry it as two custom_id args (the topic's hash, the article's
// ordinal); the topic's text comes back from the cache or the message's author line, where the
// views show it, so buttons keep working after a restart.
import type { AppContext } from './context.js';
import { decodeOrdinals, questionHash } from './custom-id.js';
import { messages } from './messages.js';
import { notice, type Choice, type Reply } from './reply.js';
import { completeQuestion, MAX_CHOICES, resolveArticle } from './vocabulary.js';
import type { ReplyLocale } from '../core/types.js';

export interface Scope {
  readonly topic?: string;
  readonly articleId?: string;
  readonly articleOrdinal?: number;
}

export type ScopeResult = { readonly ok: true; readonly scope: Scope } | { readonly ok: false; readonly reply: Reply };

/** The scope options as typed: a blank topic is no topic; the article must name exactly one. */
export function readScope(ctx: AppContext, locale: ReplyLocale, input: { readonly topic?: string; readonly article?: string }): ScopeResult {
  const topic = input.topic?.normalize('NFC').trim().replace(/\s+/gu, ' ');
  let article: { articleId: string; articleOrdinal: number } | undefined;
  if (input.article !== undefined && input.article.trim() !== '') {
    const { entry } = resolveArticle(ctx.vocabulary, input.article);
    if (!entry) return { ok: false, reply: notice(messages(locale).unknownArticle(input.article), 'error') };
    article = { articleId: entry.article.id, articleOrdinal: entry.ordinal };
  }
  return { ok: true, scope: { ...(topic ? { topic } : {}), ...article } };
}

/** The two custom_id args naming a scope; remembers the topic so a press finds it again. */
export function scopeArgs(ctx: AppContext, scope: Scope): [string, string] {
  let hash = '-';
  if (scope.topic !== undefined) {
    hash = questionHash(scope.topic, scope.articleId);
    ctx.questions.remember(hash, scope.topic, scope.articleId);
  }
  return [hash, scope.articleOrdinal === undefined ? '-' : scope.articleOrdinal.toString(36)];
}

/** The scope a button names, or undefined when it cannot be recovered (unknown article, topic forgotten). */
export function restoreScope(ctx: AppContext, hash: string | undefined, article: string | undefined, authors: readonly (string | undefined)[]): Scope | undefined {
  if (hash === undefined || article === undefined) return undefined;
  let articlePart: { articleId: string; articleOrdinal: number } | undefined;
  if (article !== '-') {
    const [ordinal, ...rest] = decodeOrdinals(article) ?? [];
    const found = ordinal === undefined || rest.length > 0 ? undefined : ctx.index.dossier.articles[ordinal];
    if (!found) return undefined;
    articlePart = { articleId: found.id, articleOrdinal: ordinal! };
  }
  if (hash === '-') return { ...articlePart };
  const topic = ctx.questions.recall(hash)?.question ?? authors.find((a) => a !== undefined && questionHash(a, articlePart?.articleId) === hash);
  if (topic === undefined) return undefined;
  ctx.questions.remember(hash, topic, articlePart?.articleId);
  return { topic, ...articlePart };
}

/** Topic completions: with nothing typed, the dossier's most frequent names; else as /ask's question. */
export function completeTopic(ctx: AppContext, value: string, locale: ReplyLocale): Choice[] {
  if (value.trim() === '') return ctx.vocabulary.names.slice(0, MAX_CHOICES).map((n) => ({ name: n.display, value: n.display }));
  return completeQuestion(ctx.vocabulary, value, locale);
}
