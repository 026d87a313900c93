// Quiz questions: a blanked dossier sentence with four options of one kind, decided by the seed;
// no option that could also be right, none given away; scoring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndex, type PassageIndex } from '../../src/core/passage-index.js';
import { BLANK, dossierFacts, makeQuiz, OPTION_COUNT, scoreAnswer, type Quiz, type QuizOptions } from '../../src/core/quiz.js';
import { foldedWords } from '../../src/core/summary-terms.js';
import { loadDossier } from '../../src/ingest/load.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';
import { corpusIndex, fixtureIndex } from '../fixtures/dossier.js';

function quiz(index: PassageIndex, opts: QuizOptions): Quiz {
  const q = makeQuiz(index, opts);
  assert.equal(q.kind, 'quiz', `seed ${opts.seed}: ${JSON.stringify(q)}`);
  return q as Quiz;
}

const distractors = (q: Quiz) => q.options.filter((_, i) => i !== q.correctIndex);

/** Every invariant a question must hold. */
function assertWellFormed(index: PassageIndex, q: Quiz): void {
  assert.equal(q.options.length, OPTION_COUNT);
  assert.equal(new Set(q.options.map(foldedWords)).size, OPTION_COUNT, `distinct options: ${q.options.join(' | ')}`);
  assert.equal(q.options[q.correctIndex], q.answer);
  assert.equal(q.stem.split(BLANK).length, 2, 'one blank');
  assert.equal(q.stem.replace(BLANK, q.answer), q.explanation, 'the blank is exactly the answer');
  const passage = index.dossier.passages.find((p) => p.id === q.passageId);
  assert.ok(passage && passage.kind === 'paragraph' && passage.text.includes(q.explanation), 'the explanation is a verbatim sentence of the cited paragraph');
  assert.equal(q.citation.articleId, q.articleId);
  assert.equal(q.citation.paragraph, passage.paragraph);
  const article = index.articlesById.get(q.articleId)!;
  assert.equal(q.context.date, article.date);
  for (const shown of [q.context.title, q.context.before].filter((t): t is string => t !== undefined)) {
    assert.ok(!` ${foldedWords(shown)} `.includes(` ${foldedWords(q.answer)} `), `the context gives "${q.answer}" away: ${shown}`);
  }
  assert.equal(q.dossierVersion, index.dossier.version);
}

/** The answer's fact and, for each distractor, the facts of the dossier written that way. */
function assertSameKind(index: PassageIndex, q: Quiz): void {
  const facts = dossierFacts(index);
  const answer = facts.find((f) => f.passageId === q.passageId && f.fact.text === q.answer && f.fact.kind === q.answerKind);
  assert.ok(answer, `the answer "${q.answer}" is a ${q.answerKind} fact of ${q.passageId}`);
  for (const d of distractors(q)) {
    const same = facts.filter((f) => f.fact.text === d && f.fact.group === answer.fact.group);
    assert.ok(same.length > 0, `"${d}" is a ${answer.fact.group} elsewhere in the dossier (answer "${q.answer}")`);
    assert.ok(same.every((f) => f.fact.identity !== answer.fact.identity), `"${d}" is another spelling of "${q.answer}"`);
    assert.ok(!foldedWords(q.explanation).includes(foldedWords(d)), `"${d}" is named in the question itself`);
  }
}

test('GIVEN the corpus WHEN quizzes are made for seeds 1-30 THEN each has four distinct options, the blank is the answer and every option is of its kind', () => {
  const index = corpusIndex();
  for (let seed = 1; seed <= 30; seed++) {
    const q = quiz(index, { seed });
    assertWellFormed(index, q);
    assertSameKind(index, q);
    assert.equal(q.seed, seed);
  }
});

test('GIVEN one seed WHEN a quiz is made twice, even from a freshly built index THEN both are identical', () => {
  const fresh = buildIndex(loadDossier(DEFAULT_CORPUS_DIR).dossier!);
  for (const seed of [1, 7, 123456, -3, 2.5]) {
    assert.deepEqual(makeQuiz(corpusIndex(), { seed }), makeQuiz(fresh, { seed }));
  }
});

test('GIVEN different seeds WHEN quizzes are made THEN they ask different questions', () => {
  const index = corpusIndex();
  const key = (q: Quiz) => `${q.passageId}|${q.answer}`;
  assert.notDeepEqual(quiz(index, { seed: 1 }), quiz(index, { seed: 2 }));
  const asked = new Set(Array.from({ length: 10 }, (_, i) => key(quiz(index, { seed: i + 1 }))));
  assert.ok(asked.size >= 6, `${asked.size} different questions for 10 seeds`);
  const kinds = new Set(Array.from({ length: 30 }, (_, i) => quiz(index, { seed: i + 1 }).answerKind));
  assert.deepEqual([...kinds].sort(), ['date', 'number', 'organisation', 'person', 'place']);
});

test('GIVEN an article WHEN quizzes are made THEN they come from it', () => {
  const index = corpusIndex();
  for (const article of index.dossier.articles) {
    for (const seed of [1, 2, 3]) {
      const q = quiz(index, { seed, articleId: article.id });
      assert.equal(q.articleId, article.id);
      assertWellFormed(index, q);
    }
  }
});

test('GIVEN a topic WHEN quizzes are made THEN the question\'s sentence is about it', () => {
  const index = corpusIndex();
  for (const seed of [1, 2, 3, 4]) {
    const q = quiz(index, { seed, topic: 'Ushakov' });
    assert.match(q.explanation, /Ushakov/u);
  }
});

test('GIVEN an unknown article or a topic the dossier never mentions WHEN a quiz is asked for THEN "none" with the reason', () => {
  const index = corpusIndex();
  assert.deepEqual(makeQuiz(index, { seed: 1, articleId: 'nope' }), { kind: 'none', reason: 'unknown-article', articleId: 'nope' });
  assert.deepEqual(makeQuiz(index, { seed: 1, topic: 'xyzzy' }), { kind: 'none', reason: 'nothing-relevant', topic: 'xyzzy' });
});

test('GIVEN facts of a kind with fewer than three others like them WHEN a quiz is asked for THEN "none": no option is invented', () => {
  const index = fixtureIndex([{ id: 'bai', title: 'Một cuộc gặp', date: '2020-05', lines: ['Ông Karl Olsen nói chuyện với bà Anna Berg trong nhiều giờ liền tại văn phòng ở Oslo.'] }]);
  assert.deepEqual(makeQuiz(index, { seed: 1 }), { kind: 'none', reason: 'no-question' });
});

const years = fixtureIndex([{
  id: 'nam', title: 'Những mốc thời gian', date: '2020-01',
  lines: [
    'Cố Chủ tịch Lê Văn Tám từng thăm thủ đô Praha năm 2011 và gặp nhiều quan chức cấp cao.',
    'Trước đó, cố Chủ tịch Lê Văn Tám cũng từng thăm thủ đô Praha năm 2002 để bàn về thương mại.',
    'Nhà máy thép lớn nhất vùng được xây dựng năm 1998 với vốn vay nước ngoài.',
    'Đường cao tốc nối hai thành phố được khánh thành năm 2015 sau nhiều lần trì hoãn.',
    'Cuộc tổng tuyển cử gần nhất diễn ra năm 2019 với tỷ lệ cử tri đi bầu kỷ lục.',
    'Hiệp định biên giới được ký năm 2007 tại một hội nghị quốc tế.',
  ],
}]);

test('GIVEN two sentences about the same visit in different years WHEN one year is asked THEN the other is never an option (it would be right too)', () => {
  const seen = new Set<string>();
  for (let seed = 1; seed <= 60; seed++) {
    const q = makeQuiz(years, { seed });
    if (q.kind !== 'quiz' || (q.answer !== '2011' && q.answer !== '2002')) continue;
    seen.add(q.answer);
    assertWellFormed(years, q);
    assert.ok(!q.options.includes(q.answer === '2011' ? '2002' : '2011'), `${q.answer}: ${q.options.join(' | ')}`);
  }
  assert.deepEqual([...seen].sort(), ['2002', '2011'], 'both visits were asked about');
});

const people = fixtureIndex([{
  id: 'nguoi', title: 'Dự án cầu mới', date: '2022-10',
  lines: [
    'Theo bà Anna Berg, giám đốc dự án, công trình sẽ hoàn thành vào cuối mùa hè.',
    'Bà Maria Lind cho rằng chi phí xây dựng vẫn nằm trong dự toán ban đầu.',
    'Kỹ sư trưởng là bà Eva Holm, người từng thiết kế nhiều cây cầu lớn.',
    'Bà Ida Sand phụ trách quan hệ với cư dân sống gần công trường.',
    'Ông Karl Olsen đại diện cho nhà thầu chính trong các cuộc họp báo.',
    'Ông Piet Hein kiểm tra chất lượng bê tông mỗi tuần một lần.',
    'Ông Lars Vik là người phát ngôn của thành phố về dự án này.',
    'Theo ông Nils Dahl, giao thông sẽ được phân luồng trong suốt thời gian thi công.',
  ],
}]);

test('GIVEN "bà _____" or "ông _____" WHEN the options are drawn THEN they are people the dossier calls the same way', () => {
  const women = new Set(['Anna Berg', 'Maria Lind', 'Eva Holm', 'Ida Sand']);
  let asked = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const q = makeQuiz(people, { seed });
    if (q.kind !== 'quiz' || q.answerKind !== 'person') continue;
    assertWellFormed(people, q);
    asked += 1;
    const female = /\b[Bb]à _____/u.test(q.stem);
    const male = /\b[Ôô]ng _____/u.test(q.stem);
    for (const option of q.options) {
      if (female) assert.ok(women.has(option), `${q.stem}: ${q.options.join(' | ')}`);
      if (male) assert.ok(!women.has(option), `${q.stem}: ${q.options.join(' | ')}`);
    }
  }
  assert.ok(asked >= 10, `${asked} person questions`);
});

const bodies = fixtureIndex([{
  id: 'to-chuc', title: 'Các tổ chức lên tiếng', date: '2021-11',
  lines: [
    'Nghị quyết mới của Hội đồng Bảo an Liên Hợp Quốc được thông qua sau nhiều tuần tranh luận.',
    'Một báo cáo của Liên Hiệp Quốc cho thấy tình hình nhân đạo tiếp tục xấu đi trong năm qua.',
    'Giám đốc Viện Nansen nhận định các bên cần sớm quay lại bàn đàm phán.',
    'Theo hãng tin Reuters, các nhà ngoại giao đã họp kín suốt đêm qua tại trụ sở.',
    'Các nhà nghiên cứu của đại học Harvard công bố nghiên cứu mới về các lệnh trừng phạt.',
    'Lãnh đạo tập đoàn Samsung cho biết chuỗi cung ứng đang chịu nhiều sức ép.',
  ],
}], [['Liên Hợp Quốc', 'Liên Hiệp Quốc'], ['Hội đồng Bảo an Liên Hợp Quốc', 'Hội đồng Bảo an']]);

test('GIVEN a body and the larger body it belongs to WHEN either is asked THEN the other is never an option (its resolutions are the other\'s too)', () => {
  const un = /Liên H(?:ợ|iệ)p Quốc/u;
  const asked = new Set<string>();
  for (let seed = 1; seed <= 40; seed++) {
    const q = makeQuiz(bodies, { seed });
    if (q.kind !== 'quiz' || !un.test(q.answer)) continue;
    assertWellFormed(bodies, q);
    assert.equal(q.answerKind, 'organisation');
    asked.add(q.answer);
    assert.equal(q.options.filter((o) => un.test(o)).length, 1, q.options.join(' | '));
  }
  assert.equal(asked.size, 2, `both bodies were asked about: ${[...asked].join(', ')}`);
});

test('GIVEN a quiz WHEN an option is scored THEN the right one earns a point, a wrong one none, and an index that is no option is refused', () => {
  const q = quiz(corpusIndex(), { seed: 5 });
  assert.deepEqual(scoreAnswer(q, q.correctIndex), { correct: true, points: 1 });
  assert.deepEqual(scoreAnswer(q, (q.correctIndex + 1) % OPTION_COUNT), { correct: false, points: 0 });
  for (const bad of [-1, OPTION_COUNT, 1.5, Number.NaN]) assert.throws(() => scoreAnswer(q, bad), RangeError);
});
