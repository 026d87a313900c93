// Does a piece of text hold the kind of answer a question asks for? Cheap surface cues only:
// they nudge the ranking between windows that cover the question equally well.
import type { Token } from './analyzer.js';
import type { AnswerKind } from './types.js';

const NUMBER_WORDS = new Set(['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi', 'tram', 'nghin', 'ngan', 'trieu', 'ty', 'nua', 'chuc', 'thap', 'ky']);
const DATE_WORDS = new Set(['ngay', 'thang', 'nam', 'hom', 'luc', 'sang', 'chieu', 'toi', 'dem', 'tuan', 'truoc', 'sau']);
const PERSON_TITLES = new Set(['ong', 'ba', 'tong', 'chu', 'giao', 'chuyen', 'giam', 'co', 'nguoi', 'bo', 'dai', 'su', 'pho']);
const PLACE_WORDS = new Set(['tai', 'o', 'den', 'toi', 'thanh', 'pho', 'vung', 'ga', 'san', 'can', 'cu', 'thu', 'do', 'tinh', 'nha', 'may']);
const REASON_WORDS = new Set(['vi', 'do', 'nham', 'de', 'boi', 'muon', 'nen', 'ly', 'muc', 'dich']);
// "bằng gì" is answered by a means: a way, or a vehicle.
const MANNER_WORDS = new Set(['bang', 'qua', 'theo', 'cach', 'tau', 'xe', 'may', 'bay', 'chuyen', 'co', 'duong', 'sat', 'thuyen']);
const ORGANISATION_WORDS = new Set(['vien', 'trung', 'tam', 'hoi', 'dong', 'bo', 'van', 'phong', 'hang', 'co', 'quan', 'dai', 'hoc', 'to', 'chuc', 'uy', 'ban']);

export function isNumberToken(t: Token): boolean {
  return t.isNumber || NUMBER_WORDS.has(t.folded);
}

export function holdsKind(kind: AnswerKind, tokens: readonly Token[], text: string): boolean {
  switch (kind) {
    case 'any': return false;
    case 'number': return tokens.some(isNumberToken);
    case 'date': return tokens.some((t) => /^\d{1,2}\/\d{1,2}(\/\d{2,4})?$|^(1[89]|20)\d\d$/.test(t.folded)) || hasAny(tokens, DATE_WORDS, 2);
    case 'person': return hasName(tokens, text) || hasAny(tokens, PERSON_TITLES, 1);
    case 'place': return hasName(tokens, text) && hasAny(tokens, PLACE_WORDS, 1);
    case 'reason': return hasAny(tokens, REASON_WORDS, 1);
    case 'manner': return hasAny(tokens, MANNER_WORDS, 1);
    case 'organisation': return hasAny(tokens, ORGANISATION_WORDS, 2) && hasName(tokens, text);
  }
}

function hasAny(tokens: readonly Token[], words: ReadonlySet<string>, atLeast: number): boolean {
  let count = 0;
  for (const t of tokens) if (words.has(t.folded) && ++count >= atLeast) return true;
  return false;
}

/** Two capitalised words in a row that don't open the sentence: a proper name. */
function hasName(tokens: readonly Token[], text: string): boolean {
  for (let i = 2; i < tokens.length; i++) {
    if (isCapital(text, tokens[i - 1]!) && isCapital(text, tokens[i]!)) return true;
  }
  return false;
}

function isCapital(text: string, token: Token): boolean {
  const c = text.charAt(token.start);
  return c !== c.toLowerCase();
}
