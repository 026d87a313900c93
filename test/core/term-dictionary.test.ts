// The sorted UTF-8 term dictionary: every term found at its rank, nothing else found, whatever the
// script (byte order and JavaScript's string order differ once surrogate pairs are involved).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TermDictionary } from '../../src/core/term-dictionary.js';

const TERMS = ['kim', 'kim_jong', 'nga', 'đ', 'hạt', '2019', '12/9', 'a', 'ab', 'abc', 'Москва', '平壤', '\uE000', '😀', '𝔸', 'z'];

test('GIVEN terms in several scripts WHEN put in a dictionary THEN each is found at its rank in UTF-8 byte order, and others are not', () => {
  const dictionary = TermDictionary.fromTerms([...TERMS, 'kim']);
  const byBytes = [...TERMS].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.deepEqual([...dictionary], byBytes);
  assert.equal(dictionary.size, TERMS.length, 'duplicates once');
  byBytes.forEach((term, rank) => {
    assert.equal(dictionary.indexOf(term), rank, term);
    assert.equal(dictionary.indexOf(term), rank, `${term} (remembered)`);
    assert.equal(dictionary.termAt(rank), term);
  });
  for (const absent of ['', 'ki', 'kimm', 'kim_', 'nga ', 'd', '😁', 'Москв', 'zz']) assert.equal(dictionary.has(absent), false, absent);
});

test('GIVEN an empty dictionary WHEN a term is looked up THEN it is absent', () => {
  const dictionary = TermDictionary.fromTerms([]);
  assert.equal(dictionary.size, 0);
  assert.equal(dictionary.indexOf('kim'), -1);
  assert.deepEqual([...dictionary], []);
});

test('GIVEN a dictionary WHEN more distinct terms are looked up than it remembers THEN answers stay right', () => {
  const terms = Array.from({ length: 5000 }, (_, i) => `t${i}`);
  const dictionary = TermDictionary.fromTerms(terms);
  for (let round = 0; round < 2; round++) for (const term of terms) assert.ok(dictionary.has(term));
  for (let i = 5000; i < 10000; i++) assert.equal(dictionary.has(`t${i}`), false);
});
