// Every command, in the order /help lists them. Adding a command: one file exporting a Command,
// one line here. The router, deploy-commands and the console all read this list.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { CommandSummary } from '../../app/context.js';
import type { ReplyLocale } from '../../core/types.js';
import { ask } from './ask.js';
import { askMessage } from './ask-message.js';
import { help } from './help.js';
import { search } from './search.js';
import { sources } from './sources.js';
import type { Command } from './types.js';

export const commands: readonly Command[] = [
  ask,
  search,
  sources,
  help,
  askMessage,
];

export type { Command } from './types.js';

/** How /help shows each slash command in each locale, read off its registration data. */
export function summarize(list: readonly Command[]): CommandSummary[] {
  return list.flatMap((command) => {
    const json = command.data.toJSON();
    if (json.type !== undefined && json.type !== ApplicationCommandType.ChatInput) return [];
    const options = 'options' in json ? (json.options ?? []) : [];
    const usage = (locale: ReplyLocale) => {
      const local = (n: { name: string; name_localizations?: Partial<Record<string, string | null>> | null | undefined }) =>
        (locale === 'vi' ? n.name_localizations?.['vi'] : undefined) ?? n.name;
      const args = options
        .filter((o) => o.type !== ApplicationCommandOptionType.Subcommand && o.type !== ApplicationCommandOptionType.SubcommandGroup)
        .map((o) => ('required' in o && o.required ? local(o) : `[${local(o)}]`));
      return [`/${local(json)}`, ...args].join(' ');
    };
    const description = (locale: ReplyLocale) => (locale === 'vi' ? json.description_localizations?.['vi'] : undefined) ?? ('description' in json ? json.description : '') ?? '';
    return [{ usage: { vi: usage('vi'), en: usage('en') }, description: { vi: description('vi'), en: description('en') } }];
  });
}

/** The command whose data has this name (slash command, context menu or custom_id prefix). */
export function findCommand(list: readonly Command[], name: string): Command | undefined {
  return list.find((c) => c.data.name === name);
}
