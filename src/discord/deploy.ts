// Register the commands: to one guild (instant) when a guild id is given, else globally. A bulk
// overwrite (PUT), so running it again changes nothing and removed commands disappear.
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Command } from './commands/index.js';

export interface DeployOptions {
  readonly token: string;
  readonly clientId: string;
  readonly guildId?: string;
  readonly apiUrl?: string;
  readonly commands: readonly Command[];
}

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly names: readonly string[];
}

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const rest = new REST(options.apiUrl !== undefined ? { api: options.apiUrl } : {}).setToken(options.token);
  const body = options.commands.map((c) => c.data.toJSON());
  const route = options.guildId !== undefined
    ? Routes.applicationGuildCommands(options.clientId, options.guildId)
    : Routes.applicationCommands(options.clientId);
  const stored = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: options.guildId !== undefined ? 'guild' : 'global', names: stored.map((c) => c.name) };
}
