// Where an interaction happens (server, channel, the member's and the bot's permissions there) and
// what a handler may do in that channel (post, pin), for the handlers' plain requests. Discord's
// refusals come back as values: 50013 missing permissions, 50001 missing access, 30003 pin limit.
import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { ChannelActions, ChannelFailure } from '../app/channel.js';
import { renderUpdate } from './render/payload.js';

type Located = ButtonInteraction | ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

export interface Place {
  readonly guildId?: string;
  readonly channelId?: string;
  readonly memberPermissions?: bigint;
  readonly appPermissions?: bigint;
}

export function placeOf(interaction: Located): Place {
  const member = interaction.memberPermissions?.bitfield;
  const app = interaction.inGuild() ? interaction.appPermissions?.bitfield : undefined;
  return {
    ...(interaction.guildId !== null ? { guildId: interaction.guildId } : {}),
    ...(interaction.channelId !== null ? { channelId: interaction.channelId } : {}),
    ...(member !== undefined ? { memberPermissions: member } : {}),
    ...(app !== undefined ? { appPermissions: app } : {}),
  };
}

/** Posting and pinning in the button's channel, through the bot's own REST calls. */
export function channelActions(interaction: ButtonInteraction, log: Logger): ChannelActions {
  const channel = async () => interaction.channel ?? (await interaction.client.channels.fetch(interaction.channelId));
  return {
    async post(reply) {
      try {
        const target = await channel();
        if (!target?.isSendable()) return { ok: false, why: 'missing-access' };
        const message = await target.send(renderUpdate(reply));
        return { ok: true, value: { messageId: message.id } };
      } catch (err) {
        return { ok: false, why: failure(err, log, 'post') };
      }
    },
    async pin(messageId) {
      try {
        const target = await channel();
        if (!target?.isTextBased() || !('messages' in target)) return { ok: false, why: 'missing-access' };
        await target.messages.pin(messageId);
        return { ok: true, value: undefined };
      } catch (err) {
        return { ok: false, why: failure(err, log, 'pin') };
      }
    },
  };
}

function failure(err: unknown, log: Logger, action: 'post' | 'pin'): ChannelFailure {
  if (err instanceof DiscordAPIError) {
    switch (err.code) {
      case RESTJSONErrorCodes.MissingPermissions:
        return 'missing-permissions';
      case RESTJSONErrorCodes.MissingAccess:
        return 'missing-access';
      case RESTJSONErrorCodes.MaximumNumberOfPinsReachedForTheChannel:
        return 'pin-limit';
    }
  }
  log.warn({ err, action }, 'channel action failed');
  return 'failed';
}
