/** deploy-commands against the stand-in: guild or global, localized, idempotent. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApplicationCommandType, type APIApplicationCommand } from 'discord.js';
import { commands } from '../../src/discord/commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { DiscordStandin } from './standin.js';

const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.deploy-test-token_0123456789abcdef';
let standin: DiscordStandin;

before(async () => {
  standin = await DiscordStandin.start();
});
after(async () => {
  await standin.close();
});

function options(command: APIApplicationCommand) {
  return (command.options ?? []) as { name: string; description: string; name_localizations?: Record<string, string>; description_localizations?: Record<string, string> }[];
}

test('GIVEN a guild id WHEN commands are deployed twice THEN the guild holds the same nine commands with the same ids', async () => {
  const base = { token: TOKEN, clientId: standin.world.applicationId, guildId: standin.world.guildId, apiUrl: standin.apiUrl, commands };
  const first = await deployCommands(base);
  const ids = standin.commands(standin.world.guildId).map((c) => c.id);
  const second = await deployCommands(base);
  assert.equal(first.scope, 'guild');
  assert.deepEqual(second.names, first.names);
  assert.deepEqual(first.names, ['ask', 'search', 'sources', 'summary', 'timeline', 'quiz', 'leaderboard', 'help', 'Ask the dossier']);
  assert.deepEqual(standin.commands(standin.world.guildId).map((c) => c.id), ids, 'ids kept: nothing re-created');
  assert.deepEqual(standin.commands(), [], 'nothing global');
  const puts = standin.requests.filter((r) => r.route === 'PUT /applications/:appId/guilds/:guildId/commands');
  assert.equal(puts.length, 2);
  assert.ok(puts.every((r) => r.authorized));
});

test('GIVEN no guild id WHEN deployed THEN the commands are global', async () => {
  const result = await deployCommands({ token: TOKEN, clientId: standin.world.applicationId, apiUrl: standin.apiUrl, commands });
  assert.equal(result.scope, 'global');
  assert.equal(standin.commands().length, commands.length);
});

test('GIVEN the registered commands WHEN read back THEN every name, option and description has vi and en-US localizations within limits', () => {
  const stored = standin.commands(standin.world.guildId);
  for (const command of stored) {
    assert.ok(command.name_localizations?.['vi'], `${command.name}: vi name`);
    assert.ok(command.name_localizations?.['en-US'], `${command.name}: en-US name`);
    if (command.type === ApplicationCommandType.Message) continue;
    assert.ok(command.description_localizations?.['vi'] && command.description_localizations['en-US'], `${command.name}: descriptions`);
    assert.ok(command.description.length <= 100 && command.description_localizations['vi'].length <= 100);
    for (const option of options(command)) {
      assert.ok(option.name_localizations?.['vi'] && option.name_localizations['en-US'], `${command.name}.${option.name}`);
      assert.ok(option.description_localizations?.['vi'] && option.description_localizations['en-US'], `${command.name}.${option.name}`);
    }
  }
  const menu = stored.find((c) => c.type === ApplicationCommandType.Message);
  assert.equal(menu?.name_localizations?.['vi'], 'Hỏi hồ sơ');
  const ask = stored.find((c) => c.name === 'ask');
  assert.deepEqual(options(ask!).map((o) => o.name), ['question', 'article', 'private', 'mention']);
});
