// /summary: an extractive summary (verbatim sentences, each with its [n] marker, and the sources),
// shown to the member alone with a "Post & pin" button. The button regenerates the same summary
// from what its custom_id names (topic hash, article, length, dossier tag), posts it in the
// channel and pins it, if the member may pin there and the bot can; each pin is recorded.
// `/summary recent` lists the server's pinned summaries.
import { formatDate } from '../core/citation.js';
import { clampCount, formatSummaryText, MAX_SENTENCES, summarize, type Summary } from '../core/summary.js';
import type { ReplyLocale } from '../core/types.js';
import { expired } from './ask.js';
import type { AppContext, ButtonRequest, CommandRequest } from './context.js';
import { decodeInt, encodeCustomId } from './custom-id.js';
import { featureMessages } from './feature-messages.js';
import { BOT_PIN_PERMISSIONS, missingPermissions } from './permissions.js';
import { notice, type ButtonOutcome, type EmbedModel, type Inline, type Reply } from './reply.js';
import { readScope, restoreScope, scopeArgs, type Scope } from './scope.js';

export const SUMMARY = 'summary';
/** How many pinned summaries `/summary recent` lists. */
export const RECENT_LIMIT = 10;

export interface SummaryInput {
  readonly topic?: string;
  /** An article id (from the autocomplete) or text naming exactly one article. */
  readonly article?: string;
  /** Sentences, 3-8 (clamped); default 5. */
  readonly length?: number;
}

type Who = Pick<CommandRequest, 'locale'>;

export function summary(ctx: AppContext, req: Who, input: SummaryInput): Reply {
  const scoped = readScope(ctx, req.locale, input);
  if (!scoped.ok) return scoped.reply;
  const { scope } = scoped;
  const length = clampCount(input.length);
  const made = summarizeScope(ctx, scope, length);
  if (made.kind === 'none') return notice([formatSummaryText(made, req.locale)], 'none');
  const [hash, article] = scopeArgs(ctx, scope);
  const f = featureMessages(req.locale);
  return {
    embeds: [{ ...summaryEmbed(ctx, req.locale, made, scope), footer: f.summaryFooter(made.sentences.length) }],
    components: [{ buttons: [{ customId: encodeCustomId(SUMMARY, 'pin', [ctx.tag, hash, article, length]), label: f.postAndPin, style: 'primary' }] }],
    ephemeral: true,
    mentionUserIds: [],
  };
}

function summarizeScope(ctx: AppContext, scope: Scope, length: number) {
  return summarize(ctx.index, {
    ...(scope.topic !== undefined ? { topic: scope.topic } : {}),
    ...(scope.articleId !== undefined ? { articleId: scope.articleId } : {}),
    sentences: length,
  });
}

/**
 * The summary as an embed: the topic as the author line (plain, so a press can read it back),
 * the core's text (sentences with [n], then the sources, already within the 4096 limit).
 */
function summaryEmbed(ctx: AppContext, locale: ReplyLocale, made: Summary, scope: Scope): EmbedModel {
  const f = featureMessages(locale);
  const title = scope.articleId !== undefined ? f.summaryOfArticle(articleTitle(ctx, scope.articleId)) : f.summaryDossier;
  return {
    ...(scope.topic !== undefined ? { author: scope.topic } : {}),
    title: [title],
    description: [formatSummaryText(made, locale)],
    tone: 'info',
  };
}

function articleTitle(ctx: AppContext, articleId: string): string {
  return ctx.index.articlesById.get(articleId)?.title ?? articleId;
}

// ---- Post & pin -------------------------------------------------------------------------------

/** Presses being posted now, per context: a double click must not post the summary twice. */
const inFlight = new WeakMap<AppContext, Set<string>>();

/** "Post & pin". Args: tag, topic hash (or -), article ordinal (or -), length. */
export async function pressPin(ctx: AppContext, req: ButtonRequest): Promise<ButtonOutcome> {
  const busy = inFlight.get(ctx) ?? new Set<string>();
  inFlight.set(ctx, busy);
  const key = `${req.guildId ?? ''}:${req.userId}:${req.customId.args.join(':')}`;
  if (busy.has(key)) return { kind: 'reply', reply: notice([featureMessages(req.locale).pinInProgress], 'info') };
  busy.add(key);
  try {
    return await postAndPin(ctx, req);
  } finally {
    busy.delete(key);
  }
}

async function postAndPin(ctx: AppContext, req: ButtonRequest): Promise<ButtonOutcome> {
  const f = featureMessages(req.locale);
  const refuse = (text: string): ButtonOutcome => ({ kind: 'reply', reply: notice([text], 'error') });
  const [tag, hash, article, lengthText] = req.customId.args;
  if (tag !== ctx.tag) return { kind: 'reply', reply: expired(req.locale, 'expired') };
  if (req.guildId === undefined || req.channelId === undefined || !req.channel) return refuse(f.pinNotInServer);
  if (!ctx.store) return refuse(f.storeMissing);
  // The member's right to pin is checked on each press: a command's default permissions only hide it.
  if (missingPermissions(req.memberPermissions, ['PinMessages']).length > 0) return refuse(f.memberCannotPin);
  const botMissing = missingPermissions(req.appPermissions, BOT_PIN_PERMISSIONS);
  if (botMissing.length > 0) return refuse(f.botLacks(botMissing));

  const scope = restoreScope(ctx, hash, article, req.message.embeds.map((e) => e.author));
  const length = decodeInt(lengthText, MAX_SENTENCES);
  const made = scope && length !== undefined ? summarizeScope(ctx, scope, length) : undefined;
  if (!scope || !made || made.kind === 'none') return { kind: 'reply', reply: expired(req.locale, 'unusable') };

  const view = summaryEmbed(ctx, req.locale, made, scope);
  const posted = await req.channel.post({
    content: f.pinnedBy(req.userId),
    embeds: [{ ...view, footer: f.pinnedFooter }],
    components: [],
    ephemeral: false,
    mentionUserIds: [],
  });
  if (!posted.ok) {
    req.log.warn({ why: posted.why }, 'summary not posted');
    return refuse(f.postFailed(posted.why));
  }
  const pinned = await req.channel.pin(posted.value.messageId);
  if (!pinned.ok) {
    req.log.warn({ why: pinned.why, messageId: posted.value.messageId }, 'summary posted but not pinned');
    return refuse(f.pinFailed(pinned.why));
  }
  recordPin(ctx, req, { scope, made, messageId: posted.value.messageId });
  // In place, without the button: the same summary cannot be posted twice by accident.
  return { kind: 'update', reply: { content: [f.postedAndPinned], embeds: [view], components: [], ephemeral: true, mentionUserIds: [] } };
}

function recordPin(ctx: AppContext, req: ButtonRequest, pin: { scope: Scope; made: Summary; messageId: string }): void {
  try {
    ctx.store!.summaries.recordPinnedSummary(
      {
        guildId: req.guildId!,
        channelId: req.channelId!,
        messageId: pin.messageId,
        pinnedBy: req.userId,
        topic: pin.scope.topic ?? null,
        articleId: pin.scope.articleId ?? null,
        dossierVersion: pin.made.dossierVersion,
        summary: formatSummaryText(pin.made, req.locale),
      },
      ctx.clock(),
    );
  } catch (err) {
    // The pin is done and is what the member wanted; a lost record only leaves it out of /summary recent.
    req.log.error({ err, messageId: pin.messageId }, 'pinned summary not recorded');
  }
}

// ---- /summary recent --------------------------------------------------------------------------

export function recentSummaries(ctx: AppContext, req: Pick<CommandRequest, 'locale' | 'guildId'>): Reply {
  const f = featureMessages(req.locale);
  if (!ctx.store) return notice([f.storeMissing], 'error');
  if (req.guildId === undefined) return notice([f.recentNotInServer], 'error');
  const pinned = ctx.store.summaries.recentPinnedSummaries(req.guildId, RECENT_LIMIT);
  if (pinned.length === 0) return notice([f.recentNone], 'info');
  const description: Inline[] = [];
  pinned.forEach((p, i) => {
    if (i > 0) description.push('\n');
    const scope = [
      ...(p.topic !== null ? [f.scopeTopic(p.topic)] : []),
      ...(p.articleId !== null ? [f.scopeArticle(articleTitle(ctx, p.articleId))] : []),
    ].join(', ') || f.scopeDossier;
    const old = p.dossierVersion === ctx.index.dossier.version ? '' : ` ${f.olderDossier}`;
    const link = messageLink(p.guildId, p.channelId, p.messageId);
    description.push('• ', { bold: formatDate(new Date(p.createdAt).toISOString().slice(0, 10), req.locale) }, ` · ${scope}${old} · `, ...f.pinnedByLine(p.pinnedBy));
    if (link) description.push(` · ${link}`);
  });
  return { embeds: [{ title: [f.recentTitle], description, tone: 'info' }], components: [], ephemeral: true, mentionUserIds: [] };
}

/** A jump link, for Discord ids only (the console's are not). */
function messageLink(guildId: string, channelId: string, messageId: string): string | undefined {
  const ids = [guildId, channelId, messageId];
  return ids.every((id) => /^\d{17,20}$/.test(id)) ? `https://discord.com/channels/${ids.join('/')}` : undefined;
}
