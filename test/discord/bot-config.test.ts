/** Configuration: validated in one place, every problem named at once, nothing read but the env given. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAbsolute, join } from 'node:path';
import { describeProblems, loadConfig } from '../../src/config.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../src/paths.js';

const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.config-test-token_0123456789abcdef';
const ID = '1198765432109876543';

test('GIVEN an empty environment WHEN loaded THEN it is valid for the console, with the default data dir and no log level', () => {
  const result = loadConfig({});
  assert.ok(result.ok);
  assert.deepEqual(result.config, { dataDir: DEFAULT_DATA_DIR });
  assert.ok(Object.isFrozen(result.config));
});

test('GIVEN every variable WHEN loaded THEN each is read, trimmed and normalised', () => {
  const result = loadConfig({
    DISCORD_TOKEN: ` ${TOKEN} `,
    DISCORD_CLIENT_ID: ID,
    DISCORD_GUILD_ID: '123456789012345678',
    DISCORD_API_URL: 'http://127.0.0.1:3001/api/v10/',
    LOG_LEVEL: 'DEBUG',
    DATA_DIR: 'tmp/data',
  });
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(result.config, {
    discordToken: TOKEN,
    discordClientId: ID,
    discordGuildId: '123456789012345678',
    discordApiUrl: 'http://127.0.0.1:3001/api',
    logLevel: 'debug',
    dataDir: join(PROJECT_ROOT, 'tmp/data'),
  });
  assert.ok(isAbsolute(result.config.dataDir));
});

test('GIVEN empty values as in a copied .env.example WHEN loaded THEN they count as unset', () => {
  const result = loadConfig({ DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: ' ', DISCORD_API_URL: '', LOG_LEVEL: '', DATA_DIR: '' });
  assert.ok(result.ok);
  assert.deepEqual(result.config, { dataDir: DEFAULT_DATA_DIR });
});

test('GIVEN several bad values WHEN loaded THEN every problem is listed at once, each naming its variable', () => {
  const result = loadConfig({
    DISCORD_TOKEN: `Bot ${TOKEN}`,
    DISCORD_GUILD_ID: 'my-server',
    DISCORD_API_URL: 'discord.com/api',
    LOG_LEVEL: 'verbose',
  });
  assert.ok(!result.ok);
  const names = result.problems.map((p) => p.split(' ')[0]);
  assert.deepEqual(new Set(names), new Set(['DISCORD_TOKEN', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL']));
  assert.ok(result.problems.some((p) => p.includes('"Bot " prefix')));
  assert.ok(result.problems.some((p) => p.startsWith('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent')));
  assert.ok(result.problems.every((p) => !p.includes(TOKEN)), 'the token is not echoed');
});

test('GIVEN a token without a client id WHEN loaded THEN DISCORD_CLIENT_ID is named as required', () => {
  const result = loadConfig({ DISCORD_TOKEN: TOKEN });
  assert.ok(!result.ok);
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0]!, /^DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set/u);
});

test('GIVEN a malformed token WHEN loaded THEN the problem says what a token looks like', () => {
  for (const token of ['not a token', 'abc', 'a.b']) {
    const result = loadConfig({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: ID });
    assert.ok(!result.ok, token);
    assert.match(result.problems[0]!, /^DISCORD_TOKEN /u);
  }
});

test('GIVEN problems WHEN described THEN the message points to .env.example and lists each', () => {
  const text = describeProblems(['A is wrong', 'B is missing']);
  assert.match(text, /\.env\.example/u);
  assert.match(text, /\n {2}- A is wrong\n {2}- B is missing$/u);
});
