// Console lines to commands: "/ask Kim Jong-un đến Nga bằng gì? article:khasan private:true".
// Command and option names are the registered ones, in English or Vietnamese (/hoi, bai-bao:);
// text before the first option goes to the command's first required text option; a message
// context menu is typed as its name with dashes ("/ask-the-dossier text").
import { ApplicationCommandOptionType, ApplicationCommandType, type APIApplicationCommandOption } from 'discord.js';
import type { OptionValue } from '../app/context.js';
import type { Command } from '../discord/commands/index.js';

export type ParsedLine =
  | { readonly kind: 'command'; readonly command: Command; readonly options: Map<string, OptionValue>; readonly targetText?: string; readonly subcommand?: string }
  | { readonly kind: 'press'; readonly number: number }
  | { readonly kind: 'quit' }
  | { readonly kind: 'locale'; readonly locale: 'vi' | 'en' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly message: string };

interface OptionSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly type: ApplicationCommandOptionType;
  readonly required: boolean;
  readonly autocomplete: boolean;
}

export interface CommandSpec {
  readonly command: Command;
  readonly aliases: readonly string[];
  readonly isMessageMenu: boolean;
  /** For a command with subcommands: the options of all of them (for Tab completion). */
  readonly options: readonly OptionSpec[];
  /** "/summary recent", "/tom-tat tao chu-de:…"; without a known first word, the first one. */
  readonly subcommands: readonly SubcommandSpec[];
}

interface SubcommandSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly options: readonly OptionSpec[];
}

type NamedOption = Pick<APIApplicationCommandOption, 'name' | 'name_localizations' | 'type'> & { required?: boolean; autocomplete?: boolean; options?: NamedOption[] };

const localNames = (o: Pick<APIApplicationCommandOption, 'name' | 'name_localizations'>) =>
  [...new Set([o.name, ...Object.values(o.name_localizations ?? {}).filter((n): n is string => typeof n === 'string')])];

function optionSpec(o: NamedOption): OptionSpec {
  return { name: o.name, aliases: localNames(o), type: o.type, required: o.required === true, autocomplete: o.autocomplete === true };
}

const slug = (name: string) => name.trim().toLowerCase().replace(/\s+/g, '-');

export function commandSpecs(commands: readonly Command[]): CommandSpec[] {
  return commands.map((command) => {
    const json = command.data.toJSON();
    const localized = Object.values(json.name_localizations ?? {}).filter((n): n is string => typeof n === 'string');
    const options = ('options' in json ? (json.options ?? []) : []) as NamedOption[];
    const subcommands = options
      .filter((o) => o.type === ApplicationCommandOptionType.Subcommand)
      .map((o) => ({ name: o.name, aliases: localNames(o).map(slug), options: (o.options ?? []).map(optionSpec) }));
    const flat = subcommands.length === 0 ? options.map(optionSpec) : [...new Map(subcommands.flatMap((sub) => sub.options).map((o) => [o.name, o])).values()];
    return {
      command,
      aliases: [...new Set([json.name, ...localized].map(slug))],
      isMessageMenu: json.type === ApplicationCommandType.Message,
      options: flat,
      subcommands,
    };
  });
}

export function parseLine(specs: readonly CommandSpec[], raw: string): ParsedLine {
  const line = raw.trim();
  if (line === '') return { kind: 'empty' };
  if (/^\d{1,2}$/.test(line)) return { kind: 'press', number: Number(line) };
  if (/^\/(quit|exit|thoat|thoát)$/i.test(line)) return { kind: 'quit' };
  const lang = /^\/(lang|ngon-ngu)\s+(vi|en)$/i.exec(line);
  if (lang) return { kind: 'locale', locale: lang[2]!.toLowerCase() as 'vi' | 'en' };
  // Plain text is a question.
  const [, name, rest] = /^\/(\S+)\s*([\s\S]*)$/u.exec(line) ?? [undefined, 'ask', line];
  const spec = specs.find((s) => s.aliases.includes(slug(name!)));
  if (!spec) return { kind: 'error', message: `unknown command /${name}; try /help` };
  if (spec.isMessageMenu) return { kind: 'command', command: spec.command, options: new Map(), targetText: rest ?? '' };
  return parseOptions(spec, rest ?? '');
}

function parseOptions(spec: CommandSpec, text: string): ParsedLine {
  if (spec.subcommands.length > 0) return parseSubcommand(spec, text);
  const markers = findMarkers(spec, text);
  const options = new Map<string, OptionValue>();
  const leading = text.slice(0, markers[0]?.start ?? text.length).trim();
  const main = spec.options.find((o) => o.required && o.type === ApplicationCommandOptionType.String);
  if (leading !== '') {
    if (!main) return { kind: 'error', message: `/${spec.aliases[0]} takes no text; options are ${spec.options.map((o) => `${o.name}:`).join(' ') || 'none'}` };
    options.set(main.name, leading);
  }
  for (const [i, marker] of markers.entries()) {
    const value = text.slice(marker.valueStart, markers[i + 1]?.start ?? text.length).trim();
    const converted = convert(marker.option, value);
    if (converted === undefined) return { kind: 'error', message: `${marker.option.name}: cannot read ${JSON.stringify(value)}` };
    options.set(marker.option.name, converted);
  }
  return { kind: 'command', command: spec.command, options };
}

function parseSubcommand(spec: CommandSpec, text: string): ParsedLine {
  const [, first = '', rest = ''] = /^(\S*)\s*([\s\S]*)$/u.exec(text.trim()) ?? [];
  const named = spec.subcommands.find((s) => s.aliases.includes(slug(first)));
  const sub = named ?? spec.subcommands[0]!;
  const parsed = parseOptions({ ...spec, options: sub.options, subcommands: [] }, named ? rest : text);
  return parsed.kind === 'command' ? { ...parsed, subcommand: sub.name } : parsed;
}

/** `name:` markers of known options, at word starts, in order. */
export function findMarkers(spec: CommandSpec, text: string): { option: OptionSpec; start: number; valueStart: number }[] {
  const found: { option: OptionSpec; start: number; valueStart: number }[] = [];
  const re = /(^|\s)([\p{L}\p{N}_-]+):/gu;
  for (const m of text.matchAll(re)) {
    const option = spec.options.find((o) => o.aliases.includes(m[2]!.toLowerCase()));
    if (!option) continue;
    const start = m.index + m[1]!.length;
    found.push({ option, start, valueStart: start + m[2]!.length + 1 });
  }
  return found;
}

function convert(option: OptionSpec, value: string): OptionValue | undefined {
  switch (option.type) {
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes|y|1|có|co|bật|bat)$/i.test(value)) return true;
      if (/^(false|no|n|0|không|khong|tắt|tat)$/i.test(value)) return false;
      return undefined;
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Mentionable:
      return value.replace(/^@/, '') === '' ? undefined : { user: value.replace(/^@/, '') };
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return Number.isFinite(Number(value)) ? Number(value) : undefined;
    default:
      return value;
  }
}
