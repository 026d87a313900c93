// Every command, in the order /help lists them. Adding a command: one file exporting a Command,
// one line here. The router, deploy-commands and the console all read this list.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { CommandSummary } from '../../app/context.js';
import type { ReplyLocale } from '../../core/types.js';
import { ask } from './ask.js';
import { askMessage } from './ask-message.js';
import { help } from './help.js';
import { leaderboard } from './leaderboard.js';
import { quiz } from './quiz.js';
import { search } from './search.js';
import { sources } from './sources.js';
import { summary } from './summary.js';
import { timeline } from './timeline.js';
import type { Command } from './types.js';

export const commands: readonly Command[] = [
  ask,
  search,
  sources,
  summary,
  timeline,
  quiz,
  leaderboard,
  help,
  askMessage,
];

export type { Command } from './types.js';

type Named = { name: string; name_localizations?: Partial<Record<string, string | null>> | null | undefined };
type Described = Named & { description?: string; description_localizations?: Partial<Record<string, string | null>> | null | undefined };

/** How /help shows each slash command in each locale, read off its registration data; one line per subcommand. */
export function summarize(list: readonly Command[]): CommandSummary[] {
  return list.flatMap((command) => {
    const json = command.data.toJSON();
    if (json.type !== undefined && json.type !== ApplicationCommandType.ChatInput) return [];
    const options = 'options' in json ? (json.options ?? []) : [];
    const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    if (subcommands.length > 0) return subcommands.map((sub) => summaryLine([json, sub], 'options' in sub ? (sub.options ?? []) : [], sub));
    return [summaryLine([json], options, json)];
  });
}

function summaryLine(path: readonly Named[], options: readonly (Named & { type: number; required?: boolean })[], described: Described): CommandSummary {
  const local = (locale: ReplyLocale, n: Named) => (locale === 'vi' ? n.name_localizations?.['vi'] : undefined) ?? n.name;
  const usage = (locale: ReplyLocale) => {
    const args = options
      .filter((o) => o.type !== ApplicationCommandOptionType.Subcommand && o.type !== ApplicationCommandOptionType.SubcommandGroup)
      .map((o) => (o.required ? local(locale, o) : `[${local(locale, o)}]`));
    return [`/${path.map((n) => local(locale, n)).join(' ')}`, ...args].join(' ');
  };
  const description = (locale: ReplyLocale) => (locale === 'vi' ? described.description_localizations?.['vi'] : undefined) ?? described.description ?? '';
  return { usage: { vi: usage('vi'), en: usage('en') }, description: { vi: description('vi'), en: description('en') } };
}

/** The command whose data has this name (slash command, context menu or custom_id prefix). */
export function findCommand(list: readonly Command[], name: string): Command | undefined {
  return list.find((c) => c.data.name === name);
}
