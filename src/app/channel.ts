// What a handler may do in the channel beyond answering the interaction: post a message and pin
// it ("Post & pin"). Each shell supplies its own: the Discord one sends through discord.js, the
// console prints. Failures come back as values naming why, so handlers can word them.
import type { Reply } from './reply.js';

export type ChannelFailure =
  /** Discord 50013: the bot lacks a permission in the channel. */
  | 'missing-permissions'
  /** Discord 50001: the bot cannot see the channel. */
  | 'missing-access'
  /** Discord 30003: the channel already holds the most pins Discord allows. */
  | 'pin-limit'
  /** Anything else (outage, unknown channel); details are in the log. */
  | 'failed';

export type ChannelResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: ChannelFailure };

export interface ChannelActions {
  /** Posts `reply` as a new public message (its mentionUserIds are the only pings). */
  post(reply: Reply): Promise<ChannelResult<{ readonly messageId: string }>>;
  pin(messageId: string): Promise<ChannelResult<void>>;
}
