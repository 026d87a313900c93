// User-facing strings of /summary, /timeline, /quiz and /leaderboard, in Vietnamese and English.
// Kept apart from messages.ts (the /ask family) so each catalog stays readable. User and corpus
// text goes in as separate Inline parts, so the renderer escapes it; members as { user } parts,
// shown as mentions that never ping (allowed_mentions).
import type { ChannelFailure } from './channel.js';
import type { PermissionName } from './permissions.js';
import type { Text } from './reply.js';

export interface FeatureMessages {
  readonly storeMissing: string;
  // /summary
  readonly summaryDossier: string;
  summaryOfArticle(title: string): string;
  summaryFooter(sentences: number): string;
  readonly postAndPin: string;
  pinnedBy(user: string): Text;
  readonly pinnedFooter: string;
  readonly postedAndPinned: string;
  readonly pinInProgress: string;
  readonly pinNotInServer: string;
  readonly memberCannotPin: string;
  botLacks(permissions: readonly PermissionName[]): string;
  postFailed(why: ChannelFailure): string;
  pinFailed(why: ChannelFailure): string;
  readonly recentTitle: string;
  readonly recentNone: string;
  readonly recentNotInServer: string;
  scopeTopic(topic: string): string;
  scopeArticle(title: string): string;
  readonly scopeDossier: string;
  pinnedByLine(user: string): Text;
  readonly olderDossier: string;
  // /timeline
  readonly timelineTitle: string;
  timelineOfArticle(title: string): string;
  timelineFooter(page: number, pages: number, events: number): string;
  nothingDated(topic: string | undefined): string;
  readonly previous: string;
  readonly next: string;
  // /quiz
  readonly quizTitle: string;
  quizFrom(title: string, date: string): string;
  quizOpenFooter(minutes: number, answered: number): string;
  quizClosedFooter(answered: number, letter: string): string;
  correct(points: number): string;
  wrong(letter: string): Text;
  alreadyAnswered(letter: string): string;
  readonly quizExpired: string;
  readonly fromTheDossier: string;
  readonly source: string;
  tooManyOpen(open: number, max: number): string;
  readonly quizNotInServer: string;
  quizNothingRelevant(topic: string): string;
  readonly quizNoQuestion: string;
  readonly statsTitle: string;
  readonly statsNone: string;
  readonly statsPoints: string;
  readonly statsAnswered: string;
  readonly statsCorrect: string;
  readonly statsStreak: string;
  readonly statsBestStreak: string;
  readonly statsRank: string;
  // /leaderboard
  readonly leaderboardTitle: string;
  leaderboardLine(points: number, correct: number, answered: number): string;
  readonly leaderboardEmpty: string;
  readonly leaderboardYou: string;
  ownRank(rank: number, members: number, points: number): string;
  readonly ownUnranked: string;
  readonly leaderboardNotInServer: string;
  readonly leaderboardFooter: string;
}

const PERMISSION_NAMES_VI: Readonly<Record<PermissionName, string>> = {
  Administrator: 'Quản trị viên',
  ViewChannel: 'Xem kênh',
  SendMessages: 'Gửi tin nhắn',
  EmbedLinks: 'Nhúng liên kết',
  ReadMessageHistory: 'Đọc lịch sử tin nhắn',
  PinMessages: 'Ghim tin nhắn',
};

const PERMISSION_NAMES_EN: Readonly<Record<PermissionName, string>> = {
  Administrator: 'Administrator',
  ViewChannel: 'View Channel',
  SendMessages: 'Send Messages',
  EmbedLinks: 'Embed Links',
  ReadMessageHistory: 'Read Message History',
  PinMessages: 'Pin Messages',
};

const vi: FeatureMessages = {
  storeMissing: 'Tính năng này cần đến cơ sở dữ liệu của bot, nhưng hiện cơ sở dữ liệu chưa sẵn sàng. Bạn báo quản trị viên giúp mình nhé.',
  summaryDossier: 'Tóm tắt hồ sơ',
  summaryOfArticle: (title) => `Tóm tắt bài «${title}»`,
  summaryFooter: (n) => `${n} câu trích nguyên văn từ hồ sơ · chỉ bạn thấy bản này; bấm «Đăng và ghim» để chia sẻ với cả kênh`,
  postAndPin: 'Đăng và ghim',
  pinnedBy: (user) => ['Bản tóm tắt do ', { user }, ' ghim.'],
  pinnedFooter: 'Các câu được trích nguyên văn từ hồ sơ · /tom-tat để tạo bản khác',
  postedAndPinned: 'Đã đăng và ghim bản tóm tắt trong kênh.',
  pinInProgress: 'Mình đang đăng bản tóm tắt này rồi, bạn chờ một chút nhé.',
  pinNotInServer: 'Chỉ ghim được bản tóm tắt trong kênh của máy chủ.',
  memberCannotPin: 'Bạn cần quyền «Ghim tin nhắn» (Pin Messages) trong kênh này để đăng và ghim bản tóm tắt. Bản tóm tắt vẫn ở đây để bạn đọc riêng.',
  botLacks: (names) =>
    `Bot đang thiếu quyền trong kênh này: ${names.map((n) => PERMISSION_NAMES_VI[n]).join(', ')}. Nhờ quản trị viên cấp các quyền đó cho bot (hoặc vai trò của bot) rồi thử lại nhé. Chưa có gì được đăng.`,
  postFailed: (why) =>
    why === 'missing-permissions' || why === 'missing-access'
      ? 'Bot không đăng được vào kênh này vì thiếu quyền (Xem kênh, Gửi tin nhắn, Nhúng liên kết). Nhờ quản trị viên kiểm tra quyền của bot nhé. Chưa có gì được đăng.'
      : 'Bot chưa đăng được bản tóm tắt vì Discord báo lỗi. Bạn thử lại sau ít phút nhé.',
  pinFailed: (why) =>
    `Đã đăng bản tóm tắt nhưng chưa ghim được: ${
      why === 'pin-limit'
        ? 'kênh đã đủ số tin ghim tối đa Discord cho phép. Hãy bỏ ghim bớt vài tin cũ rồi ghim tin vừa đăng.'
        : why === 'missing-permissions' || why === 'missing-access'
          ? 'bot thiếu quyền «Ghim tin nhắn» trong kênh này. Nhờ quản trị viên cấp quyền, hoặc ai có quyền ghim tin vừa đăng giúp.'
          : 'Discord báo lỗi. Người có quyền có thể tự ghim tin vừa đăng.'
    }`,
  recentTitle: 'Các bản tóm tắt đã ghim gần đây',
  recentNone: 'Máy chủ này chưa ghim bản tóm tắt nào. Dùng /tom-tat tao rồi bấm «Đăng và ghim» nhé.',
  recentNotInServer: 'Danh sách tóm tắt đã ghim chỉ có trong máy chủ.',
  scopeTopic: (topic) => `chủ đề «${topic}»`,
  scopeArticle: (title) => `bài «${title}»`,
  scopeDossier: 'toàn hồ sơ',
  pinnedByLine: (user) => ['ghim bởi ', { user }],
  olderDossier: '(hồ sơ bản cũ)',
  timelineTitle: 'Dòng thời gian của hồ sơ',
  timelineOfArticle: (title) => `Dòng thời gian: bài «${title}»`,
  timelineFooter: (page, pages, events) => `Trang ${page}/${pages} · ${events} sự kiện · ngày tháng được tính theo ngày đăng của từng bài`,
  nothingDated: (topic) => `Mình không tìm thấy sự kiện nào có ngày tháng${topic !== undefined ? ` về «${topic}»` : ''} trong hồ sơ.`,
  previous: 'Trang trước',
  next: 'Trang sau',
  quizTitle: 'Đố vui về hồ sơ',
  quizFrom: (title, date) => `Theo bài «${title}» (${date}):`,
  quizOpenFooter: (minutes, answered) =>
    `Mỗi người trả lời một lần, trong ${minutes} phút kể từ lúc đăng · ${answered === 0 ? 'chưa ai trả lời' : `${answered} người đã trả lời`}`,
  quizClosedFooter: (answered, letter) => `Câu đố đã kết thúc · ${answered} người đã trả lời · đáp án: ${letter}`,
  correct: (points) => `Đúng rồi! +${points} điểm.`,
  wrong: (letter) => [`Chưa đúng, đáp án là ${letter}.`],
  alreadyAnswered: (letter) => `Bạn đã trả lời câu này rồi (bạn chọn ${letter}). Mỗi người chỉ được trả lời một lần.`,
  quizExpired: 'Câu đố đã hết hạn, không nhận thêm câu trả lời.',
  fromTheDossier: 'Trích từ hồ sơ',
  source: 'Nguồn',
  tooManyOpen: (open, max) =>
    `Kênh này đang có ${open} câu đố chưa kết thúc (tối đa ${max} câu cùng lúc). Mọi người trả lời hoặc chờ chúng hết hạn rồi mình ra câu mới nhé.`,
  quizNotInServer: 'Đố vui chỉ chơi được trong kênh của máy chủ.',
  quizNothingRelevant: (topic) => `Hồ sơ không có đoạn nào về «${topic}» để ra câu đố. Bạn thử chủ đề khác nhé.`,
  quizNoQuestion: 'Mình chưa ra được câu đố nào từ phần hồ sơ này. Bạn thử chủ đề hoặc bài khác nhé.',
  statsTitle: 'Thành tích đố vui của bạn',
  statsNone: 'Bạn chưa trả lời câu đố nào ở máy chủ này. Gõ /do-vui choi để bắt đầu nhé!',
  statsPoints: 'Điểm',
  statsAnswered: 'Đã trả lời',
  statsCorrect: 'Trả lời đúng',
  statsStreak: 'Chuỗi đúng hiện tại',
  statsBestStreak: 'Chuỗi đúng dài nhất',
  statsRank: 'Xếp hạng',
  leaderboardTitle: 'Bảng xếp hạng đố vui',
  leaderboardLine: (points, correct, answered) => `${points} điểm (đúng ${correct}/${answered} câu)`,
  leaderboardEmpty: 'Chưa ai có điểm ở máy chủ này. Gõ /do-vui choi để ra câu đố đầu tiên!',
  leaderboardYou: 'Người hỏi',
  ownRank: (rank, members, points) => ` đứng thứ ${rank}/${members} với ${points} điểm.`,
  ownUnranked: ' chưa có điểm nào. Gõ /do-vui choi để tham gia!',
  leaderboardNotInServer: 'Bảng xếp hạng chỉ có trong máy chủ.',
  leaderboardFooter: 'Bằng điểm thì ai đạt số điểm đó trước xếp trên.',
};

const en: FeatureMessages = {
  storeMissing: 'This needs the bot’s database, which is not available right now. Please tell an admin.',
  summaryDossier: 'Dossier summary',
  summaryOfArticle: (title) => `Summary of “${title}”`,
  summaryFooter: (n) => `${n} verbatim sentences from the dossier · only you see this; press “Post & pin” to share it with the channel`,
  postAndPin: 'Post & pin',
  pinnedBy: (user) => ['Summary pinned by ', { user }, '.'],
  pinnedFooter: 'Sentences quoted verbatim from the dossier · /summary to make another',
  postedAndPinned: 'Posted and pinned in the channel.',
  pinInProgress: 'This summary is already being posted; one moment.',
  pinNotInServer: 'Summaries can only be pinned in a server channel.',
  memberCannotPin: 'You need the Pin Messages permission in this channel to post and pin a summary. The summary is still here for you to read.',
  botLacks: (names) =>
    `The bot lacks permissions in this channel: ${names.map((n) => PERMISSION_NAMES_EN[n]).join(', ')}. Ask an admin to grant them to the bot (or its role), then try again. Nothing was posted.`,
  postFailed: (why) =>
    why === 'missing-permissions' || why === 'missing-access'
      ? 'The bot could not post in this channel: it lacks a permission (View Channel, Send Messages, Embed Links). Ask an admin to check the bot’s permissions. Nothing was posted.'
      : 'The bot could not post the summary: Discord returned an error. Please try again in a few minutes.',
  pinFailed: (why) =>
    `Posted the summary, but could not pin it: ${
      why === 'pin-limit'
        ? 'the channel already has the most pins Discord allows. Unpin a few old messages, then pin the new one.'
        : why === 'missing-permissions' || why === 'missing-access'
          ? 'the bot lacks the Pin Messages permission in this channel. Ask an admin to grant it, or someone who can pin to pin the new message.'
          : 'Discord returned an error. Someone who can pin may pin the new message by hand.'
    }`,
  recentTitle: 'Recently pinned summaries',
  recentNone: 'No summary has been pinned in this server yet. Use /summary create, then “Post & pin”.',
  recentNotInServer: 'The list of pinned summaries only exists in a server.',
  scopeTopic: (topic) => `topic “${topic}”`,
  scopeArticle: (title) => `article “${title}”`,
  scopeDossier: 'whole dossier',
  pinnedByLine: (user) => ['pinned by ', { user }],
  olderDossier: '(earlier dossier)',
  timelineTitle: 'Dossier timeline',
  timelineOfArticle: (title) => `Timeline of “${title}”`,
  timelineFooter: (page, pages, events) => `Page ${page} of ${pages} · ${events} events · dates read against each article’s own date`,
  nothingDated: (topic) => `I found no dated events${topic !== undefined ? ` about “${topic}”` : ''} in the dossier.`,
  previous: 'Previous',
  next: 'Next',
  quizTitle: 'Dossier quiz',
  quizFrom: (title, date) => `From “${title}” (${date}):`,
  quizOpenFooter: (minutes, answered) =>
    `One answer each, within ${minutes} minutes of posting · ${answered === 0 ? 'no answers yet' : `${answered} answered`}`,
  quizClosedFooter: (answered, letter) => `This quiz is closed · ${answered} answered · answer: ${letter}`,
  correct: (points) => `Correct! +${points} point${points === 1 ? '' : 's'}.`,
  wrong: (letter) => [`Not quite: the answer is ${letter}.`],
  alreadyAnswered: (letter) => `You have already answered this one (you chose ${letter}). One answer per member.`,
  quizExpired: 'This quiz has expired and takes no more answers.',
  fromTheDossier: 'From the dossier',
  source: 'Source',
  tooManyOpen: (open, max) =>
    `This channel already has ${open} open quizzes (at most ${max} at a time). Answer them or wait for them to close, and I’ll post a new one.`,
  quizNotInServer: 'Quizzes can only be played in a server channel.',
  quizNothingRelevant: (topic) => `The dossier has nothing about “${topic}” to make a quiz from. Try another topic.`,
  quizNoQuestion: 'I could not make a question from this part of the dossier. Try another topic or article.',
  statsTitle: 'Your quiz record',
  statsNone: 'You have not answered a quiz in this server yet. Type /quiz play to start!',
  statsPoints: 'Points',
  statsAnswered: 'Answered',
  statsCorrect: 'Correct',
  statsStreak: 'Current streak',
  statsBestStreak: 'Best streak',
  statsRank: 'Rank',
  leaderboardTitle: 'Quiz leaderboard',
  leaderboardLine: (points, correct, answered) => `${points} point${points === 1 ? '' : 's'} (${correct}/${answered} correct)`,
  leaderboardEmpty: 'Nobody has scored in this server yet. Type /quiz play for the first quiz!',
  leaderboardYou: 'Who asked',
  ownRank: (rank, members, points) => ` is #${rank} of ${members} with ${points} point${points === 1 ? '' : 's'}.`,
  ownUnranked: ' has no points yet. Type /quiz play to join in!',
  leaderboardNotInServer: 'The leaderboard only exists in a server.',
  leaderboardFooter: 'On equal points, whoever got there first ranks higher.',
};

export function featureMessages(locale: 'vi' | 'en'): FeatureMessages {
  return locale === 'vi' ? vi : en;
}
