// /search: the top passages for some keywords as a compact list (snippet + citation), paged
// with buttons; each passage has a button for its full text.
import { MAX_SEARCH_RESULTS, searchPassages } from '../core/answer.js';
import type { ReplyLocale } from '../core/types.js';
import { authorLine, expired, notFound } from './ask.js';
import { clipText } from './clip.js';
import type { AppContext, ButtonRequest, CommandRequest } from './context.js';
import { encodeCustomId, encodeOrdinals, questionHash } from './custom-id.js';
import { messages } from './messages.js';
import { notice, type ButtonModel, type ButtonOutcome, type ButtonRowModel, type Inline, type Reply } from './reply.js';
import { excerptText, restoreResults, shownFromResult, type ResultSet } from './results.js';
import { resolveArticle } from './vocabulary.js';
import { formatCitation } from '../core/citation.js';

export const SEARCH = 'search';
export const PAGE_SIZE = 3;
export const SNIPPET_LENGTH = 280;

export interface SearchInput {
  readonly query: string;
  readonly article?: string;
}

export function search(ctx: AppContext, req: Pick<CommandRequest, 'locale'>, input: SearchInput): Reply {
  const t = messages(req.locale);
  let article: { id: string; ordinal: number } | undefined;
  if (input.article !== undefined && input.article.trim() !== '') {
    const { entry } = resolveArticle(ctx.vocabulary, input.article);
    if (!entry) return notice(t.unknownArticle(input.article), 'error');
    article = { id: entry.article.id, ordinal: entry.ordinal };
  }
  const checked = searchPassages(ctx.index, input.query, { limit: MAX_SEARCH_RESULTS, ...(article ? { articleId: article.id } : {}) });
  if (!checked.ok) return notice([t.problem(checked.problem, checked.detail)], 'error');
  if (checked.value.kind === 'none') return notFound(checked.value, req.locale, false);
  const hash = questionHash(checked.value.query, article?.id);
  ctx.questions.remember(hash, checked.value.query, article?.id);
  const shown = checked.value.results.map((r) => shownFromResult(ctx, r));
  const set: ResultSet = {
    hash,
    question: checked.value.query,
    ...(article ? { articleOrdinal: article.ordinal } : {}),
    ordinals: shown.map((s) => s.ordinal),
    shown,
    exact: true,
  };
  return searchPage(ctx, req.locale, set, 0);
}

export function searchPage(ctx: AppContext, locale: ReplyLocale, set: ResultSet, page: number): Reply {
  const t = messages(locale);
  const pages = Math.max(1, Math.ceil(set.shown.length / PAGE_SIZE));
  const first = page * PAGE_SIZE;
  const entries = set.shown.slice(first, first + PAGE_SIZE);
  const description: Inline[] = [];
  entries.forEach((shown, i) => {
    if (i > 0) description.push('\n\n');
    description.push({ bold: `${first + i + 1}.` }, ' ', ...clipText(excerptText(shown), SNIPPET_LENGTH), '\n', { italic: formatCitation(shown.citation, locale) });
  });
  const article = set.articleOrdinal === undefined ? '-' : set.articleOrdinal.toString(36);
  const pageId = (p: number) => encodeCustomId(SEARCH, 'page', [ctx.tag, set.hash, p, encodeOrdinals(set.ordinals), article]);
  const passageButtons: ButtonModel[] = entries.map((shown, i) => ({
    customId: encodeCustomId('ask', 'full', [ctx.tag, shown.ordinal.toString(36)]),
    label: t.passageButton(first + i + 1),
    style: 'secondary',
  }));
  const rows: ButtonRowModel[] = [{ buttons: passageButtons }];
  if (pages > 1) {
    rows.push({
      buttons: [
        { customId: pageId(Math.max(0, page - 1)), label: t.previous, style: 'primary', disabled: page === 0 },
        { customId: pageId(Math.min(pages - 1, page + 1)), label: t.next, style: 'primary', disabled: page >= pages - 1 },
      ],
    });
  }
  return {
    embeds: [{
      ...(set.question !== undefined ? { author: authorLine(set.question) } : {}),
      title: [t.searchTitle],
      description,
      footer: [t.searchFooter(page + 1, pages, set.shown.length), set.exact ? undefined : t.browsedWithoutQuestion].filter((s) => s !== undefined).join(' · '),
      tone: 'info',
    }],
    components: rows,
    ephemeral: false,
    mentionUserIds: [],
  };
}

/** Page buttons. Args: tag, hash, page, ordinals, article. */
export function pressPage(ctx: AppContext, req: ButtonRequest): ButtonOutcome {
  const [tag, hash, pageText, ordinals, article] = req.customId.args;
  const restored = restoreResults(ctx, { tag, hash, ordinals, article }, req.message.embeds.map((e) => e.author), questionHash);
  if (!restored.ok) return { kind: 'reply', reply: expired(req.locale, restored.why) };
  const page = Number(pageText);
  const pages = Math.ceil(restored.value.shown.length / PAGE_SIZE);
  if (!Number.isInteger(page) || page < 0 || page >= pages) return { kind: 'reply', reply: expired(req.locale, 'unusable') };
  return { kind: 'update', reply: searchPage(ctx, req.locale, restored.value, page) };
}
