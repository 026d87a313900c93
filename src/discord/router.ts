// Interaction -> command, autocomplete or button handler -> rendered reply. One child logger per
// interaction (interaction id, command); an error boundary that always answers the member
// ephemerally and logs one line; a deferral when a handler might outlast Discord's 3 s.
import {
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import { expired } from '../app/ask.js';
import { cooldownReply } from '../app/availability.js';
import type { Cooldown } from '../app/cooldown.js';
import type { AppContext } from '../app/context.js';
import { CUSTOM_ID_VERSION, parseCustomId } from '../app/custom-id.js';
import { toReplyLocale } from '../app/locale.js';
import { messages } from '../app/messages.js';
import { notice, type ButtonOutcome, type Reply } from '../app/reply.js';
import { autocompleteRequest, buttonRequest, commandRequest } from './adapter.js';
import type { InteractionEvent, InteractionKind, InteractionOutcome } from '../observability/metrics.js';
import { findCommand, type Command } from './commands/index.js';
import type { ButtonHandler } from './commands/types.js';
import { renderChoices, renderReply, renderUpdate } from './render/payload.js';

/** After this long without a reply, acknowledge first (Discord allows 3 s). */
export const DEFER_AFTER_MS = 1_500;

export interface RouterOptions {
  readonly commands: readonly Command[];
  readonly ctx: AppContext;
  readonly log: Logger;
  readonly deferAfterMs?: number;
  /** Per-member limit on commands (slash and context menu), checked before one runs. */
  readonly cooldown?: Cooldown;
  /** Per-member limit on button presses. Autocomplete is never limited. */
  readonly buttonCooldown?: Cooldown;
  /** Told about every interaction once it is over (metrics). */
  readonly observer?: { interaction(event: InteractionEvent): void };
}

/** Discord no longer takes a reply for these: the interaction expired (3 s) or was already answered. */
const GONE = new Set<number>([RESTJSONErrorCodes.UnknownInteraction, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged]);

export class Router {
  private readonly commands: readonly Command[];
  private readonly ctx: AppContext;
  private readonly log: Logger;
  private readonly deferAfterMs: number;
  private readonly cooldown: Cooldown | undefined;
  private readonly buttonCooldown: Cooldown | undefined;
  private readonly observer: RouterOptions['observer'];

  constructor(options: RouterOptions) {
    this.commands = options.commands;
    this.ctx = options.ctx;
    this.log = options.log;
    this.deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
    this.cooldown = options.cooldown;
    this.buttonCooldown = options.buttonCooldown;
    this.observer = options.observer;
  }

  /** Never throws: every failure is logged and, where Discord still allows, answered. */
  async handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const command = commandName(interaction);
    const log = this.log.child({ interactionId: interaction.id, command });
    let outcome: InteractionOutcome = 'ok';
    try {
      if (interaction.isAutocomplete()) await this.autocomplete(interaction, log);
      else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) outcome = await this.command(interaction, log);
      else if (interaction.isButton()) outcome = await this.button(interaction, log);
      else log.debug({ type: interaction.type }, 'interaction type not handled');
      if (log.isLevelEnabled('debug')) log.debug({ ms: Math.round((performance.now() - started) * 10) / 10 }, 'answered');
    } catch (err) {
      if (err instanceof DiscordAPIError && typeof err.code === 'number' && GONE.has(err.code)) {
        // Nothing can be sent for it any more: one line, no error reply that would fail the same way.
        log.warn({ code: err.code, ms: Math.round(performance.now() - started) }, 'interaction expired before the reply');
        outcome = 'expired';
      } else {
        log.error({ err }, 'interaction failed');
        outcome = 'error';
        await this.answerFailure(interaction, log);
      }
    }
    this.observer?.interaction({ kind: kindOf(interaction), command: this.label(interaction), outcome, seconds: (performance.now() - started) / 1000 });
  }

  /** The command (or command:action for buttons) as a metric label: only known names, else "unknown". */
  private label(interaction: Interaction): string {
    if (interaction.isCommand() || interaction.isAutocomplete()) return findCommand(this.commands, interaction.commandName)?.data.name ?? 'unknown';
    if (interaction.isButton()) {
      const parsed = parseCustomId(interaction.customId);
      return parsed && buttonHandler(this.commands, parsed) ? `${parsed.command}:${parsed.action}` : 'unknown';
    }
    return 'unknown';
  }

  /** A polite ephemeral refusal when the member is over `cooldown`; undefined when they may go on. */
  private async refuseIfTooFast(
    cooldown: Cooldown | undefined,
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction,
    log: Logger,
  ): Promise<'cooldown' | undefined> {
    const verdict = cooldown?.hit(interaction.user.id);
    if (verdict === undefined || verdict.ok) return undefined;
    // Once per burst at info (who and how long), then debug: a flood must not flood the log too.
    log[verdict.first ? 'info' : 'debug']({ userId: interaction.user.id, retryAfterMs: verdict.retryAfterMs }, 'member over the cooldown');
    await interaction.reply(renderReply(cooldownReply(toReplyLocale(interaction.locale), verdict.retryAfterMs)));
    return 'cooldown';
  }

  private async command(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, log: Logger): Promise<InteractionOutcome> {
    const refused = await this.refuseIfTooFast(this.cooldown, interaction, log);
    if (refused) return refused;
    const command = findCommand(this.commands, interaction.commandName);
    const locale = toReplyLocale(interaction.locale);
    if (!command) {
      await interaction.reply(renderReply(notice([messages(locale).unknownCommand], 'error')));
      return 'unknown';
    }
    const req = commandRequest(interaction, log);
    // Questions are member data: debug level only.
    if (log.isLevelEnabled('debug')) log.debug({ options: Object.fromEntries(req.options), target: req.targetMessage?.content }, 'command');
    const ephemeral = command.ephemeral?.(req) ?? false;
    const reply = await this.settle(command.execute(this.ctx, req), () => interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}));
    if (interaction.deferred) await interaction.editReply(renderUpdate(reply));
    else await interaction.reply(renderReply(reply));
    return 'ok';
  }

  private async autocomplete(interaction: AutocompleteInteraction, log: Logger): Promise<void> {
    const command = findCommand(this.commands, interaction.commandName);
    const choices = command?.autocomplete ? await command.autocomplete(this.ctx, autocompleteRequest(interaction, log)) : [];
    await interaction.respond(renderChoices(choices));
  }

  private async button(interaction: ButtonInteraction, log: Logger): Promise<InteractionOutcome> {
    const refused = await this.refuseIfTooFast(this.buttonCooldown, interaction, log);
    if (refused) return refused;
    const locale = toReplyLocale(interaction.locale);
    const parsed = parseCustomId(interaction.customId);
    const handler = parsed && parsed.version === CUSTOM_ID_VERSION ? buttonHandler(this.commands, parsed) : undefined;
    if (!parsed || !handler) {
      await interaction.reply(renderReply(expired(locale, 'unusable')));
      return 'unknown';
    }
    const outcome: ButtonOutcome = await this.settle(handler(this.ctx, buttonRequest(interaction, parsed, log)), () =>
      interaction.deferReply({ flags: MessageFlags.Ephemeral }),
    );
    // Deferred (slow handler): only the presser's reply can still be sent; an 'update-and-reply'
    // then leaves the message as it was (a quiz's count catches up on the next answer).
    if (interaction.deferred) await interaction.editReply(renderUpdate(outcome.reply));
    else if (outcome.kind === 'update') await interaction.update(renderUpdate(outcome.reply));
    else if (outcome.kind === 'update-and-reply') {
      await interaction.update(renderUpdate(outcome.update));
      await interaction.followUp(renderReply(outcome.reply));
    } else await interaction.reply(renderReply(outcome.reply));
    return 'ok';
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

/** The command's own handler for the action: never one inherited from Object.prototype (`__proto__`, `toString`). */
function buttonHandler(commands: readonly Command[], parsed: { readonly command: string; readonly action: string }): ButtonHandler | undefined {
  const buttons = findCommand(commands, parsed.command)?.buttons;
  const handler = buttons && Object.hasOwn(buttons, parsed.action) ? buttons[parsed.action] : undefined;
  return typeof handler === 'function' ? handler : undefined;
}

function kindOf(interaction: Interaction): InteractionKind {
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isButton()) return 'button';
  if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) return 'command';
  return 'other';
}

function commandName(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent()) return interaction.customId.split(':').slice(0, 2).join(':');
  return `type-${interaction.type}`;
}
