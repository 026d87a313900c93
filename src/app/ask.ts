// /ask and "Ask the dossier": a question in, the best cited excerpt out, with buttons to see the
// next result in place, the whole paragraph, and to vote. Shell-independent: returns Reply models.
import { answer, MAX_RESULTS } from '../core/answer.js';
import { formatCitation } from '../core/citation.js';
import type { Answer, ReplyLocale } from '../core/types.js';
import { cutPlain } from './clip.js';
import type { AppContext, ButtonRequest, CommandRequest } from './context.js';
import { encodeCustomId, encodeOrdinals, questionHash } from './custom-id.js';
import { messages } from './messages.js';
import { notice, type ButtonOutcome, type ButtonRowModel, type EmbedModel, type Inline, type Reply } from './reply.js';
import { citationText, confidenceCue, excerptText, restoreResults, shownFromPassage, shownFromResult, type ResultSet, type Shown } from './results.js';
import { resolveArticle } from './vocabulary.js';

export const ASK = 'ask';
/** Embed author lines hold the question verbatim (no Markdown renders there), up to this length. */
export const AUTHOR_LIMIT = 256;

export interface AskInput {
  readonly question: string;
  /** An article id (from the autocomplete) or text naming exactly one article. */
  readonly article?: string;
  readonly private?: boolean;
  /** A member to point to the answer; the only one who is pinged. */
  readonly mention?: string;
}

type Who = Pick<CommandRequest, 'locale' | 'userId'>;

export function ask(ctx: AppContext, req: Who, input: AskInput): Reply {
  const t = messages(req.locale);
  const ephemeral = input.private === true;
  let articleId: string | undefined;
  let articleOrdinal: number | undefined;
  if (input.article !== undefined && input.article.trim() !== '') {
    const { entry } = resolveArticle(ctx.vocabulary, input.article);
    if (!entry) return notice(t.unknownArticle(input.article), 'error');
    articleId = entry.article.id;
    articleOrdinal = entry.ordinal;
  }
  const checked = answer(ctx.index, input.question, { limit: MAX_RESULTS, ...(articleId ? { articleId } : {}) });
  if (!checked.ok) return notice([t.problem(checked.problem, checked.detail)], 'error');
  const reply = checked.value;
  if (reply.kind === 'none') return notFound(reply, req.locale, ephemeral);
  const hash = questionHash(reply.query, articleId);
  ctx.questions.remember(hash, reply.query, articleId);
  const shown = reply.results.map((r) => shownFromResult(ctx, r));
  const set: ResultSet = {
    hash,
    question: reply.query,
    ...(articleOrdinal === undefined ? {} : { articleOrdinal }),
    ordinals: shown.map((s) => s.ordinal),
    shown,
    exact: true,
  };
  const view = resultView(ctx, req.locale, set, 0);
  if (input.mention !== undefined && !ephemeral) {
    return { ...view, content: t.pointedTo(input.mention, req.userId), ephemeral, mentionUserIds: [input.mention] };
  }
  if (input.mention !== undefined && ephemeral) return { ...view, content: [t.mentionIgnored], ephemeral };
  return { ...view, ephemeral };
}

/** "Ask the dossier" on a message: its text is the question; only the asker sees the answer. */
export function askAboutMessage(ctx: AppContext, req: CommandRequest): Reply {
  const text = req.targetMessage?.content ?? '';
  if (text.trim() === '') return notice([messages(req.locale).noTargetText], 'error');
  return ask(ctx, req, { question: text, private: true });
}

/** The "not in the dossier" reply: what it could answer instead. */
export function notFound(reply: Extract<Answer, { kind: 'none' }>, locale: ReplyLocale, ephemeral: boolean): Reply {
  const t = messages(locale);
  const description: Inline[] = [...t.notFoundBody(reply.query)];
  for (const title of reply.suggestions.slice(0, 8)) description.push('\n• ', title);
  description.push('\n\n', t.notFoundTip);
  return {
    embeds: [{ author: authorLine(reply.query), title: [t.notFoundTitle], description, tone: 'none' }],
    components: [],
    ephemeral,
    mentionUserIds: [],
  };
}

/** One result of a set (public, no mentions: callers adjust), with the buttons that lead on from it. */
export function resultView(ctx: AppContext, locale: ReplyLocale, set: ResultSet, rank: number): Reply {
  const t = messages(locale);
  const shown = set.shown[rank]!;
  const total = set.shown.length;
  const footer = [confidenceCue(shown.confidence, locale), t.resultOf(rank + 1, total), set.exact ? undefined : t.browsedWithoutQuestion]
    .filter((s) => s !== undefined)
    .join(' · ');
  const embed: EmbedModel = {
    ...(set.question !== undefined ? { author: authorLine(set.question) } : {}),
    description: excerptText(shown),
    fields: [
      { name: [t.source], value: citationText(shown, locale) },
      ...(shown.heading ? [{ name: [t.section], value: [shown.heading] }] : []),
    ],
    footer,
    tone: shown.confidence ?? 'info',
  };
  return { embeds: [embed], components: [resultButtons(ctx, locale, set, rank)], ephemeral: false, mentionUserIds: [] };
}

function resultButtons(ctx: AppContext, locale: ReplyLocale, set: ResultSet, rank: number): ButtonRowModel {
  const t = messages(locale);
  const shown = set.shown[rank]!;
  const total = set.shown.length;
  const next = (rank + 1) % total;
  const article = set.articleOrdinal === undefined ? '-' : set.articleOrdinal.toString(36);
  return {
    buttons: [
      {
        customId: encodeCustomId(ASK, 'more', [ctx.tag, set.hash, next, encodeOrdinals(set.ordinals), article]),
        label: next === 0 ? t.backToFirst : t.more(next + 1, total),
        style: 'primary',
        disabled: total < 2,
      },
      { customId: encodeCustomId(ASK, 'full', [ctx.tag, shown.ordinal.toString(36)]), label: t.fullPassage, style: 'secondary' },
      { customId: encodeCustomId(ASK, 'vote', [ctx.tag, set.hash, shown.ordinal.toString(36), 'y']), label: t.helpful, style: 'success' },
      { customId: encodeCustomId(ASK, 'vote', [ctx.tag, set.hash, shown.ordinal.toString(36), 'n']), label: t.notHelpful, style: 'danger' },
    ],
  };
}

/** The question as the embed's author line, so a button can recover it after a restart. */
export function authorLine(question: string): string {
  return cutPlain(question, AUTHOR_LIMIT);
}

// ---- buttons ----------------------------------------------------------------------------------

/** "More": the next result of the same question, in place. Args: tag, hash, rank, ordinals, article. */
export function pressMore(ctx: AppContext, req: ButtonRequest): ButtonOutcome {
  const [tag, hash, rankText, ordinals, article] = req.customId.args;
  const restored = restoreResults(ctx, { tag, hash, ordinals, article }, req.message.embeds.map((e) => e.author), questionHash);
  if (!restored.ok) return { kind: 'reply', reply: expired(req.locale, restored.why) };
  const rank = Number(rankText);
  if (!Number.isInteger(rank) || rank < 0 || rank >= restored.value.shown.length) return { kind: 'reply', reply: expired(req.locale, 'unusable') };
  const view = resultView(ctx, req.locale, restored.value, rank);
  return { kind: 'update', reply: view };
}

/** "Full passage": the whole paragraph with its heading, for the presser alone. Args: tag, ordinal. */
export function pressFull(ctx: AppContext, req: ButtonRequest): ButtonOutcome {
  const [tag, ordinalText] = req.customId.args;
  if (tag !== ctx.tag) return { kind: 'reply', reply: expired(req.locale, 'expired') };
  const ordinal = ordinalText === undefined ? NaN : parseInt(ordinalText, 36);
  const shown = Number.isInteger(ordinal) ? shownFromPassage(ctx, ordinal) : undefined;
  if (!shown) return { kind: 'reply', reply: expired(req.locale, 'unusable') };
  return { kind: 'reply', reply: fullPassage(req.locale, shown) };
}

export function fullPassage(locale: ReplyLocale, shown: Shown): Reply {
  const t = messages(locale);
  const description: Inline[] = shown.heading ? [{ bold: shown.heading }, '\n\n', shown.passage] : [shown.passage];
  return {
    embeds: [{ title: [shown.citation.title], description, fields: [{ name: [t.source], value: [formatCitation(shown.citation, locale)] }], tone: 'info' }],
    components: [],
    ephemeral: true,
    mentionUserIds: [],
  };
}

/** "Helpful" / "Not helpful": recorded through the FeedbackSink. Args: tag, hash, ordinal, y|n. */
export async function pressVote(ctx: AppContext, req: ButtonRequest): Promise<ButtonOutcome> {
  const [tag, hash, ordinalText, vote] = req.customId.args;
  if (tag !== ctx.tag) return { kind: 'reply', reply: expired(req.locale, 'expired') };
  const ordinal = ordinalText === undefined ? NaN : parseInt(ordinalText, 36);
  const passage = Number.isInteger(ordinal) ? ctx.index.dossier.passages[ordinal] : undefined;
  if (!passage || !hash || (vote !== 'y' && vote !== 'n')) return { kind: 'reply', reply: expired(req.locale, 'unusable') };
  const question = ctx.questions.recall(hash)?.question ?? questionFromAuthorLine(ctx, req, hash);
  await ctx.feedback.record({
    helpful: vote === 'y',
    questionHash: hash,
    ...(question !== undefined ? { question } : {}),
    passageId: passage.id,
    articleId: passage.articleId,
    dossierVersion: ctx.index.dossier.version,
    ...(req.guildId !== undefined ? { guildId: req.guildId } : {}),
    userId: req.userId,
    interactionId: req.id,
    locale: req.locale,
    at: new Date(),
  });
  const t = messages(req.locale);
  return { kind: 'reply', reply: notice([vote === 'y' ? t.thanksHelpful : t.thanksNotHelpful], 'info') };
}

/**
 * After a restart the question is no longer cached, but the answer's author line shows it: taken
 * when its hash matches (with or without the article filter, which the vote's args do not carry).
 */
function questionFromAuthorLine(ctx: AppContext, req: ButtonRequest, hash: string): string | undefined {
  const authors = req.message.embeds.map((e) => e.author).filter((a): a is string => a !== undefined);
  const articleIds = [undefined, ...ctx.index.dossier.articles.map((a) => a.id)];
  return authors.find((q) => articleIds.some((id) => questionHash(q, id) === hash));
}

export function expired(locale: ReplyLocale, why: 'expired' | 'unusable'): Reply {
  const t = messages(locale);
  return notice([why === 'expired' ? t.expired : t.unusableButton], 'error');
}
