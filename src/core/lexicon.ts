// Language data the query side needs: question phrases (which tell the kind of answer wanted),
// function syllables that carry little meaning in a question, and English function words.
// All forms are folded (no diacritics, đ -> d) so they match however a question is typed.
// Nothing here is about any particular dossier.
import { fold } from './analyzer.js';
import type { AnswerKind } from './types.js';

/**
 * Question phrases, written with diacritics. A question typed with diacritics must match them
 * exactly; one typed without matches their folded form, except the phrases marked ambiguous
 * (folded, "đâu" is also "đầu", "mấy" also "máy").
 */
export const QUESTION_PHRASES: readonly (readonly [phrase: string, kind: AnswerKind, ambiguousWhenFolded?: true])[] = [
  // Vietnamese
  ['bao nhiêu', 'number'], ['số lượng', 'number'], ['bao lâu', 'duration'],
  // "mất / hết bao lâu": the verb only says it takes time.
  ['mất bao lâu', 'duration'], ['hết bao lâu', 'duration'], ['trong bao lâu', 'duration'], ['mấy', 'number', true],
  ['bao lâu rồi', 'elapsed'], ['cách đây bao lâu', 'elapsed'],
  ['khi nào', 'date'], ['lúc nào', 'date'], ['bao giờ', 'date'], ['ngày nào', 'date'], ['hôm nào', 'date'],
  ['tháng nào', 'date'], ['năm nào', 'date'], ['thời điểm nào', 'date'], ['buổi nào', 'date'], ['thời gian nào', 'date'],
  ['vào ngày nào', 'date'], ['vào hôm nào', 'date'], ['vào lúc nào', 'date'], ['vào thời điểm nào', 'date'], ['vào năm nào', 'date'],
  ['vào tháng nào', 'date'], ['vào khi nào', 'date'], ['từ khi nào', 'date'], ['từ bao giờ', 'date'], ['từ lúc nào', 'date'],
  ['người nào', 'person'], ['là ai', 'person'], ['ai', 'person'],
  ['ở đâu', 'place'], ['tại đâu', 'place'], ['nơi nào', 'place'], ['chỗ nào', 'place'], ['thành phố nào', 'place'],
  ['nước nào', 'place'], ['đâu', 'place', true], ['địa điểm nào', 'place'], ['khu vực nào', 'place'], ['vùng nào', 'place'],
  ['tỉnh nào', 'place'], ['quốc gia nào', 'place'], ['nơi đâu', 'place'],
  ['tại sao', 'reason'], ['vì sao', 'reason'], ['lý do', 'reason'], ['để làm gì', 'reason'], ['nhằm mục đích gì', 'reason'],
  ['mục đích gì', 'reason'], ['nhằm gì', 'reason'], ['do đâu', 'reason'], ['vì lý do gì', 'reason'], ['lý do gì', 'reason'],
  ['vì đâu', 'reason'], ['vì gì', 'reason'], ['vì cái gì', 'reason'], ['vì chuyện gì', 'reason'], ['vì điều gì', 'reason'],
  ['do cái gì', 'reason'], ['do chuyện gì', 'reason'], ['do điều gì', 'reason'], ['bởi đâu', 'reason'], ['cớ sao', 'reason'],
  ['cớ gì', 'reason'], ['nguyên nhân', 'reason'], ['nguyên do', 'reason'], ['how come', 'reason'],
  ['hồi nào', 'date'], ['mấy giờ', 'date'], ['năm bao nhiêu', 'date'],
  ['ngày mấy', 'date'], ['tháng mấy', 'date'], ['hôm mấy', 'date'], ['năm mấy', 'date'], ['dịp nào', 'date'],
  ['nhân vật nào', 'person'], ['vị nào', 'person'], ['ông nào', 'person'], ['bà nào', 'person'], ['những ai', 'person'],
  ['như nào', 'manner'], ['bao xa', 'number'],
  // Folded, "cai" is also "cải" (cải thiện): read as the question word it is, not a rare word.
  ['cái gì', 'any'],
  ['bằng gì', 'manner'], ['bằng cách nào', 'manner'], ['như thế nào', 'manner'], ['thế nào', 'manner'], ['ra sao', 'manner'],
  // "What does it mean for X": the meaning is the answer, not a word to look for.
  ['ý nghĩa thế nào', 'manner'], ['ý nghĩa như thế nào', 'manner'], ['ý nghĩa ra sao', 'manner'], ['ý nghĩa gì', 'any'],
  ['nghĩa là gì', 'any'],
  ['cơ quan nào', 'organisation'], ['tổ chức nào', 'organisation'], ['viện nào', 'organisation'], ['hãng nào', 'organisation'],
  ['trung tâm nào', 'organisation'], ['văn phòng nào', 'organisation'], ['hãng tin nào', 'organisation'],
  ['hãng thông tấn nào', 'organisation'], ['tờ báo nào', 'organisation'], ['báo nào', 'organisation'], ['đài nào', 'organisation'],
  ['kênh nào', 'organisation'], ['tổ chức gì', 'organisation'], ['cơ quan gì', 'organisation'],
  // English
  ['how many', 'number'], ['how much', 'number'], ['how long', 'duration'], ['how old', 'number'],
  ['how long since', 'elapsed'], ['how long has it been', 'elapsed'], ['how long had it been', 'elapsed'], ['how long after', 'elapsed'],
  ['what date', 'date'], ['what year', 'date'], ['what time', 'date'], ['which day', 'date'], ['when', 'date'],
  ['what day', 'date'], ['which date', 'date'], ['which year', 'date'], ['what month', 'date'], ['which month', 'date'],
  ['since when', 'date'],
  ['who', 'person'], ['whom', 'person'], ['whose', 'person'], ['which person', 'person'],
  ['where', 'place'], ['which city', 'place'], ['which country', 'place'], ['what city', 'place'], ['what country', 'place'],
  ['which place', 'place'], ['what place', 'place'], ['which region', 'place'], ['what region', 'place'],
  ['why', 'reason'], ['what for', 'reason'], ['for what purpose', 'reason'], ['for what reason', 'reason'],
  ['what is the point', 'reason'], ['what s the point', 'reason'], ['what is the purpose', 'reason'], ['what s the purpose', 'reason'],
  ['what was the point', 'reason'], ['what was the purpose', 'reason'], ['what is the reason', 'reason'], ['what was the reason', 'reason'],
  ['by what means', 'manner'], ['in what way', 'manner'], ['how', 'manner'],
  ['which organisation', 'organisation'], ['which organization', 'organisation'], ['which agency', 'organisation'],
  ['which institute', 'organisation'], ['which think tank', 'organisation'], ['what think tank', 'organisation'],
  ['what organisation', 'organisation'], ['what organization', 'organisation'], ['what agency', 'organisation'],
  ['which news agency', 'organisation'], ['what news agency', 'organisation'], ['which outlet', 'organisation'],
  ['which newspaper', 'organisation'], ['what newspaper', 'organisation'], ['which broadcaster', 'organisation'],
];

/**
 * Chat shorthand, typed without diacritics, read as the words it stands for in a Vietnamese
 * question ("mong chuyen tham nga ntn" = như thế nào). None of them is a Vietnamese syllable, so
 * none collides with a word of the text; the single letters already handled as particles ("k",
 * "r") are not here.
 */
export const CHAT_SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['ntn', 'như thế nào'], ['ntnao', 'như thế nào'], ['bn', 'bao nhiêu'], ['bnhieu', 'bao nhiêu'], ['bh', 'bao giờ'],
  ['j', 'gì'], ['dc', 'được'], ['đc', 'được'], ['vs', 'với'], ['ns', 'nói'], ['bt', 'biết'], ['kb', 'không biết'],
  ['nx', 'nữa'], ['cx', 'cũng'], ['ng', 'người'], ['ngta', 'người ta'], ['mk', 'mình'], ['trc', 'trước'],
  ['rep', 'trả lời'], ['tl', 'trả lời'], ['kq', 'kết quả'], ['qh', 'quan hệ'], ['lq', 'liên quan'],
  ['hnay', 'hôm nay'], ['hqua', 'hôm qua'],
].map(([short, long]) => [short!.normalize('NFC'), long!.normalize('NFC')]));

/**
 * Question phrases whose noun names the answer's category ("hãng tin nào", "thành phố nào",
 * "which news agency"): the text often writes that noun beside the answer ("hãng tin Rossiya-24"),
 * so only the question word leaves the query; the noun stays a word to look for.
 */
export const CATEGORY_QUESTION_PHRASES: ReadonlySet<string> = new Set([
  'thành phố nào', 'nước nào', 'quốc gia nào', 'tỉnh nào', 'khu vực nào', 'vùng nào',
  'cơ quan nào', 'cơ quan gì', 'tổ chức nào', 'tổ chức gì', 'viện nào', 'trung tâm nào', 'văn phòng nào',
  'hãng nào', 'hãng tin nào', 'hãng thông tấn nào', 'tờ báo nào', 'báo nào', 'đài nào', 'kênh nào',
  'which city', 'what city', 'which country', 'what country', 'which region', 'what region',
  'which organisation', 'what organisation', 'which organization', 'what organization', 'which agency', 'what agency',
  'which news agency', 'what news agency', 'which institute', 'which think tank', 'what think tank',
  'which outlet', 'which newspaper', 'what newspaper', 'which broadcaster',
].map(fold));

/** The question words of those phrases: all of a category phrase that leaves the query. */
export const CATEGORY_QUESTION_WORDS: ReadonlySet<string> = new Set(['nao', 'gi', 'which', 'what']);

/** Words that ask only when they open the question: "Sao đạn pháo ... lại dùng được?" asks why ("ra sao" at the end asks how). */
export const QUESTION_OPENERS: ReadonlyMap<string, AnswerKind> = new Map([['sao', 'reason']]);

/** A yes/no question ends with one of these (folded): "có ... không", "đã ... chưa", "phải không", "hả"... */
export const YES_NO_ENDINGS: ReadonlySet<string> = new Set(['khong', 'ko', 'k', 'hok', 'chua', 'ha', 'a']);
/** ... or, in English, opens with an auxiliary. */
export const YES_NO_OPENERS: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'did', 'does', 'do', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'may', 'might',
]);

/** Verbs of stance: confirming, denying, agreeing, refusing (asked about, and answered with). */
export const STANCE_VERBS: readonly string[] = [
  'thừa nhận', 'xác nhận', 'công nhận', 'phủ nhận', 'bác bỏ', 'đồng ý', 'nhất trí', 'chấp thuận', 'từ chối', 'phản đối',
];

/**
 * Words that ask for a stance ("có thừa nhận ... không", "did they deny ...?"): a yes/no question
 * holding one is answered by whoever confirmed, denied or agreed. Matched folded.
 */
export const STANCE_WORDS: readonly string[] = [
  ...STANCE_VERBS,
  'admit', 'admitted', 'confirm', 'confirmed', 'deny', 'denied', 'agree', 'agreed', 'acknowledge', 'acknowledged',
  'accept', 'accepted', 'refuse', 'refused', 'reject', 'rejected',
];

/** Vietnamese counting words up to ten, with diacritics, and their values. */
export const COUNTING_WORDS: ReadonlyMap<string, number> = new Map([
  ['một', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['năm', 5], ['sáu', 6], ['bảy', 7], ['tám', 8], ['chín', 9], ['mười', 10],
]);

/**
 * Small numbers as members type them and as the articles write them: "2 nước" is "hai nước".
 * Not 1 (một is also "a") nor 5 (năm is also "year"): those words say too much else.
 */
export const NUMBER_WORDS_BY_DIGITS: ReadonlyMap<string, string> = new Map(
  [...COUNTING_WORDS].filter(([word]) => word !== 'một' && word !== 'năm').map(([word, value]) => [String(value), word]),
);

/**
 * Words before "bao lâu" that make it time since something, not a length: "lần đầu sang Nga sau
 * bao lâu" is answered by "kể từ tháng 4/2019" as well. They stay in the query: "sau" is often
 * the text's word too ("sau các vòng đàm phán").
 */
export const ELAPSED_LEADS: ReadonlySet<string> = new Set(['sau', 'cach']);

/** Words after which a number is a date, a time or a rank, not a count (folded): "tháng 9" is no "tháng chín" in the text. */
export const NUMBER_NAMING_WORDS: ReadonlySet<string> = new Set(['ngay', 'thang', 'nam', 'lan', 'thu', 'so', 'gio', 'luc', 'quy', 'tuan', 'phut', 'khoa', 'dot', 'vong']);

/** Words that count things: after "mấy" / "bao nhiêu" they name the unit the answer must carry. */
export const COUNTERS: ReadonlySet<string> = new Set([
  'nam', 'thang', 'ngay', 'tuan', 'gio', 'tieng', 'phut', 'lan', 'nguoi', 'chiec', 'km', 'm', 'kg', 'tan', 'usd', 'dong',
  'do', 'trieu', 'ty', 'nghin', 'ngan', 'phan', 'nuoc', 'cuoc', 'chuyen', 'tuoi', 'toa', 'binh', 'quan', 'dan', 've', 'thap',
]);

/** Counters that count the same thing (folded): "bao nhiêu người" is answered by "nửa triệu dân". */
export const COUNTER_EQUIVALENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['nguoi', ['dan']], ['dan', ['nguoi']], ['binh', ['linh', 'quan']], ['quan', ['binh', 'linh']],
  ['tieng', ['gio']], ['gio', ['tieng']], ['nghin', ['ngan']], ['ngan', ['nghin']],
]);

/**
 * Particles and question words that only carry a question's grammar, with their diacritics (chat
 * shorthand has none); dropped from the query as single terms, unless they form a known compound
 * with a neighbour: "vu khi" is vũ khí, not "khi". A question typed with diacritics must match
 * them exactly: "củng cố" (consolidate) is not "cũng có", "rời" (leave) is not "rồi".
 */
export const QUESTION_PARTICLES: ReadonlySet<string> = new Set([
  'gì', 'nào', 'không', 'ko', 'k', 'hok', 'vậy', 'sao', 'chưa', 'à', 'ạ', 'á', 'hả', 'nhỉ', 'nhé', 'ơi', 'ak', 'ah', 'hem', 'mn',
  'là', 'được', 'những', 'các', 'một', 'của', 'và', 'thì', 'mà', 'này', 'ấy', 'khi', 'đã', 'đang', 'sẽ', 'rằng', 'nếu',
  'cũng', 'nữa', 'rồi', 'r', 'có', 'phải', 'còn', 'họ', 'về', 'ra',
].map((p) => p.normalize('NFC')));

/** The same particles folded, for questions typed without diacritics. */
export const QUESTION_SYLLABLES: ReadonlySet<string> = new Set([...QUESTION_PARTICLES].map(fold));

/**
 * Function words and light verbs: prepositions, modals, adverbs, classifiers, verbs of saying and
 * going. They carry a question's grammar more than its topic, yet a small dossier may use one
 * rarely and so rate it as rare as a name ("nên", "như", "đợt"). Their weight is capped at that
 * of a common word, and one the dossier lacks ("luôn") is not taken for an unknown topic. With
 * diacritics they must match exactly: "nên" is light, "nền" (kinh tế) is not.
 */
export const LIGHT_WORDS: ReadonlySet<string> = new Set([
  // prepositions and linking words
  'như', 'giống', 'để', 'trước', 'sau', 'với', 'cho', 'từ', 'vào', 'ở', 'tại', 'trong', 'ngoài', 'trên', 'dưới', 'giữa', 'bên',
  'qua', 'theo', 'bằng', 'tới', 'đến', 'lúc', 'hồi', 'bởi', 'vì', 'do', 'nhưng', 'hay', 'hoặc', 'thế', 'vậy', 'nhau',
  // modals and aspect
  'nên', 'cần', 'muốn', 'bị', 'vẫn', 'lại', 'luôn', 'thôi', 'xong', 'chỉ', 'mới', 'vừa', 'sắp', 'từng', 'định', 'chịu', 'hãy',
  // degree and quantity
  'rất', 'lắm', 'quá', 'hơn', 'nhất', 'đều', 'cả', 'mọi', 'mỗi', 'hết', 'nhiều', 'ít', 'thêm', 'bớt', 'chút',
  // classifiers and nominalisers
  'cái', 'con', 'chiếc', 'việc', 'sự', 'cuộc', 'vụ', 'đợt', 'lần', 'loại', 'kiểu', 'chuyện', 'điều', 'thứ', 'chỗ', 'phía',
  // light verbs: saying, going, doing, getting
  'bảo', 'nói', 'kể', 'đi', 'sang', 'về', 'lên', 'xuống', 'làm', 'được', 'lấy', 'đưa', 'thấy', 'biết',
  // pronouns and deixis
  'mình', 'bạn', 'tôi', 'nó', 'đó', 'kia', 'đây', 'nay', 'ấy', 'ổng', 'bả',
  // the article a member points at ("bài VTV", "bài hồi 2019"): where to look, not what about
  'bài',
].map((w) => w.normalize('NFC')));

/** The same light words folded, for questions typed without diacritics. */
export const LIGHT_SYLLABLES: ReadonlySet<string> = new Set([...LIGHT_WORDS].map(fold));

/**
 * Sentence openers that point back at the sentence before ("Đây là vấn đề duy nhất mà ...",
 * "Theo ông, ..."): an excerpt that starts with one says little without its antecedent. Matched
 * with their diacritics (the text has them): "Họ" points back, "Hỗ trợ" does not.
 */
export const ANAPHORIC_OPENERS: readonly string[] = [
  'đây là', 'đó là', 'điều này', 'điều đó', 'việc này', 'việc đó', 'chuyện này', 'những điều này', 'theo ông', 'theo bà',
  'ông nói', 'bà nói', 'ông cho biết', 'bà cho biết', 'ông ấy', 'bà ấy', 'họ', 'vì vậy', 'vì thế', 'do đó',
];

/**
 * Paragraph openers that go on with a list the paragraph before began ("… trên một số khía cạnh." /
 * "Đầu tiên là viện trợ …"), lower case, with diacritics, as the text writes them.
 */
export const LIST_OPENERS: readonly string[] = ['đầu tiên là', 'thứ nhất', 'thứ hai', 'thứ ba', 'trước hết', 'ngoài ra', 'bên cạnh đó', 'cuối cùng'];

/** Chat fillers a member wraps a question in; removed whole before anything else. */
export const FILLER_PHRASES: readonly string[] = [
  'cho minh hoi', 'cho em hoi', 'cho toi hoi', 'cho hoi', 'moi nguoi oi', 'cac ban oi', 'ban oi', 'ai biet khong',
  'ai biet', 'giup minh', 'giup em', 'chi minh voi', 'chi em voi', 'voi nhe', 'vay ta', 'the nhi', 'please', 'can you tell me',
  'do you know', 'i wonder',
  // The article itself: a question about "the article" asks about what it says, not about articles.
  'bai viet', 'bai nay', 'theo bai', 'trong bai', 'the article', 'this article', 'the piece', 'this piece', 'the story',
  // Where in it: "cuối bài" points at a paragraph, it is no topic.
  'cuoi bai', 'cuoi bai viet', 'cuoi bai bao', 'dau bai', 'dau bai viet', 'dau bai bao', 'phan cuoi', 'doan cuoi', 'doan dau',
  'end of the article', 'start of the article', 'beginning of the article',
];

/** The people a member addresses in a server ("... vậy mọi người?"), folded: phrasing where they open or close a question. */
export const VOCATIVES: readonly string[] = [
  'moi nguoi', 'cac ban', 'may ban', 'anh em', 'ae', 'ca nha', 'cac bac', 'cac anh', 'anh chi', 'bot', 'ad', 'admin',
];

/** English question words: a question asks with the first it holds ("what ... when Kim went" asks what). */
export const WH_WORDS: ReadonlySet<string> = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how']);

/** English words that mark a question as English and carry no content. */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'did', 'does', 'do', 'done', 'what', 'which',
  'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'about',
  'from', 'into', 'onto', 'over', 'after', 'before', 'during', 'his', 'her', 'hers', 'their', 'its', 'it', 'this', 'that',
  'these', 'those', 'there', 'have', 'has', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must',
  'and', 'or', 'not', 'no', 'any', 'some', 'he', 'she', 'they', 'them', 'him', 'i', 'you', 'we', 'us', 'me', 'my',
  'your', 'our', 'as', 'than', 'then', 'so', 'if', 'also', 'just', 'very', 'really', 'likely', 'say', 'says', 'said',
  'tell', 'told', 'talk', 'talked', 'mention', 'mentioned', 'according', 'happen', 'happened', 'get', 'got', 'go',
  'went', 'many', 'much', 'more', 'most', 'back', 'per', 'each', 'other', 'such', 'own', 'same', 'up', 'out', 'off',
  // Pronouns, conjunctions, prepositions and sentence adverbs (after the common English stop-word lists).
  'am', 'having', 'doing', 'ours', 'yours', 'theirs', 'himself', 'herself', 'itself', 'themselves', 'ourselves',
  'yourself', 'myself', 'both', 'either', 'neither', 'all', 'but', 'because', 'while', 'whether', 'until', 'yet', 'only',
  'too', 'again', 'further', 'here', 'even', 'still', 'already', 'ever', 'never', 'between', 'through', 'against',
  'without', 'within', 'among', 'across', 'along', 'upon', 'toward', 'towards', 'under', 'above', 'below', 'like',
  'regarding', 'concerning', 'actually', 'basically', 'exactly', 'specifically', 'particularly', 'especially',
  'precisely', 'roughly', 'approximately', 'finally', 'anyway', 'ok', 'okay', 'please',
  // What is left of contractions split at the apostrophe: "what's", "Kim's", "didn't", "they're".
  's', 't', 'll', 're', 've',
]);

/** Words that, typed without diacritics, could be Vietnamese too: they don't count towards "this is English". */
export const AMBIGUOUS_ENGLISH: ReadonlySet<string> = new Set([
  'a', 'an', 'do', 'to', 'on', 'at', 'in', 'me', 'may', 'can', 'so', 'no', 'he', 'the', 'i', 'us', 'go', 'up', 'ban', 'long',
  'my', 'than', 'be', 'it', 'say', 'had', 'has', 'then', 'tho', 'hat', 's', 't', 'll', 're', 've', 'am', 'but', 'yet',
]);

/**
 * A real Vietnamese syllable, told by its shape once folded: an onset, then a rhyme from the
 * language's closed inventory (open rhymes, or a vowel nucleus and one of eight finals). A word
 * of this shape that the dossier lacks is another word, not a typo ("chuẩn" is not "chưa");
 * "nheiu", "lahn", "phogn" are not syllables and get repaired.
 */
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?';
const OPEN_RHYME = '(?:[aeiouy]|ai|ao|au|ay|eo|eu|ia|iu|ieu|oa|oai|oay|oe|oeo|oi|ua|uay|ue|ui|uo|uoi|uou|uu|uy|uya|uyu|yeu)';
const CLOSED_RHYME = '(?:[aeiouy]|oa|oe|oo|ua|ue|uo|uy|ie|ye|uye)(?:ch|nh|ng|[cmnpt])';
const SYLLABLE_SHAPE = new RegExp(`^${ONSET}(?:${OPEN_RHYME}|${CLOSED_RHYME})$`);

export function isSyllableShaped(folded: string): boolean {
  return SYLLABLE_SHAPE.test(folded);
}

/**
 * Phrases that a word before them turns into another meaning (folded): "lần đầu tiên" is "the
 * first time", not "first" in an order ("tới đâu đầu tiên": where first). A question asking for
 * the one is not answered by the other.
 */
export const IDIOM_LEAD_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['dau tien', ['lan']],
]);
