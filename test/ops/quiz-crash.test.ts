/**
 * kill -9 in the middle of quiz answers, at the bot level: the real bot process against the
 * stand-in posts quizzes (up to the per-channel bound), members press answer buttons in a burst,
 * the process is SIGKILLed while it is answering them, then restarted on the same data folder
 * and everyone presses again. No answer the bot acknowledged is lost or changed, no member's
 * answer counts twice, and the scores equal the answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { storeFileIn } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';
import { DiscordStandin, button, slashCommand, type DispatchedInteraction } from '../discord/standin.js';
import { assertScoresMatchAnswers } from '../store/helpers.js';
import { botEnv, startBot, tempDir, type BotProcess } from './bot-process.js';
import { storedMessage } from './fuzz-harness.js';
import type { WireCallback } from './discord-limits.js';

const CALLBACK = 'POST /interactions/:id/:token/callback';
const MEMBERS = 50;
const MAX_OPEN_QUIZZES = 2; // QUIZ_MAX_OPEN_PER_CHANNEL below (the default is 3)
const AHEAD = 20;

interface Press {
  readonly quiz: string;
  readonly member: string;
  readonly letter: string;
  readonly sent: DispatchedInteraction;
}

function memberId(i: number): string {
  return `3${String(i).padStart(17, '0')}`;
}

async function callbackOf(sent: DispatchedInteraction): Promise<WireCallback> {
  return (await sent.waitForResponse((r) => r.route === CALLBACK && r.status < 300, 8_000)).body as WireCallback;
}

/** The press's callback if the bot sent one before it died: 7 = answer recorded (quiz message updated), 4 = a note. */
function ackOf(press: Press): number | undefined {
  const callback = press.sent.responses().find((r) => r.route === CALLBACK && r.status < 300);
  return (callback?.body as WireCallback | undefined)?.type;
}

async function ready(bot: BotProcess): Promise<void> {
  await bot.waitForLine((l) => l.msg === 'ready', 15_000, 'ready');
}

test('GIVEN members answering quizzes WHEN the bot is killed with SIGKILL mid-way and restarted THEN no acknowledged answer is lost, none counts twice, scores equal answers', { timeout: 60_000 }, async (t) => {
  const standin = await DiscordStandin.start();
  t.after(() => standin.close());
  const dataDir = tempDir(t);
  const env = botEnv(standin, dataDir, { QUIZ_MAX_OPEN_PER_CHANNEL: String(MAX_OPEN_QUIZZES) });
  const first = startBot(t, env);
  await ready(first);

  // Quizzes up to the per-channel bound; one more is refused politely.
  const quizzes: { id: string; letters: string[]; messageId: string }[] = [];
  for (let i = 0; i < MAX_OPEN_QUIZZES; i++) {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'quiz', subcommand: 'play', locale: 'en-US' }));
    const body = await callbackOf(sent);
    assert.equal(body.type, 4);
    const ids = (body.data?.components?.[0]?.components ?? []).map((c) => c.custom_id ?? '');
    assert.equal(ids.length, 4, `quiz ${i + 1} has four answer buttons: ${JSON.stringify(body.data).slice(0, 500)}`);
    const [, , , quizId] = ids[0]!.split(':');
    const message = storedMessage(standin, body.data);
    assert.ok(quizId && message);
    quizzes.push({ id: quizId, letters: ids.map((id) => id.split(':')[4]!), messageId: message.id });
  }
  const refused = await callbackOf(standin.dispatchInteraction(slashCommand({ name: 'quiz', subcommand: 'play', locale: 'en-US' })));
  assert.equal(refused.data?.flags, 64, 'the refusal is private');
  assert.match(refused.data?.embeds?.[0]?.description ?? '', new RegExp(`already has ${MAX_OPEN_QUIZZES} open quizzes`, 'u'), 'the per-channel bound holds');

  const press = (quiz: (typeof quizzes)[number], member: string, letter: string): Press => ({
    quiz: quiz.id,
    member,
    letter,
    sent: standin.dispatchInteraction(button({ customId: `quiz:answer:1:${quiz.id}:${letter}`, message: quiz.messageId, user: { id: member }, locale: 'en-US' })),
  });

  // A stream: every member answers every quiz, some press twice; a press every 2 ms, so the bot is
  // busy receiving and recording answers when it is killed (after about a quarter is acknowledged).
  const plan: [quiz: (typeof quizzes)[number], member: string, letter: string][] = [];
  for (let m = 0; m < MEMBERS; m++) {
    for (const [q, quiz] of quizzes.entries()) {
      plan.push([quiz, memberId(m), quiz.letters[(m + q) % 4]!]);
      if (m % 7 === 0) plan.push([quiz, memberId(m), quiz.letters[(m + q + 1) % 4]!]);
    }
  }
  const burst: Press[] = [];
  let acked = 0;
  let dead = false;
  const killAt = Math.floor(plan.length / 4);
  const killed = standin.waitForRequest((r) => r.route === CALLBACK && r.status < 300 && burst.some((p) => p.sent.id === r.interactionId) && ++acked >= killAt, 20_000);
  // At most AHEAD presses unanswered at a time: on a loaded machine the bot falls behind, and the
  // burst must still be going when the kill lands, however slowly the acknowledgements come.
  const pacing = (async () => {
    for (const [quiz, member, letter] of plan) {
      while (!dead && burst.length - acked >= AHEAD) await new Promise((resolve) => setTimeout(resolve, 2));
      if (dead) return;
      burst.push(press(quiz, member, letter));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  await killed;
  first.child.kill('SIGKILL');
  dead = true;
  await pacing;
  const death = await first.exited;
  assert.equal(death.signal, 'SIGKILL');

  const recorded = burst.filter((p) => ackOf(p) === 7);
  const noted = burst.filter((p) => ackOf(p) === 4);
  const lost = burst.filter((p) => ackOf(p) === undefined);
  t.diagnostic(`${burst.length} of ${plan.length} presses sent before the kill: ${recorded.length} recorded and acknowledged, ${noted.length} told "already answered", ${lost.length} unanswered when killed`);
  assert.ok(recorded.length + noted.length >= killAt, 'the kill came after the acknowledgements it waited for');
  assert.ok(burst.length < plan.length, 'the kill landed while members were still answering');
  const seen = new Set<string>();
  for (const p of recorded) {
    const key = `${p.quiz}/${p.member}`;
    assert.ok(!seen.has(key), `${key} was recorded twice before the kill`);
    seen.add(key);
  }

  // Restart on the same data folder; everyone presses again.
  const second = startBot(t, env);
  await ready(second);
  const again: Press[] = [];
  for (let m = 0; m < MEMBERS; m++) {
    for (const [q, quiz] of quizzes.entries()) again.push(press(quiz, memberId(m), quiz.letters[(m + q) % 4]!));
  }
  for (const p of again) await callbackOf(p.sent);
  for (const p of again) {
    const key = `${p.quiz}/${p.member}`;
    if (seen.has(key)) assert.equal(ackOf(p), 4, `${key}: already recorded, so "already answered", not counted again`);
    else if (ackOf(p) === 7) seen.add(key);
  }
  second.child.kill('SIGTERM');
  assert.equal((await second.exited).code, 0);

  // The store: each acknowledged answer is there with the letter pressed; one answer per member per quiz.
  const file = storeFileIn(path.resolve(dataDir));
  const store = openStore(file, { readonly: true });
  t.after(() => store.close());
  for (const p of recorded) {
    const saved = store.quiz.getAnswer(p.quiz, p.member);
    assert.ok(saved, `acknowledged answer lost: ${p.quiz}/${p.member}`);
    assert.equal(['A', 'B', 'C', 'D'][saved.chosenIndex], p.letter, `${p.quiz}/${p.member} keeps the answer acknowledged`);
  }
  for (let m = 0; m < MEMBERS; m++) {
    for (const quiz of quizzes) assert.ok(store.quiz.getAnswer(quiz.id, memberId(m)), `${quiz.id}/${memberId(m)} answered once in the end`);
  }
  assertScoresMatchAnswers(file, standin.world.guildId, quizzes.length);
});
