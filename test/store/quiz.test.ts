import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.js';
import { freshStore, quizQuestion } from './helpers.js';

const answer = (store: Store, questionId: string, userId: string, chosenIndex: number, now: number) =>
  store.quiz.recordAnswer({ questionId, userId, chosenIndex }, now);

test('GIVEN a recorded question WHEN it is read back THEN every field round-trips; a reused id is refused', (t) => {
  const { store } = freshStore(t);
  const question = quizQuestion({ id: 'q1', correctIndex: 2, createdAt: 5, expiresAt: 65 });
  assert.deepEqual(store.quiz.recordQuizQuestion(question), { status: 'recorded' });
  assert.deepEqual(store.quiz.getQuizQuestion('q1'), question);
  assert.deepEqual(store.quiz.recordQuizQuestion(quizQuestion({ id: 'q1', stem: 'other' })), { status: 'duplicate-id' });
  assert.equal(store.quiz.getQuizQuestion('q1')?.stem, question.stem);
  assert.equal(store.quiz.getQuizQuestion('nope'), undefined);
});

test('GIVEN an inconsistent question WHEN it is recorded THEN it is refused before touching the database', (t) => {
  const { store } = freshStore(t);
  assert.throws(() => store.quiz.recordQuizQuestion(quizQuestion({ id: 'q1', correctIndex: 4 })), RangeError);
  assert.throws(() => store.quiz.recordQuizQuestion(quizQuestion({ id: 'q2', options: ['only one'] })), RangeError);
  assert.throws(() => store.quiz.recordQuizQuestion(quizQuestion({ id: 'q3', createdAt: 10, expiresAt: 5 })), RangeError);
  assert.equal(store.quiz.getQuizQuestion('q1'), undefined);
});

test('GIVEN a member answered WHEN they click again THEN the first answer stands and the score counts it once', (t) => {
  const { store } = freshStore(t);
  store.quiz.recordQuizQuestion(quizQuestion({ id: 'q1', correctIndex: 1, expiresAt: 100 }));
  assert.deepEqual(answer(store, 'q1', 'u1', 3, 10), { status: 'recorded', correct: false, correctIndex: 1 });
  assert.deepEqual(answer(store, 'q1', 'u1', 1, 20), {
    status: 'already-answered',
    previous: { questionId: 'q1', userId: 'u1', chosenIndex: 3, correct: false, answeredAt: 10 },
  });
  assert.deepEqual(answer(store, 'q1', 'u2', 1, 30), { status: 'recorded', correct: true, correctIndex: 1 });
  assert.deepEqual(store.scores.memberStats('g1', 'u1'), { userId: 'u1', points: 0, answered: 1, correct: 0, streak: 0, bestStreak: 0 });
  assert.deepEqual(store.scores.memberStats('g1', 'u2'), { userId: 'u2', points: 1, answered: 1, correct: 1, streak: 1, bestStreak: 1 });
});

test('GIVEN no such question WHEN a member answers THEN the outcome is unknown-question and nothing is scored', (t) => {
  const { store } = freshStore(t);
  assert.deepEqual(answer(store, 'gone', 'u1', 0, 10), { status: 'unknown-question' });
  assert.equal(store.scores.memberStats('g1', 'u1'), undefined);
});

test('GIVEN a question expiring at t=100 WHEN answered at 99 and at 100 THEN the first counts and the second is expired', (t) => {
  const { store } = freshStore(t);
  store.quiz.recordQuizQuestion(quizQuestion({ id: 'q1', createdAt: 0, expiresAt: 100 }));
  assert.equal(answer(store, 'q1', 'u1', 0, 99).status, 'recorded');
  assert.deepEqual(answer(store, 'q1', 'u2', 0, 100), { status: 'expired' });
  assert.equal(store.quiz.getAnswer('q1', 'u2'), undefined);
  assert.equal(store.scores.memberStats('g1', 'u2'), undefined);
  // Someone who did answer is told what they chose, even after expiry.
  assert.equal(answer(store, 'q1', 'u1', 2, 150).status, 'already-answered');
});

test('GIVEN a choice outside the options WHEN a member answers THEN it throws and records nothing', (t) => {
  const { store } = freshStore(t);
  store.quiz.recordQuizQuestion(quizQuestion({ id: 'q1' }));
  assert.throws(() => answer(store, 'q1', 'u1', 4, 10), RangeError);
  assert.throws(() => answer(store, 'q1', 'u1', -1, 10), RangeError);
  assert.equal(store.quiz.getAnswer('q1', 'u1'), undefined);
  assert.equal(answer(store, 'q1', 'u1', 0, 11).status, 'recorded');
});

test('GIVEN answers right, right, wrong, right WHEN scored THEN points and correct are 3 of 4 answered, streak 1, best streak 2', (t) => {
  const { store } = freshStore(t);
  ['q1', 'q2', 'q3', 'q4'].forEach((id) => store.quiz.recordQuizQuestion(quizQuestion({ id, correctIndex: 0 })));
  [0, 0, 3, 0].forEach((chosen, i) => answer(store, `q${i + 1}`, 'u1', chosen, 10 + i));
  assert.deepEqual(store.scores.memberStats('g1', 'u1'), { userId: 'u1', points: 3, answered: 4, correct: 3, streak: 1, bestStreak: 2 });
});

test('GIVEN members with equal points WHEN ranked THEN whoever reached the score first ranks higher (later wrong answers do not move them), then user id', (t) => {
  const { store } = freshStore(t);
  for (let i = 1; i <= 6; i++) store.quiz.recordQuizQuestion(quizQuestion({ id: `q${i}`, correctIndex: 0 }));
  store.quiz.recordQuizQuestion(quizQuestion({ id: 'other-guild', guildId: 'g2', correctIndex: 0 }));
  const right = (q: number, user: string, at: number) => assert.equal(answer(store, `q${q}`, user, 0, at).status, 'recorded');
  const wrong = (q: number, user: string, at: number) => assert.equal(answer(store, `q${q}`, user, 1, at).status, 'recorded');

  right(1, 'carol', 1); right(2, 'carol', 2); right(3, 'carol', 3); // 3 points
  right(1, 'bob', 4); right(2, 'bob', 5); // 2 points, reached at 5
  right(1, 'dave', 4); right(2, 'dave', 5); // 2 points, reached at 5 too: user id decides
  right(1, 'alice', 2); right(2, 'alice', 10); // 2 points, reached at 10
  wrong(3, 'bob', 20); wrong(4, 'bob', 21); // wrong answers after: still reached 2 at 5
  wrong(1, 'erin', 30); // 0 points
  assert.equal(answer(store, 'other-guild', 'zed', 0, 40).status, 'recorded');

  const board = store.scores.leaderboard('g1');
  assert.deepEqual(board.map((m) => [m.rank, m.userId, m.points, m.answered, m.correct]), [
    [1, 'carol', 3, 3, 3],
    [2, 'bob', 2, 4, 2],
    [3, 'dave', 2, 2, 2],
    [4, 'alice', 2, 2, 2],
    [5, 'erin', 0, 1, 0],
  ]);
  assert.deepEqual(store.scores.leaderboard('g1', 2).map((m) => m.userId), ['carol', 'bob']);
  for (const member of board) {
    assert.deepEqual(store.scores.rankOf('g1', member.userId), { ...member, members: 5 });
  }
  assert.equal(store.scores.rankOf('g1', 'zed'), undefined, 'scores are per guild');
  assert.deepEqual(store.scores.rankOf('g2', 'zed')?.rank, 1);
});

test('GIVEN questions in two channels WHEN open quizzes are counted THEN only the channel\'s unexpired ones count', (t) => {
  const { store } = freshStore(t);
  store.quiz.recordQuizQuestion(quizQuestion({ id: 'a', channelId: 'c1', expiresAt: 100 }));
  store.quiz.recordQuizQuestion(quizQuestion({ id: 'b', channelId: 'c1', expiresAt: 200 }));
  store.quiz.recordQuizQuestion(quizQuestion({ id: 'c', channelId: 'c2', expiresAt: 200 }));
  assert.equal(store.quiz.countOpenQuizzes('c1', 50), 2);
  assert.equal(store.quiz.countOpenQuizzes('c1', 100), 1);
  assert.equal(store.quiz.countOpenQuizzes('c1', 200), 0);
  assert.equal(store.quiz.countOpenQuizzes('c2', 50), 1);
  assert.equal(store.quiz.countOpenQuizzes('c3', 50), 0);
});
