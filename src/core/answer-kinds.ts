// Does a piece of text hold the kind of answer a question asks for? Cheap surface cues only:
// they nudge the ranking between windows that cover the question equally well. Passages keep
// their diacritics, so the cues are exact forms: folded, "có" (has) would pass for "cơ" and
// "qua" for "quá", and every sentence would look like an answer.
import { tokenize, type Token } from './analyzer.js';
import { COUNTING_WORDS, STANCE_VERBS } from './lexicon.js';
import type { AnswerKind } from './types.js';

const exact = (words: string): ReadonlySet<string> => new Set(words.split(','));
/** Cue phrases as sequences of exact syllables. */
const phrases = (list: string): readonly (readonly string[])[] => list.split(',').map((p) => tokenize(p).map((t) => t.exact));

const NUMBER_WORDS: ReadonlySet<string> = new Set([...COUNTING_WORDS.keys(), ...exact('mươi,trăm,nghìn,ngàn,triệu,tỷ,tỉ,nửa,chục')]);
// "bao lâu" is answered by a number of time units: "hơn 5 tiếng", "24 năm", "nửa tháng".
const TIME_UNITS = exact('giây,phút,tiếng,giờ,ngày,tuần,tháng,năm,thập,thế');
/** After a number of time units, these make it a point in time: "4 năm trước", "3 ngày sau". */
const RELATIVE_TIME = exact('trước,sau,nữa,tới');
/** "Since" a date answers "how long" too: "lần đầu ... kể từ tháng 4/2019". */
const SINCE_CUES = phrases('kể từ,từ năm,từ tháng');
const DATE_CUES = phrases('ngày,tháng,hôm,sáng,rạng sáng,chiều,tối,đêm,ban đêm,tuần,năm ngoái,năm trước,thập kỷ,hồi,lúc,khi');
const PERSON_CUES = phrases('ông,bà,tổng thống,chủ tịch,giáo sư,chuyên gia,giám đốc,người phát ngôn,phát ngôn viên,bộ trưởng,đại sứ,thủ tướng,nhà phân tích,lãnh đạo');
const PLACE_CUES = phrases('tại,ở,đến,tới,thành phố,vùng,ga,sân bay,căn cứ,thủ đô,tỉnh,nhà máy,nhà khách,lãnh thổ');
const REASON_CUES = phrases('vì,do,nhằm,để,bởi,bởi vì,lý do,nguyên nhân,mục đích');
// A want is a motive, not a cause: it answers "why" only in part.
const MOTIVE_CUES = phrases('muốn');
// "bằng gì" is answered by a means: a way, or a vehicle.
const MANNER_CUES = phrases('bằng,qua,theo cách,cách,tàu,đoàn tàu,xe,máy bay,chuyên cơ,đường sắt,thuyền,ô tô');
// A yes/no question is answered by a stance: confirmed, denied, agreed, refused.
const STANCE_CUES = phrases([...STANCE_VERBS, 'khẳng định', 'không hề', 'chưa từng', 'chưa có', 'không có'].join(','));
const ORGANISATION_CUES = phrases('viện,học viện,trung tâm,hội đồng,bộ,văn phòng,hãng,cơ quan,đại học,tổ chức,ủy ban,đảng');

export function isNumberToken(t: Token): boolean {
  return t.isNumber || NUMBER_WORDS.has(t.exact);
}

export function holdsKind(kind: AnswerKind, tokens: readonly Token[], text: string): boolean {
  return kindStrength(kind, tokens, text) > 0;
}

/**
 * How well a piece of text holds the kind of answer asked for: 1 plainly, 0.5 in part, 0 not.
 * "How long did it last" is answered by a length of time ("kéo dài hơn 5 tiếng"); a "since"
 * ("kể từ tháng 4/2019") leaves the reader to count, so it counts for half. "Sau bao lâu" (how
 * long since) is answered by either.
 */
export function kindStrength(kind: AnswerKind, tokens: readonly Token[], text: string): number {
  if (kind === 'reason') return hasCue(tokens, REASON_CUES) ? 1 : hasCue(tokens, MOTIVE_CUES) ? 0.5 : 0;
  if (kind !== 'duration' && kind !== 'elapsed') return holdsOtherKind(kind, tokens, text) ? 1 : 0;
  if (tokens.some((t, i) => isNumberToken(t) && lastsFor(tokens, i))) return 1;
  if (!hasCue(tokens, SINCE_CUES, (t) => t.isNumber)) return 0;
  return kind === 'elapsed' ? 1 : 0.5;
}

function holdsOtherKind(kind: Exclude<AnswerKind, 'duration' | 'elapsed'>, tokens: readonly Token[], text: string): boolean {
  switch (kind) {
    case 'any': return false;
    case 'number': return tokens.some(isNumberToken);
    case 'date': return tokens.some((t) => /^\d{1,2}\/\d{1,2}(\/\d{2,4})?$|^(1[89]|20)\d\d$/.test(t.folded)) || hasCue(tokens, DATE_CUES, (t) => t.isNumber);
    case 'person': return hasName(tokens, text) && hasCue(tokens, PERSON_CUES);
    case 'place': return hasName(tokens, text) && hasCue(tokens, PLACE_CUES);
    case 'reason': return hasCue(tokens, REASON_CUES);
    case 'manner': return hasCue(tokens, MANNER_CUES);
    case 'stance': return hasCue(tokens, STANCE_CUES);
    case 'organisation': return hasName(tokens, text) && hasCue(tokens, ORGANISATION_CUES);
  }
}

/**
 * A number of time units at `i` that measures a length of time ("hơn 5 tiếng", "sau 24 năm"), not
 * a point in time: "4 năm trước" (ago), "3 ngày sau" (later) or a date ("12/9 năm ngoái").
 */
function lastsFor(tokens: readonly Token[], i: number): boolean {
  if (tokens[i]!.folded.includes('/')) return false;
  for (let k = i + 1; k < i + 3 && k < tokens.length; k++) {
    if (TIME_UNITS.has(tokens[k]!.exact)) return !RELATIVE_TIME.has(tokens[k + 1]?.exact ?? '');
  }
  return false;
}

/** One of the cue phrases, optionally followed within two words by a token that passes `then`. */
function hasCue(tokens: readonly Token[], cues: readonly (readonly string[])[], then?: (t: Token) => boolean): boolean {
  return tokens.some((_, i) => cues.some((cue) => {
    if (!cue.every((w, k) => tokens[i + k]?.exact === w)) return false;
    return !then || tokens.slice(i + cue.length, i + cue.length + 2).some(then);
  }));
}

/** What stands between two words when the second opens a quote or a clause. */
const OPENS_CLAUSE = /[:"“'‘(.!?…]/u;

/**
 * A capitalised word that opens neither the sentence nor a quote or a clause after a colon: a
 * proper name, of one word ("Khasan", "Kumsusan") or more.
 */
function hasName(tokens: readonly Token[], text: string): boolean {
  for (let i = 1; i < tokens.length; i++) {
    if (isCapital(text, tokens[i]!) && !OPENS_CLAUSE.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return true;
  }
  return false;
}

function isCapital(text: string, token: Token): boolean {
  const c = text.charAt(token.start);
  return c !== c.toLowerCase();
}
