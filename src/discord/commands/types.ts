// A command: its registration data (with vi and en-US localizations) and its handlers, which take
// shell-independent requests and return reply models. The router, deploy-commands and the local
// console all read the same list (index.ts).
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { AppContext, AutocompleteRequest, ButtonRequest, CommandRequest } from '../../app/context.js';
import type { ButtonOutcome, Choice, Reply } from '../../app/reply.js';

export type ButtonHandler = (ctx: AppContext, req: ButtonRequest) => ButtonOutcome | Promise<ButtonOutcome>;

export interface Command {
  /** A SlashCommandBuilder or ContextMenuCommandBuilder. Its name is also the custom_id prefix of its buttons. */
  readonly data: { readonly name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  /** Whether the reply will be ephemeral, known before running (so a deferral matches it). */
  ephemeral?(req: CommandRequest): boolean;
  execute(ctx: AppContext, req: CommandRequest): Reply | Promise<Reply>;
  autocomplete?(ctx: AppContext, req: AutocompleteRequest): readonly Choice[] | Promise<readonly Choice[]>;
  /** Button handlers by action: custom_id `<data.name>:<action>:<version>:...`. */
  readonly buttons?: Readonly<Record<string, ButtonHandler>>;
}

/** Localizations for names (vi, en-US) and descriptions. */
export function names(en: string, vi: string): { en: string; map: { vi: string; 'en-US': string } } {
  return { en, map: { vi, 'en-US': en } };
}
