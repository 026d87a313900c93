// Which language a reply is in: Vietnamese for Discord's `vi` locale, English for every other.
import type { ReplyLocale } from '../core/types.js';

export function toReplyLocale(locale: string | null | undefined): ReplyLocale {
  return locale !== null && locale !== undefined && (locale === 'vi' || locale.toLowerCase().startsWith('vi-')) ? 'vi' : 'en';
}
