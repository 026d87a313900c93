/** The logger never prints the bot token: not from config objects, headers, error messages or stacks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger, REDACTED } from '../../src/logger.js';

const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.logger-test-token_0123456789abcdef';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, log: createLogger({ level: 'trace', secrets: [TOKEN], destination: stream }) };
}

test('GIVEN a logger WHEN an error whose message and stack hold the token is logged THEN the token is absent and the rest kept', () => {
  const { lines, log } = capture();
  const err = new Error(`401 Unauthorized for Bot ${TOKEN}`);
  log.error({ err, interactionId: '1', command: 'ask' }, 'interaction failed');
  assert.equal(lines.length, 1);
  assert.ok(!lines[0]!.includes(TOKEN));
  const line = JSON.parse(lines[0]!) as { err: { message: string; stack: string }; interactionId: string; command: string; msg: string };
  assert.equal(line.err.message, `401 Unauthorized for Bot ${REDACTED}`);
  assert.ok(line.err.stack.includes(REDACTED));
  assert.equal(line.command, 'ask');
});

test('GIVEN a logger WHEN config, env, headers or a message carry the token THEN every line has it redacted', () => {
  const { lines, log } = capture();
  log.info({ config: { discordToken: TOKEN, dataDir: '/x' } }, 'config');
  log.info({ env: { DISCORD_TOKEN: TOKEN } }, 'env');
  log.info({ req: { headers: { authorization: `Bot ${TOKEN}` } } }, 'request');
  log.child({ token: TOKEN }).warn('child');
  log.info(`token is ${TOKEN}`);
  log.info({ nested: { deeper: { text: `x${TOKEN}y` } } }, 'nested');
  assert.equal(lines.length, 6);
  for (const line of lines) assert.ok(!line.includes(TOKEN), line);
  assert.equal((JSON.parse(lines[0]!) as { config: { dataDir: string } }).config.dataDir, '/x', 'other fields untouched');
});

test('GIVEN a level WHEN lower levels are logged THEN they are dropped', () => {
  const lines: string[] = [];
  const log = createLogger({ level: 'warn', destination: new Writable({ write(c: Buffer, _e, done) { lines.push(c.toString()); done(); } }) });
  log.info('hidden');
  log.warn('shown');
  assert.equal(lines.length, 1);
});
