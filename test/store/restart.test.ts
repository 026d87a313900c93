import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openStore } from '../../src/store/index.js';
import { openForTest, quizQuestion, tempDir, vote } from './helpers.js';

test('GIVEN a store with rows in every table WHEN it is closed and reopened THEN everything is still there', (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  const first = openStore(file);
  first.feedback.recordVote(vote(), 10);
  first.summaries.recordPinnedSummary(
    { guildId: 'g1', channelId: 'c1', messageId: 'm1', pinnedBy: 'u1', topic: null, articleId: 'bai-2', dossierVersion: 'dv1', summary: 'Tóm tắt bài 2.' },
    20,
  );
  first.quiz.recordQuizQuestion(quizQuestion({ id: 'q1', expiresAt: 1000 }));
  first.quiz.recordAnswer({ questionId: 'q1', userId: 'u1', chosenIndex: 0 }, 30);
  const before = {
    worst: first.feedback.worstRated(),
    pinned: first.summaries.recentPinnedSummaries('g1'),
    question: first.quiz.getQuizQuestion('q1'),
    answer: first.quiz.getAnswer('q1', 'u1'),
    board: first.scores.leaderboard('g1'),
  };
  first.close();
  first.close(); // idempotent

  const second = openForTest(t, file);
  assert.deepEqual(
    {
      worst: second.feedback.worstRated(),
      pinned: second.summaries.recentPinnedSummaries('g1'),
      question: second.quiz.getQuizQuestion('q1'),
      answer: second.quiz.getAnswer('q1', 'u1'),
      board: second.scores.leaderboard('g1'),
    },
    before,
  );
  assert.equal(before.board[0]?.points, 1, 'the fixture itself recorded a score');
  assert.equal(second.quiz.recordAnswer({ questionId: 'q1', userId: 'u1', chosenIndex: 0 }, 40).status, 'already-answered');
});
