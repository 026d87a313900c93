// Citations: built from an article and a passage, rendered per locale.
import type { Article, Citation, Passage, ReplyLocale } from './types.js';

export function citationFor(article: Article, passage: Passage): Citation {
  return {
    articleId: article.id,
    title: article.title,
    date: article.date,
    datePrecision: article.datePrecision,
    ...(article.outlet ? { outlet: article.outlet } : {}),
    passageKind: passage.kind,
    paragraph: passage.paragraph,
    paragraphCount: article.paragraphCount,
    captionNumber: passage.captionNumber,
  };
}

/** "4/2019", "12/9/2023" or "2019": how Vietnamese writes dates, and readable in English too. */
export function formatDate(date: string, locale: ReplyLocale): string {
  const [year, month, day] = date.split('-');
  if (locale === 'en') {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const name = month ? months[Number(month) - 1] : undefined;
    return [day ? String(Number(day)) : '', name ?? '', year ?? ''].filter(Boolean).join(' ');
  }
  if (day && month) return `${Number(day)}/${Number(month)}/${year}`;
  if (month) return `tháng ${Number(month)}/${year}`;
  return `năm ${year}`;
}

/** The place inside the article: "đoạn 3/19" or "chú thích ảnh 2". */
export function formatPlace(c: Citation, locale: ReplyLocale): string {
  if (c.passageKind === 'caption') return locale === 'vi' ? `chú thích ảnh ${c.captionNumber}` : `photo caption ${c.captionNumber}`;
  return locale === 'vi' ? `đoạn ${c.paragraph}/${c.paragraphCount}` : `paragraph ${c.paragraph} of ${c.paragraphCount}`;
}

/** One line: title, date, outlet, paragraph. */
export function formatCitation(c: Citation, locale: ReplyLocale): string {
  const parts = [`«${c.title}»`, formatDate(c.date, locale), ...(c.outlet ? [c.outlet] : []), formatPlace(c, locale)];
  return parts.join(' · ');
}
