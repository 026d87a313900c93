// Every user-facing string, in Vietnamese and English. Handlers pick a catalog by ReplyLocale;
// user and corpus text is passed in as separate Inline parts so the renderer escapes it.
import { problemMessage } from '../core/problems.js';
import type { Confidence, QueryProblem, ReplyLocale } from '../core/types.js';
import type { Text } from './reply.js';

export interface Messages {
  readonly source: string;
  readonly section: string;
  readonly confidence: Readonly<Record<Confidence, string>>;
  readonly confidenceHint: Readonly<Record<Confidence, string>>;
  resultOf(n: number, total: number): string;
  more(next: number, total: number): string;
  readonly backToFirst: string;
  readonly fullPassage: string;
  readonly helpful: string;
  readonly notHelpful: string;
  readonly thanksHelpful: string;
  readonly thanksNotHelpful: string;
  readonly browsedWithoutQuestion: string;
  pointedTo(target: string, asker: string): Text;
  readonly mentionIgnored: string;
  readonly notFoundTitle: string;
  notFoundBody(question: string): Text;
  readonly notFoundTip: string;
  /** Why a question could not be searched: the core's wording, shared with the ask CLI. */
  problem(code: QueryProblem, detail?: string): string;
  readonly expired: string;
  readonly unusableButton: string;
  readonly unknownCommand: string;
  readonly failed: string;
  unknownArticle(value: string): Text;
  readonly noTargetText: string;
  readonly searchTitle: string;
  searchFooter(page: number, pages: number, total: number): string;
  readonly previous: string;
  readonly next: string;
  passageButton(n: number): string;
  readonly searchNothing: string;
  sourcesTitle(n: number): string;
  readonly sourcesHint: string;
  paragraphs(n: number): string;
  captions(n: number): string;
  readonly allArticles: string;
  readonly outlineDate: string;
  readonly outlineOutlet: string;
  readonly outlineByline: string;
  readonly outlineSize: string;
  readonly outlineSections: string;
  readonly outlineOpening: string;
  readonly outlineNoSections: string;
  beforeParagraph(n: number): string;
  readonly onlyYou: string;
  readonly helpTitle: string;
  readonly helpIntro: string;
  readonly helpCommands: string;
  readonly helpContextMenu: string;
  readonly helpExamplesVi: string;
  readonly helpExamplesEn: string;
  readonly helpPrivacy: string;
  readonly helpFooter: string;
}

const vi: Messages = {
  source: 'Nguồn',
  section: 'Mục',
  confidence: { high: 'Độ tin cậy: cao', medium: 'Độ tin cậy: trung bình', low: 'Độ tin cậy: thấp' },
  confidenceHint: {
    high: 'Đoạn trích khớp sát câu hỏi.',
    medium: 'Đoạn trích khớp một phần câu hỏi.',
    low: 'Đoạn trích chỉ khớp lỏng, bạn nên đọc toàn văn đoạn.',
  },
  resultOf: (n, total) => `Kết quả ${n}/${total}`,
  more: (next, total) => `Xem thêm (${next}/${total})`,
  backToFirst: 'Về kết quả đầu',
  fullPassage: 'Toàn văn đoạn',
  helpful: 'Hữu ích',
  notHelpful: 'Không hữu ích',
  thanksHelpful: 'Cảm ơn bạn đã góp ý! Mình đã ghi nhận đoạn trích này là hữu ích.',
  thanksNotHelpful: 'Cảm ơn bạn đã góp ý! Mình sẽ dùng phản hồi này để trả lời tốt hơn.',
  browsedWithoutQuestion: 'Đoạn này được hiển thị nguyên văn vì mình không còn lưu câu hỏi gốc.',
  pointedTo: (target, asker) => [{ user: target }, ' ơi, ', { user: asker }, ' muốn bạn xem câu trả lời này.'],
  mentionIgnored: 'Câu trả lời riêng tư nên mình không nhắc tên ai.',
  notFoundTitle: 'Hồ sơ chưa có thông tin này.',
  notFoundBody: (question) => ['Mình chưa tìm thấy đoạn nào trả lời câu hỏi «', question, '». Hồ sơ hiện gồm các bài:'],
  notFoundTip: 'Bạn có thể hỏi về những chủ đề trên, dùng /tim để tìm theo từ khóa, hoặc /nguon để xem danh sách bài.',
  problem: (code) => problemMessage(code, 'vi'),
  expired: 'Kết quả này đã hết hạn vì hồ sơ vừa được cập nhật. Bạn hỏi lại nhé.',
  unusableButton: 'Nút này không còn dùng được nữa. Bạn hỏi lại nhé.',
  unknownCommand: 'Lệnh này không còn được hỗ trợ. Gõ /huong-dan để xem các lệnh hiện có.',
  failed: 'Xin lỗi, mình gặp lỗi khi xử lý yêu cầu này. Bạn thử lại sau nhé.',
  unknownArticle: (value) => ['Không xác định được bài báo «', value, '»: không bài nào khớp, hoặc khớp nhiều bài. Bạn chọn một bài trong danh sách gợi ý nhé.'],
  noTargetText: 'Tin nhắn này không có chữ nào để hỏi.',
  searchTitle: 'Các đoạn liên quan',
  searchFooter: (page, pages, total) => `Trang ${page}/${pages} · ${total} đoạn`,
  previous: 'Trang trước',
  next: 'Trang sau',
  passageButton: (n) => `Đoạn ${n}`,
  searchNothing: 'Không có đoạn nào khớp với từ khóa này.',
  sourcesTitle: (n) => `Hồ sơ gồm ${n} bài báo`,
  sourcesHint: 'Chọn một số để xem dàn ý của bài.',
  paragraphs: (n) => `${n} đoạn`,
  captions: (n) => `${n} chú thích ảnh`,
  allArticles: 'Danh sách bài',
  outlineDate: 'Ngày đăng',
  outlineOutlet: 'Cơ quan báo',
  outlineByline: 'Tác giả',
  outlineSize: 'Độ dài',
  outlineSections: 'Các mục',
  outlineOpening: 'Mở đầu',
  outlineNoSections: 'Bài không chia mục.',
  beforeParagraph: (n) => `từ đoạn ${n}`,
  onlyYou: 'Chỉ bạn nhìn thấy',
  helpTitle: 'hồ sơ: hỏi đáp trên bộ bài báo',
  helpIntro:
    'Mình trả lời câu hỏi về bộ hồ sơ gồm các bài báo tiếng Việt, bằng đoạn trích nguyên văn kèm nguồn (bài, ngày, cơ quan báo, đoạn thứ mấy). Mình không bịa: nếu hồ sơ không có, mình sẽ nói là không có.',
  helpCommands: 'Các lệnh',
  helpContextMenu: 'Nhấp chuột phải (hoặc nhấn giữ) vào một tin nhắn → Ứng dụng → «Hỏi hồ sơ»: lấy nội dung tin nhắn làm câu hỏi, chỉ bạn thấy câu trả lời.',
  helpExamplesVi: 'Ví dụ bằng tiếng Việt',
  helpExamplesEn: 'Ví dụ bằng tiếng Anh',
  helpPrivacy: 'Câu trả lời của /hoi hiện công khai trong kênh; chọn rieng-tu:True để chỉ mình bạn thấy. Bot không nhắc tên ai, trừ người bạn chọn ở nhac-ten.',
  helpFooter: 'Nút «Hữu ích» / «Không hữu ích» giúp cải thiện câu trả lời.',
};

const en: Messages = {
  source: 'Source',
  section: 'Section',
  confidence: { high: 'Confidence: high', medium: 'Confidence: medium', low: 'Confidence: low' },
  confidenceHint: {
    high: 'The excerpt matches the question closely.',
    medium: 'The excerpt matches part of the question.',
    low: 'The excerpt is a loose match; read the full passage.',
  },
  resultOf: (n, total) => `Result ${n} of ${total}`,
  more: (next, total) => `More (${next}/${total})`,
  backToFirst: 'Back to the first',
  fullPassage: 'Full passage',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  thanksHelpful: 'Thanks for the feedback! This excerpt is marked as helpful.',
  thanksNotHelpful: 'Thanks for the feedback! It will help give better answers.',
  browsedWithoutQuestion: 'This passage is shown in full because the original question is no longer known.',
  pointedTo: (target, asker) => [{ user: target }, ', ', { user: asker }, ' wants you to see this answer.'],
  mentionIgnored: 'Private answers don’t mention anyone, so no one was notified.',
  notFoundTitle: 'That isn’t in the dossier.',
  notFoundBody: (question) => ['I found no passage that answers “', question, '”. The dossier holds these articles:'],
  notFoundTip: 'You can ask about these topics, use /search to find passages by keyword, or /sources to list the articles.',
  problem: (code) => problemMessage(code, 'en'),
  expired: 'This result has expired because the dossier was updated. Please ask again.',
  unusableButton: 'This button no longer works. Please ask again.',
  unknownCommand: 'This command is no longer supported. Type /help to see the current ones.',
  failed: 'Sorry, something went wrong while handling that. Please try again later.',
  unknownArticle: (value) => ['Can’t tell which article “', value, '” means: it matches none, or several. Please pick one from the suggestions.'],
  noTargetText: 'That message has no text to ask about.',
  searchTitle: 'Matching passages',
  searchFooter: (page, pages, total) => `Page ${page} of ${pages} · ${total} passages`,
  previous: 'Previous',
  next: 'Next',
  passageButton: (n) => `Passage ${n}`,
  searchNothing: 'No passage matches these keywords.',
  sourcesTitle: (n) => `The dossier holds ${n} articles`,
  sourcesHint: 'Pick a number to see an article’s outline.',
  paragraphs: (n) => `${n} paragraph${n === 1 ? '' : 's'}`,
  captions: (n) => `${n} photo caption${n === 1 ? '' : 's'}`,
  allArticles: 'All articles',
  outlineDate: 'Date',
  outlineOutlet: 'Outlet',
  outlineByline: 'Byline',
  outlineSize: 'Length',
  outlineSections: 'Sections',
  outlineOpening: 'Opening',
  outlineNoSections: 'The article has no sections.',
  beforeParagraph: (n) => `from paragraph ${n}`,
  onlyYou: 'Only you can see this',
  helpTitle: 'hồ sơ: answers from a dossier of news articles',
  helpIntro:
    'I answer questions about a dossier of Vietnamese news articles with verbatim excerpts and their source (article, date, outlet, paragraph). I don’t make things up: if the dossier doesn’t say, I say so. Ask in Vietnamese or English.',
  helpCommands: 'Commands',
  helpContextMenu: 'Right-click (or long-press) a message → Apps → “Ask the dossier”: its text becomes the question, and only you see the answer.',
  helpExamplesVi: 'Examples in Vietnamese',
  helpExamplesEn: 'Examples in English',
  helpPrivacy: '/ask answers publicly in the channel; set private:True to see it alone. The bot pings no one except the member you pick in mention.',
  helpFooter: 'The Helpful / Not helpful buttons help improve the answers.',
};

export function messages(locale: ReplyLocale): Messages {
  return locale === 'vi' ? vi : en;
}

