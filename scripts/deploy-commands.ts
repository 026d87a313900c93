// npm run deploy-commands: register /ask, /search, /sources, /help and "Ask the dossier"
// (vi and en-US localizations), to DISCORD_GUILD_ID if set (instant) or globally (up to an hour).
import { describeProblems, readConfig } from '../src/config.js';
import { commands } from '../src/discord/commands/index.js';
import { deployCommands } from '../src/discord/deploy.js';

async function main(): Promise<number> {
  const loaded = readConfig();
  if (!loaded.ok) {
    console.error(describeProblems(loaded.problems));
    return 1;
  }
  const { discordToken, discordClientId, discordGuildId, discordApiUrl } = loaded.config;
  if (discordToken === undefined || discordClientId === undefined) {
    console.error('hoso: deploy-commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID (see .env.example).');
    return 1;
  }
  try {
    const result = await deployCommands({
      token: discordToken,
      clientId: discordClientId,
      ...(discordGuildId !== undefined ? { guildId: discordGuildId } : {}),
      ...(discordApiUrl !== undefined ? { apiUrl: discordApiUrl } : {}),
      commands,
    });
    const where = result.scope === 'guild' ? `guild ${discordGuildId}` : 'globally (may take up to an hour to appear)';
    console.log(`hoso: registered ${result.names.length} commands ${where}: ${result.names.join(', ')}`);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`hoso: could not register the commands: ${message.split(discordToken).join('[redacted]')}`);
    return 1;
  }
}

process.exitCode = await main();
