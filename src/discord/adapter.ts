// discord.js interactions to the handlers' plain requests.
import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { AutocompleteRequest, ButtonRequest, CommandRequest, OptionValue } from '../app/context.js';
import type { ParsedCustomId } from '../app/custom-id.js';
import { toReplyLocale } from '../app/locale.js';
import { channelActions, placeOf } from './channel.js';

export function optionMap(options: readonly CommandInteractionOption[]): Map<string, OptionValue> {
  const map = new Map<string, OptionValue>();
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
      for (const [name, value] of optionMap(option.options ?? [])) map.set(name, value);
    } else if (option.type === ApplicationCommandOptionType.User || option.type === ApplicationCommandOptionType.Mentionable) {
      // Discord sends ids; anything else (a forged payload) is no user to mention.
      if (typeof option.value === 'string' && /^\d{17,20}$/u.test(option.value)) map.set(option.name, { user: option.value });
    } else if (option.value !== undefined && option.value !== null) {
      map.set(option.name, option.value);
    }
  }
  return map;
}

export function commandRequest(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, log: Logger): CommandRequest {
  const base = { id: interaction.id, locale: toReplyLocale(interaction.locale), userId: interaction.user.id, log, ...placeOf(interaction) };
  if (interaction.isMessageContextMenuCommand()) {
    const target = interaction.targetMessage;
    return { ...base, options: new Map(), targetMessage: { content: target.content ?? '', authorId: target.author?.id ?? '' } };
  }
  const subcommand = interaction.options.getSubcommand(false);
  return { ...base, options: optionMap(interaction.options.data), ...(subcommand !== null ? { subcommand } : {}) };
}

export function autocompleteRequest(interaction: AutocompleteInteraction, log: Logger): AutocompleteRequest {
  const focused = interaction.options.getFocused(true);
  return {
    id: interaction.id,
    locale: toReplyLocale(interaction.locale),
    userId: interaction.user.id,
    log,
    options: optionMap(interaction.options.data),
    focused: focused.name,
    value: String(focused.value ?? ''),
  };
}

export function buttonRequest(interaction: ButtonInteraction, customId: ParsedCustomId, log: Logger): ButtonRequest {
  return {
    id: interaction.id,
    locale: toReplyLocale(interaction.locale),
    userId: interaction.user.id,
    log,
    customId,
    message: { embeds: interaction.message.embeds.map((e) => (e.author?.name ? { author: e.author.name } : {})) },
    ...placeOf(interaction),
    channel: channelActions(interaction, log),
  };
}
