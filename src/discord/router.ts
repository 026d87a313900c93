// Interaction -> command, autocomplete or button handler -> rendered reply. One child logger per
// interaction (interaction id, command); an error boundary that always answers the member
// ephemerally and logs one line; a deferral when a handler might outlast Discord's 3 s.
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import { expired } from '../app/ask.js';
import type { AppContext } from '../app/context.js';
import { CUSTOM_ID_VERSION, parseCustomId } from '../app/custom-id.js';
import { toReplyLocale } from '../app/locale.js';
import { messages } from '../app/messages.js';
import { notice, type ButtonOutcome, type Reply } from '../app/reply.js';
import { autocompleteRequest, buttonRequest, commandRequest } from './adapter.js';
import { findCommand, type Command } from './commands/index.js';
import { renderChoices, renderReply, renderUpdate } from './render/payload.js';

/** After this long without a reply, acknowledge first (Discord allows 3 s). */
export const DEFER_AFTER_MS = 1_500;

export interface RouterOptions {
  readonly commands: readonly Command[];
  readonly ctx: AppContext;
  readonly log: Logger;
  readonly deferAfterMs?: number;
}

export class Router {
  private readonly commands: readonly Command[];
  private readonly ctx: AppContext;
  private readonly log: Logger;
  private readonly deferAfterMs: number;

  constructor(options: RouterOptions) {
    this.commands = options.commands;
    this.ctx = options.ctx;
    this.log = options.log;
    this.deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  }

  /** Never throws: every failure is logged and, where Discord still allows, answered. */
  async handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const command = commandName(interaction);
    const log = this.log.child({ interactionId: interaction.id, command });
    try {
      if (interaction.isAutocomplete()) await this.autocomplete(interaction, log);
      else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) await this.command(interaction, log);
      else if (interaction.isButton()) await this.button(interaction, log);
      else log.debug({ type: interaction.type }, 'interaction type not handled');
      if (log.isLevelEnabled('debug')) log.debug({ ms: Math.round((performance.now() - started) * 10) / 10 }, 'answered');
    } catch (err) {
      log.error({ err }, 'interaction failed');
      await this.answerFailure(interaction, log);
    }
  }

  private async command(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, log: Logger): Promise<void> {
    const command = findCommand(this.commands, interaction.commandName);
    const locale = toReplyLocale(interaction.locale);
    if (!command) {
      await interaction.reply(renderReply(notice([messages(locale).unknownCommand], 'error')));
      return;
    }
    const req = commandRequest(interaction, log);
    const ephemeral = command.ephemeral?.(req) ?? false;
    const reply = await this.settle(command.execute(this.ctx, req), () => interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}));
    if (interaction.deferred) await interaction.editReply(renderUpdate(reply));
    else await interaction.reply(renderReply(reply));
  }

  private async autocomplete(interaction: AutocompleteInteraction, log: Logger): Promise<void> {
    const command = findCommand(this.commands, interaction.commandName);
    const choices = command?.autocomplete ? await command.autocomplete(this.ctx, autocompleteRequest(interaction, log)) : [];
    await interaction.respond(renderChoices(choices));
  }

  private async button(interaction: ButtonInteraction, log: Logger): Promise<void> {
    const locale = toReplyLocale(interaction.locale);
    const parsed = parseCustomId(interaction.customId);
    const handler = parsed && parsed.version === CUSTOM_ID_VERSION ? findCommand(this.commands, parsed.command)?.buttons?.[parsed.action] : undefined;
    if (!parsed || !handler) {
      await interaction.reply(renderReply(expired(locale, 'unusable')));
      return;
    }
    const outcome: ButtonOutcome = await this.settle(handler(this.ctx, buttonRequest(interaction, parsed, log)), () =>
      interaction.deferReply({ flags: MessageFlags.Ephemeral }),
    );
    if (interaction.deferred) await interaction.editReply(renderUpdate(outcome.reply));
    else if (outcome.kind === 'update') await interaction.update(renderUpdate(outcome.reply));
    else await interaction.reply(renderReply(outcome.reply));
  }

  /** A synchronous result at once; a slow promise gets `defer` called first, then is awaited. */
  private async settle<T>(result: T | Promise<T>, defer: () => Promise<unknown>): Promise<T> {
    if (!(result instanceof Promise)) return result;
    let timer: NodeJS.Timeout | undefined;
    const late = Symbol('late');
    const timeout = new Promise<typeof late>((resolve) => {
      timer = setTimeout(() => resolve(late), this.deferAfterMs);
    });
    try {
      const first = await Promise.race([result, timeout]);
      if (first !== late) return first as T;
      result.catch(() => undefined); // its failure is reported by the await below, not as unhandled
      await defer();
      return await result;
    } finally {
      clearTimeout(timer);
    }
  }

  private async answerFailure(interaction: Interaction, log: Logger): Promise<void> {
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
        return;
      }
      if (!interaction.isRepliable()) return;
      const failure: Reply = notice([messages(toReplyLocale(interaction.locale)).failed], 'error');
      if (interaction.deferred || interaction.replied) await interaction.followUp(renderReply(failure));
      else await interaction.reply(renderReply(failure));
    } catch (err) {
      log.warn({ err }, 'could not tell the member about the failure');
    }
  }
}

function commandName(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent()) return interaction.customId.split(':').slice(0, 2).join(':');
  return `type-${interaction.type}`;
}
