// What to tell a member whose question could not be searched, per problem and locale.
import { MAX_QUESTION_LENGTH } from './query.js';
import type { QueryProblem, ReplyLocale } from './types.js';

const MESSAGES: Record<QueryProblem, Record<ReplyLocale, string>> = {
  'empty': {
    vi: 'Bạn chưa nhập câu hỏi. Hãy hỏi về một người, một sự kiện hay một địa danh trong hồ sơ; /help có câu hỏi mẫu.',
    en: 'The question is empty. Ask about a person, an event or a place in the dossier; /help has example questions.',
  },
  'too-long': {
    vi: `Câu hỏi dài quá (tối đa ${MAX_QUESTION_LENGTH} ký tự). Bạn hỏi ngắn gọn hơn nhé.`,
    en: `The question is too long (at most ${MAX_QUESTION_LENGTH} characters). Please ask something shorter.`,
  },
  'control-characters': {
    vi: 'Câu hỏi có ký tự điều khiển không hợp lệ. Bạn gõ lại câu hỏi bằng chữ thường nhé.',
    en: 'The question contains control characters. Please type it as plain text.',
  },
  'unsupported-script': {
    vi: 'Hồ sơ chỉ hiểu câu hỏi bằng tiếng Việt (có dấu hoặc không dấu) hoặc tiếng Anh.',
    en: 'The dossier understands questions in Vietnamese (with or without diacritics) or English only.',
  },
  'no-searchable-terms': {
    vi: 'Câu hỏi không có từ nào để tra cứu. Bạn thử hỏi về một người, một sự kiện hay một địa danh trong hồ sơ nhé.',
    en: 'The question has no words to look up. Try asking about a person, an event or a place in the dossier.',
  },
};

export function problemMessage(problem: QueryProblem, locale: ReplyLocale): string {
  return MESSAGES[problem][locale];
}
