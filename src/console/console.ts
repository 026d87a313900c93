// The local console: the same commands and handlers as the Discord bot, typed at a prompt.
// "/ask Kim Jong-un đi Nga bằng tàu gì?" prints the answer as a box; its buttons are numbered and
// typing a number presses one. Works on a terminal (prompt, Tab completion) and on piped input.
import { createInterface, type Completer } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { ChannelActions } from '../app/channel.js';
import type { AppContext, AutocompleteRequest, ButtonRequest, CommandRequest } from '../app/context.js';
import { CUSTOM_ID_VERSION, parseCustomId } from '../app/custom-id.js';
import { expired } from '../app/ask.js';
import { messages } from '../app/messages.js';
import { notice, type Reply } from '../app/reply.js';
import type { ReplyLocale } from '../core/types.js';
import { findCommand, type Command } from '../discord/commands/index.js';
import { commandSpecs, findMarkers, parseLine, type CommandSpec } from './parse.js';
import { renderConsoleReply, type NumberedButton } from './render.js';

export interface ConsoleOptions {
  readonly ctx: AppContext;
  readonly commands: readonly Command[];
  readonly log: Logger;
  readonly input: Readable;
  readonly output: Writable;
  readonly locale?: ReplyLocale;
  /** Prompt, colours and Tab completion: on when both ends are a terminal. */
  readonly interactive?: boolean;
  readonly width?: number;
  /** The user id the console acts as (mentions of it print as @you). */
  readonly userId?: string;
}

interface Shown {
  reply: Reply;
  buttons: NumberedButton[];
}

/** The console's server and channel: quizzes, scores and pinned summaries are kept under these. */
export const CONSOLE_GUILD_ID = 'console';
export const CONSOLE_CHANNEL_ID = 'console';

export class ConsoleShell {
  private locale: ReplyLocale;
  private readonly specs: CommandSpec[];
  private counter = 0;
  /** The last message with buttons you can press. */
  private active: Shown | undefined;

  constructor(private readonly options: ConsoleOptions) {
    this.locale = options.locale ?? 'vi';
    this.specs = commandSpecs(options.commands);
  }

  /** Read lines until end of input or /quit. */
  async run(): Promise<void> {
    const interactive = this.options.interactive ?? false;
    const rl = createInterface({
      input: this.options.input,
      output: interactive ? this.options.output : undefined,
      terminal: interactive,
      ...(interactive ? { completer: this.completer } : {}),
    });
    rl.setPrompt('hồ sơ> ');
    if (interactive) {
      this.print(this.greeting());
      rl.prompt();
    }
    for await (const line of rl) {
      const keepGoing = await this.handleLine(line);
      if (!keepGoing) break;
      if (interactive) rl.prompt();
    }
    rl.close();
  }

  /** One line in, its output printed; false when the user asked to quit. */
  async handleLine(line: string): Promise<boolean> {
    const parsed = parseLine(this.specs, line);
    const id = `console-${++this.counter}`;
    switch (parsed.kind) {
      case 'empty':
        return true;
      case 'quit':
        return false;
      case 'locale':
        this.locale = parsed.locale;
        this.print(parsed.locale === 'vi' ? 'Đã chuyển sang tiếng Việt.' : 'Switched to English.');
        return true;
      case 'error':
        this.print(`hoso: ${parsed.message}`);
        return true;
      case 'press':
        await this.press(parsed.number, id);
        return true;
      case 'command': {
        const log = this.options.log.child({ interactionId: id, command: parsed.command.data.name });
        const req: CommandRequest = {
          id,
          locale: this.locale,
          userId: this.userId,
          log,
          options: parsed.options,
          ...(parsed.subcommand !== undefined ? { subcommand: parsed.subcommand } : {}),
          ...(parsed.targetText !== undefined ? { targetMessage: { content: parsed.targetText, authorId: this.userId } } : {}),
          ...this.place,
        };
        await this.guarded(log, async () => this.show(await parsed.command.execute(this.options.ctx, req)));
        return true;
      }
    }
  }

  private get userId(): string {
    return this.options.userId ?? 'you';
  }

  /** No permissions are given: the console has no permission system, so nothing is refused for them. */
  private readonly place = { guildId: CONSOLE_GUILD_ID, channelId: CONSOLE_CHANNEL_ID } as const;

  /** "Post & pin" in the console: the message is printed as the channel would show it; pins always succeed. */
  private readonly channel: ChannelActions = {
    post: async (reply) => {
      const { text } = renderConsoleReply(reply, this.locale, { color: this.options.interactive ?? false, width: this.options.width ?? 78 });
      this.print(`${this.locale === 'vi' ? '(đăng trong kênh)' : '(posted in the channel)'}\n${text}`);
      return { ok: true, value: { messageId: `console-message-${++this.posted}` } };
    },
    pin: async () => ({ ok: true, value: undefined }),
  };

  private posted = 0;

  private async press(number: number, id: string): Promise<void> {
    const numbered = this.active?.buttons.find((b) => b.number === number);
    if (!this.active || !numbered) {
      this.print(this.locale === 'vi' ? `Không có nút số ${number}.` : `There is no button ${number}.`);
      return;
    }
    const source = this.active;
    const parsed = parseCustomId(numbered.button.customId);
    const handler = parsed && parsed.version === CUSTOM_ID_VERSION ? findCommand(this.options.commands, parsed.command)?.buttons?.[parsed.action] : undefined;
    const log = this.options.log.child({ interactionId: id, command: numbered.button.customId.split(':').slice(0, 2).join(':') });
    if (!parsed || !handler) {
      this.show(expired(this.locale, 'unusable'));
      return;
    }
    const req: ButtonRequest = {
      id,
      locale: this.locale,
      userId: this.userId,
      log,
      customId: parsed,
      message: { embeds: source.reply.embeds.map((e) => (e.author !== undefined ? { author: e.author } : {})) },
      ...this.place,
      channel: this.channel,
    };
    await this.guarded(log, async () => {
      const outcome = await handler(this.options.ctx, req);
      const updated = outcome.kind === 'update' ? outcome.reply : outcome.kind === 'update-and-reply' ? outcome.update : undefined;
      if (updated) {
        const merged: Reply = {
          ...updated,
          ...(updated.content === undefined && source.reply.content !== undefined ? { content: source.reply.content } : {}),
          ephemeral: source.reply.ephemeral,
        };
        this.show(merged);
      }
      if (outcome.kind !== 'update') this.show(outcome.reply, { keepActive: outcome.reply.components.length === 0 });
    });
  }

  private async guarded(log: Logger, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      log.error({ err }, 'interaction failed');
      this.show(notice([messages(this.locale).failed], 'error'));
    }
  }

  private show(reply: Reply, options: { keepActive?: boolean } = {}): void {
    const { text, buttons } = renderConsoleReply(reply, this.locale, { color: this.options.interactive ?? false, width: this.options.width ?? 78 });
    this.print(text);
    if (buttons.length > 0) this.active = { reply, buttons };
    else if (!options.keepActive) this.active = undefined;
  }

  private print(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  private greeting(): string {
    return this.locale === 'vi'
      ? 'hồ sơ: bàn điều khiển cục bộ. Gõ một câu hỏi, hoặc /ask …, /search …, /sources, /summary, /timeline, /quiz, /leaderboard, /help; số để nhấn nút; /lang en; /quit để thoát.'
      : 'hồ sơ: local console. Type a question, or /ask …, /search …, /sources, /summary, /timeline, /quiz, /leaderboard, /help; a number presses a button; /lang vi; /quit to leave.';
  }

  /** Tab: the autocomplete of the option being typed (question or article). */
  private readonly completer: Completer = (line: string) => {
    try {
      const match = /^\/(\S+)\s+([\s\S]*)$/u.exec(line);
      const spec = match ? this.specs.find((s) => s.aliases.includes(match[1]!.toLowerCase())) : undefined;
      if (!match || !spec?.command.autocomplete) return [[], line];
      const rest = match[2]!;
      const prefix = line.slice(0, line.length - rest.length);
      const markers = findMarkers(spec, rest);
      const last = markers[markers.length - 1];
      const main = spec.options.find((o) => o.required);
      const focused = last ? last.option : main;
      if (!focused?.autocomplete) return [[], line];
      const valueStart = last ? last.valueStart : 0;
      const req: AutocompleteRequest = {
        id: `console-${++this.counter}`,
        locale: this.locale,
        userId: this.userId,
        log: this.options.log,
        options: new Map(),
        focused: focused.name,
        value: rest.slice(valueStart).trim(),
      };
      const result = spec.command.autocomplete(this.options.ctx, req);
      if (result instanceof Promise) return [[], line];
      const head = `${prefix}${rest.slice(0, valueStart)}`;
      return [result.map((c) => `${head}${c.value}`), line];
    } catch {
      return [[], line];
    }
  };
}
