// /timeline: the dossier's dated events in chronological order (dates resolved against each
// article's own date by the core), one line each with its citation, a page at a time. Only the
// member who asked sees it, like /sources: paging a long list is browsing, not a post.
import { formatCitation } from '../core/citation.js';
import { pageTimeline, timeline, formatEventDate, type Timeline, type TimelineEvent, type TimelineNone } from '../core/timeline.js';
import type { ReplyLocale } from '../core/types.js';
import { expired } from './ask.js';
import type { AppContext, ButtonRequest, CommandRequest } from './context.js';
import { decodeInt, encodeCustomId } from './custom-id.js';
import { featureMessages } from './feature-messages.js';
import { messages } from './messages.js';
import { notice, type ButtonOutcome, type Inline, type Reply } from './reply.js';
import { readScope, restoreScope, scopeArgs, type Scope } from './scope.js';

export const TIMELINE = 'timeline';

export interface TimelineInput {
  readonly topic?: string;
  readonly article?: string;
}

export function timelineView(ctx: AppContext, req: Pick<CommandRequest, 'locale'>, input: TimelineInput): Reply {
  const scoped = readScope(ctx, req.locale, input);
  if (!scoped.ok) return scoped.reply;
  const made = timelineOf(ctx, scoped.scope);
  if (made.kind === 'none') return noEvents(req.locale, scoped.scope, made.reason);
  return timelinePage(ctx, req.locale, scoped.scope, made, 0);
}

function timelineOf(ctx: AppContext, scope: Scope) {
  return timeline(ctx.index, {
    ...(scope.topic !== undefined ? { topic: scope.topic } : {}),
    ...(scope.articleId !== undefined ? { articleId: scope.articleId } : {}),
  });
}

function noEvents(locale: ReplyLocale, scope: Scope, reason: TimelineNone['reason']): Reply {
  const f = featureMessages(locale);
  const t = messages(locale);
  if (reason === 'nothing-dated' || reason === 'unknown-article') return notice([f.nothingDated(scope.topic)], 'none');
  return notice([t.problem(reason)], 'error');
}

/** One page (0-based) of the events, with Previous / Next when there is more than one. */
function timelinePage(ctx: AppContext, locale: ReplyLocale, scope: Scope, made: Timeline, page: number): Reply {
  const f = featureMessages(locale);
  const view = pageTimeline(made.events, page + 1);
  const description: Inline[] = view.events.flatMap((event, i) => [...(i > 0 ? ['\n\n'] : []), ...eventLine(event, locale)]);
  const [hash, article] = scopeArgs(ctx, scope);
  const current = view.page - 1;
  const pageId = (to: number, letter: string) => encodeCustomId(TIMELINE, 'page', [ctx.tag, hash, article, to, letter]);
  const title = scope.articleId !== undefined ? f.timelineOfArticle(ctx.index.articlesById.get(scope.articleId)?.title ?? scope.articleId) : f.timelineTitle;
  return {
    embeds: [{
      ...(scope.topic !== undefined ? { author: scope.topic } : {}),
      title: [title],
      description,
      footer: f.timelineFooter(view.page, view.pages, made.events.length),
      tone: 'info',
    }],
    components: view.pages < 2 ? [] : [{
      buttons: [
        // Distinct letters keep the two ids apart when both are clamped to the same page.
        { customId: pageId(Math.max(0, current - 1), 'p'), label: f.previous, style: 'primary', disabled: current === 0 },
        { customId: pageId(Math.min(view.pages - 1, current + 1), 'n'), label: f.next, style: 'primary', disabled: current >= view.pages - 1 },
      ],
    }],
    ephemeral: true,
    mentionUserIds: [],
  };
}

/** "12/9/2023 — what happened — «title» · date · paragraph (+1 more)". */
function eventLine(event: TimelineEvent, locale: ReplyLocale): Inline[] {
  const more = event.alsoIn.length === 0 ? '' : locale === 'vi' ? ` (+${event.alsoIn.length} bài khác)` : ` (+${event.alsoIn.length} more)`;
  return [{ bold: formatEventDate(event.date, locale) }, ' — ', event.text, ` — ${formatCitation(event.citation, locale)}${more}`];
}

/** Previous / Next. Args: tag, topic hash (or -), article ordinal (or -), page, p|n. */
export function pressTimelinePage(ctx: AppContext, req: ButtonRequest): ButtonOutcome {
  const [tag, hash, article, pageText] = req.customId.args;
  if (tag !== ctx.tag) return { kind: 'reply', reply: expired(req.locale, 'expired') };
  const scope = restoreScope(ctx, hash, article, req.message.embeds.map((e) => e.author));
  const page = decodeInt(pageText);
  const made = scope ? timelineOf(ctx, scope) : undefined;
  if (!scope || page === undefined || !made || made.kind === 'none') return { kind: 'reply', reply: expired(req.locale, 'unusable') };
  return { kind: 'update', reply: timelinePage(ctx, req.locale, scope, made, page) };
}
