// Replies for requests the bot will not run now: a member over the cooldown, or a bot that is
// shutting down. Both ephemeral, both polite, in Vietnamese and English.
import type { ReplyLocale } from '../core/types.js';
import { secondsToWait } from './cooldown.js';
import { notice, type Reply } from './reply.js';

const TEXT = {
  vi: {
    cooldown: (seconds: number) => `Bạn đang gửi lệnh hơi nhanh. Bạn chờ ${seconds} giây rồi thử lại nhé.`,
    restarting: 'Bot đang khởi động lại nên chưa xử lý được yêu cầu này. Bạn thử lại sau một phút nhé.',
  },
  en: {
    cooldown: (seconds: number) => `You’re sending commands a little fast. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    restarting: 'The bot is restarting and could not handle this. Please try again in a minute.',
  },
} as const;

/** "Try again in N seconds", ephemeral. */
export function cooldownReply(locale: ReplyLocale, retryAfterMs: number): Reply {
  return notice([TEXT[locale].cooldown(secondsToWait(retryAfterMs))], 'low');
}

/** "The bot is restarting", ephemeral. */
export function restartingReply(locale: ReplyLocale): Reply {
  return notice([TEXT[locale].restarting], 'none');
}
