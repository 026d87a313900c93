// Does a sentence hold the kind of answer asked for: a place or a person needs a proper name, of
// one word or more, that opens neither the sentence nor a quote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdsKind, kindStrength } from '../../src/core/answer-kinds.js';
import { tokenize } from '../../src/core/analyzer.js';

const holds = (kind: 'place' | 'person', text: string) => holdsKind(kind, tokenize(text), text);

test('GIVEN a place cue before a one-word name ("đến nhà khách Kumsusan", "tới Khasan") WHEN checked for a place THEN it holds one', () => {
  assert.ok(holds('place', 'Sau đó, hai ông đi trên cùng một chiếc xe đến nhà khách chính phủ Kumsusan.'));
  assert.ok(holds('place', 'Ông đã tới Khasan và có các cuộc tiếp xúc ban đầu.'));
  assert.ok(holds('place', 'Cuộc gặp diễn ra tại Bình Nhưỡng.'));
});

test('GIVEN capitals that only open the sentence, a quote or a clause after a colon WHEN checked for a place or a person THEN none is a name', () => {
  assert.ok(!holds('place', 'Sau đó, hai ông đi đến nhà khách.'));
  assert.ok(!holds('place', 'Ông nói: "Tôi sẽ đến đó."'));
  assert.ok(!holds('person', 'Ông cho biết: Chúng tôi sẽ tới.'));
});

test('GIVEN "why" WHEN a sentence gives a cause ("do bất đồng về cấm vận") THEN it answers plainly; one that only says what someone wants ("muốn") answers in part', () => {
  const strength = (text: string) => kindStrength('reason', tokenize(text), text);
  assert.equal(strength('Hội nghị kết thúc mà không có thỏa thuận nào do bất đồng về cấm vận.'), 1);
  assert.equal(strength('Nhà lãnh đạo Nga muốn có cơ hội nâng cao vị thế của Moscow.'), 0.5);
  assert.equal(strength('Hai nhà lãnh đạo gặp nhau tại Vladivostok.'), 0);
});
