/**
 * Questions are member data: at the bot's default level (info) no log line holds their text;
 * at debug they do (so this test can fail), and every per-interaction line carries the
 * interaction id. Through the stand-in with the real client.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createAppContext } from '../../src/app/context.js';
import type { LogLevel } from '../../src/config.js';
import { startDiscord } from '../../src/discord/client.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';
import { DiscordStandin, autocomplete, button, messageContextMenu, slashCommand, type DispatchedInteraction } from '../discord/standin.js';

const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.logging-test-token_0123456789abcdef';
const CALLBACK = 'POST /interactions/:id/:token/callback';
const SECRET = 'Bí mật riêng tư';

interface Line {
  level: number;
  msg: string;
  interactionId?: string;
}

/** Runs a few interactions carrying SECRET in their question through a bot logging at `level`; returns the log lines. */
async function run(level: LogLevel): Promise<{ text: string[]; lines: Line[]; ids: string[] }> {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  assert.ok(opened.ok);
  const ctx = createAppContext({ index: opened.value.index, feedback: { record: () => undefined }, commands: summarize(commands) });
  const standin = await DiscordStandin.start();
  const text: string[] = [];
  const log = createLogger({
    level,
    secrets: [TOKEN],
    destination: new Writable({
      write(chunk: Buffer, _e, done) {
        text.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    }),
  });
  const shell = await startDiscord({ token: TOKEN, apiUrl: standin.apiUrl, ctx, commands, log });
  try {
    const question = `Kim Jong-un đến Nga bằng gì? ${SECRET}`;
    const answered = async (sent: DispatchedInteraction) => (await sent.waitForResponse((r) => r.route === CALLBACK && r.status < 300)).body as { type: number; data?: { components?: { components: { custom_id: string }[] }[] } };
    const sent: DispatchedInteraction[] = [];
    const ask = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'vi', options: { question } }));
    sent.push(ask);
    const reply = await answered(ask);
    const vote = reply.data?.components?.[0]?.components.find((c) => c.custom_id.startsWith('ask:vote:'))?.custom_id;
    assert.ok(vote, 'the answer has vote buttons');
    sent.push(standin.dispatchInteraction(button({ customId: vote })));
    sent.push(standin.dispatchInteraction(slashCommand({ name: 'search', locale: 'en-US', options: { query: `Vladivostok ${SECRET}` } })));
    sent.push(standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'vi', options: { question: SECRET } })));
    sent.push(standin.dispatchInteraction(messageContextMenu({ name: 'Ask the dossier', targetMessage: { content: question } })));
    sent.push(standin.dispatchInteraction(autocomplete({ name: 'ask', options: { question: SECRET }, focused: 'question' })));
    for (const s of sent) await answered(s);
    return { text, lines: text.map((l) => JSON.parse(l) as Line), ids: sent.map((s) => s.id) };
  } finally {
    await shell.stop();
    await standin.close();
  }
}

test('GIVEN the default level (info) WHEN members ask, search, vote, autocomplete and use the context menu THEN no log line holds their question', async () => {
  const { text } = await run('info');
  const leaks = text.filter((line) => line.includes(SECRET) || line.includes(SECRET.normalize('NFD')));
  assert.deepEqual(leaks, []);
});

test('GIVEN debug level WHEN the same happens THEN the questions are logged, each line with its interaction id', async () => {
  const { text, lines, ids } = await run('debug');
  assert.ok(text.some((line) => line.includes(SECRET)), 'debug shows questions: the info-level check above can fail');
  const perInteraction = lines.filter((l) => l.msg === 'command' || l.msg === 'answered');
  assert.ok(perInteraction.length >= ids.length);
  for (const line of perInteraction) assert.ok(line.interactionId && ids.includes(line.interactionId), `${line.msg} names its interaction: ${JSON.stringify(line)}`);
});
