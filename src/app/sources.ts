// /sources: the dossier's articles (title, date, outlet, passages); a numbered button per article
// shows its outline (sections, size, opening paragraph) in place, with a way back.
import { formatDate } from '../core/citation.js';
import type { Article, ReplyLocale } from '../core/types.js';
import { expired } from './ask.js';
import { clipText } from './clip.js';
import type { AppContext, ButtonRequest } from './context.js';
import { decodeInt, encodeCustomId } from './custom-id.js';
import { messages } from './messages.js';
import type { ButtonModel, ButtonOutcome, ButtonRowModel, FieldModel, Inline, Reply } from './reply.js';

export const SOURCES = 'sources';
/** Four rows of five numbered buttons, the fifth row for paging. */
export const ARTICLES_PER_PAGE = 20;
const OPENING_LENGTH = 600;

export function sources(ctx: AppContext, locale: ReplyLocale, page = 0): Reply {
  const t = messages(locale);
  const articles = ctx.index.dossier.articles;
  const pages = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_PAGE));
  const current = Math.min(Math.max(page, 0), pages - 1);
  const first = current * ARTICLES_PER_PAGE;
  const shown = articles.slice(first, first + ARTICLES_PER_PAGE);
  const description: Inline[] = [];
  shown.forEach((article, i) => {
    if (i > 0) description.push('\n\n');
    description.push({ bold: `${first + i + 1}.` }, ' ', article.title, '\n', articleFacts(ctx, article, locale));
  });
  const numbered: ButtonModel[] = shown.map((_, i) => ({
    customId: encodeCustomId(SOURCES, 'show', [ctx.tag, first + i]),
    label: String(first + i + 1),
    style: 'secondary',
  }));
  const rows: ButtonRowModel[] = [];
  for (let i = 0; i < numbered.length; i += 5) rows.push({ buttons: numbered.slice(i, i + 5) });
  if (pages > 1) {
    rows.push({
      buttons: [
        { customId: encodeCustomId(SOURCES, 'list', [ctx.tag, Math.max(0, current - 1), 'p']), label: t.previous, style: 'primary', disabled: current === 0 },
        { customId: encodeCustomId(SOURCES, 'list', [ctx.tag, Math.min(pages - 1, current + 1), 'n']), label: t.next, style: 'primary', disabled: current === pages - 1 },
      ],
    });
  }
  return {
    embeds: [{ title: [t.sourcesTitle(articles.length)], description, footer: t.sourcesHint, tone: 'info' }],
    components: rows,
    ephemeral: true,
    mentionUserIds: [],
  };
}

function articleFacts(ctx: AppContext, article: Article, locale: ReplyLocale): string {
  return [formatDate(article.date, locale), article.outlet, articleSize(ctx, article, locale)].filter((s) => s !== undefined).join(' · ');
}

function articleSize(ctx: AppContext, article: Article, locale: ReplyLocale): string {
  const t = messages(locale);
  const captions = ctx.index.dossier.passages.filter((p) => p.articleId === article.id && p.kind === 'caption').length;
  return [t.paragraphs(article.paragraphCount), ...(captions > 0 ? [t.captions(captions)] : [])].join(' · ');
}

export function outline(ctx: AppContext, locale: ReplyLocale, ordinal: number): Reply | undefined {
  const t = messages(locale);
  const article = ctx.index.dossier.articles[ordinal];
  if (!article) return undefined;
  const opening = ctx.index.dossier.passages.find((p) => p.articleId === article.id && p.kind === 'paragraph');
  const sections: Inline[] = article.headings.length === 0
    ? [t.outlineNoSections]
    : article.headings.flatMap((h, i) => [...(i > 0 ? ['\n'] : []), '• ', { bold: h.text }, ` (${t.beforeParagraph(h.beforeParagraph)})`]);
  const fields: FieldModel[] = [
    { name: [t.outlineDate], value: [formatDate(article.date, locale)], inline: true },
    ...(article.outlet ? [{ name: [t.outlineOutlet], value: [article.outlet], inline: true }] : []),
    ...(article.byline ? [{ name: [t.outlineByline], value: [article.byline], inline: true }] : []),
    { name: [t.outlineSize], value: [articleSize(ctx, article, locale)], inline: true },
    { name: [t.outlineSections], value: sections },
    ...(opening ? [{ name: [t.outlineOpening], value: clipText([opening.text], OPENING_LENGTH) }] : []),
  ];
  return {
    embeds: [{ title: [article.title], fields, tone: 'info' }],
    components: [{ buttons: [{ customId: encodeCustomId(SOURCES, 'list', [ctx.tag, Math.floor(ordinal / ARTICLES_PER_PAGE), 'b']), label: t.allArticles, style: 'secondary' }] }],
    ephemeral: true,
    mentionUserIds: [],
  };
}

/** A numbered button: that article's outline, in place. Args: tag, ordinal. */
export function pressShow(ctx: AppContext, req: ButtonRequest): ButtonOutcome {
  const [tag, ordinalText] = req.customId.args;
  if (tag !== ctx.tag) return { kind: 'reply', reply: expired(req.locale, 'expired') };
  const ordinal = decodeInt(ordinalText);
  const reply = ordinal === undefined ? undefined : outline(ctx, req.locale, ordinal);
  return reply ? { kind: 'update', reply } : { kind: 'reply', reply: expired(req.locale, 'unusable') };
}

/** Back to (a page of) the list. Args: tag, page, and a letter keeping paging ids distinct. */
export function pressList(ctx: AppContext, req: ButtonRequest): ButtonOutcome {
  const [tag, pageText] = req.customId.args;
  if (tag !== ctx.tag) return { kind: 'reply', reply: expired(req.locale, 'expired') };
  const page = decodeInt(pageText);
  return page === undefined ? { kind: 'reply', reply: expired(req.locale, 'unusable') } : { kind: 'update', reply: sources(ctx, req.locale, page) };
}
