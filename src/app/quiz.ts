// /quiz play: a multiple-choice question made from a dossier passage (a key fact blanked, three
// same-kind distractors), posted publicly with buttons A-D and recorded in the store with a short
// random id and an expiry. A press records the member's answer atomically (one per member per
// question); the presser alone learns how they did, with the cited passage; the public message is
// updated in place with how many have answered (an update rather than a follow-up per answer, so
// the channel gets one message per quiz, not one per member). /quiz stats: a member's record.
import { randomBytes, randomInt } from 'node:crypto';
import { citationFor, formatCitation, formatDate } from '../core/citation.js';
import { BLANK, makeQuiz, type QuizContext, type QuizNone } from '../core/quiz.js';
import type { ReplyLocale } from '../core/types.js';
import type { QuizQuestion } from '../store/index.js';
import { POINTS_PER_CORRECT_ANSWER } from '../store/index.js';
import { expired } from './ask.js';
import type { AppContext, ButtonRequest, CommandRequest } from './context.js';
import { encodeCustomId } from './custom-id.js';
import { featureMessages } from './feature-messages.js';
import { messages } from './messages.js';
import { notice, type ButtonOutcome, type FieldModel, type Inline, type Reply, type Text, type Tone } from './reply.js';
import { readScope, type Scope } from './scope.js';

export const QUIZ = 'quiz';
/** Option letters; the core always makes OPTION_COUNT (4) options. */
export const LETTERS = ['A', 'B', 'C', 'D'] as const;
const ID_ATTEMPTS = 5;

export interface QuizInput {
  readonly topic?: string;
  readonly article?: string;
}

type Where = Pick<CommandRequest, 'locale' | 'guildId' | 'channelId'>;

export function startQuiz(ctx: AppContext, req: Where, input: QuizInput, seed: number = randomInt(2 ** 31)): Reply {
  const f = featureMessages(req.locale);
  if (!ctx.store) return notice([f.storeMissing], 'error');
  if (req.guildId === undefined || req.channelId === undefined) return notice([f.quizNotInServer], 'error');
  const scoped = readScope(ctx, req.locale, input);
  if (!scoped.ok) return scoped.reply;
  // The count and the insert below run in one synchronous turn (better-sqlite3), so two /quiz in
  // the same process cannot both slip under the bound.
  const now = ctx.clock();
  const open = ctx.store.quiz.countOpenQuizzes(req.channelId, now);
  if (open >= ctx.quiz.maxOpenPerChannel) return notice([f.tooManyOpen(open, ctx.quiz.maxOpenPerChannel)], 'info');
  const made = makeQuiz(ctx.index, { ...scopeOptions(scoped.scope), seed });
  if (made.kind === 'none') return noQuiz(req.locale, made);
  const question = recordQuestion(ctx, {
    guildId: req.guildId,
    channelId: req.channelId,
    passageId: made.passageId,
    articleId: made.articleId,
    stem: made.stem,
    options: made.options,
    correctIndex: made.correctIndex,
    createdAt: now,
    expiresAt: now + ctx.quiz.expiryMs,
    dossierVersion: made.dossierVersion,
  });
  ctx.quizContexts.set(question.id, made.context);
  return quizMessage(ctx, req.locale, question, 0);
}

function scopeOptions(scope: Scope): { topic?: string; articleId?: string } {
  return { ...(scope.topic !== undefined ? { topic: scope.topic } : {}), ...(scope.articleId !== undefined ? { articleId: scope.articleId } : {}) };
}

function noQuiz(locale: ReplyLocale, none: QuizNone): Reply {
  const f = featureMessages(locale);
  switch (none.reason) {
    case 'nothing-relevant':
      return notice([f.quizNothingRelevant(none.topic ?? '')], 'none');
    case 'no-question':
    case 'unknown-article':
      return notice([f.quizNoQuestion], 'none');
    default:
      return notice([messages(locale).problem(none.reason)], 'error');
  }
}

/** Stores the question under a fresh short id (8 URL-safe characters), drawing again on the rare clash. */
function recordQuestion(ctx: AppContext, fields: Omit<QuizQuestion, 'id'>): QuizQuestion {
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const question = { id: randomBytes(6).toString('base64url'), ...fields };
    if (ctx.store!.quiz.recordQuizQuestion(question).status === 'recorded') return question;
  }
  throw new Error(`hoso quiz: no free question id after ${ID_ATTEMPTS} attempts`);
}

// ---- the public message -------------------------------------------------------------------------

/**
 * The quiz as the channel sees it: where it comes from, the sentence before (when the quiz made
 * one safe to show), the stem and the options; buttons A-D while open, greyed out once closed.
 */
export function quizMessage(ctx: AppContext, locale: ReplyLocale, question: QuizQuestion, answered: number, closed = false): Reply {
  const f = featureMessages(locale);
  const context = ctx.quizContexts.get(question.id) ?? fallbackContext(ctx, question);
  const description: Inline[] = [f.quizFrom(context.title, formatDate(context.date, locale)), '\n\n'];
  if (context.before !== undefined) description.push({ italic: context.before }, '\n\n');
  description.push(question.stem, '\n');
  question.options.forEach((option, i) => {
    const right = closed && i === question.correctIndex;
    description.push('\n', { bold: `${LETTERS[i]}.` }, ' ', right ? { bold: option } : option, right ? ' ✓' : '');
  });
  const minutes = Math.max(1, Math.round(ctx.quiz.expiryMs / 60_000));
  const letter = LETTERS[question.correctIndex] ?? '?';
  return {
    embeds: [{
      title: [f.quizTitle],
      description,
      footer: closed ? f.quizClosedFooter(answered, letter) : f.quizOpenFooter(minutes, answered),
      tone: closed ? 'none' : 'info',
    }],
    components: [{
      buttons: question.options.map((option, i) => ({
        customId: encodeCustomId(QUIZ, 'answer', [question.id, LETTERS[i]!]),
        label: `${LETTERS[i]}. ${option}`,
        style: 'secondary',
        ...(closed ? { disabled: true } : {}),
      })),
    }],
    ephemeral: false,
    mentionUserIds: [],
  };
}

/**
 * After a restart the quiz's context is no longer in memory: the article's title and date are
 * known again, but not whether the sentence before was safe to show, so it is left out.
 */
function fallbackContext(ctx: AppContext, question: QuizQuestion): QuizContext {
  const article = ctx.index.articlesById.get(question.articleId);
  return { title: article?.title ?? question.articleId, date: article?.date ?? '' };
}

// ---- answers ------------------------------------------------------------------------------------

/** A, B, C or D. Args: question id, letter. */
export function pressAnswer(ctx: AppContext, req: ButtonRequest): ButtonOutcome {
  const f = featureMessages(req.locale);
  if (!ctx.store) return { kind: 'reply', reply: notice([f.storeMissing], 'error') };
  const [id, letter] = req.customId.args;
  const chosenIndex = LETTERS.indexOf(letter as (typeof LETTERS)[number]);
  const question = id === undefined ? undefined : ctx.store.quiz.getQuizQuestion(id);
  if (!question || chosenIndex < 0 || chosenIndex >= question.options.length) return { kind: 'reply', reply: expired(req.locale, 'unusable') };
  const outcome = ctx.store.quiz.recordAnswer({ questionId: question.id, userId: req.userId, chosenIndex }, ctx.clock());
  const answered = () => ctx.store!.answerCount(question.id);
  switch (outcome.status) {
    case 'recorded': {
      const headline = outcome.correct ? [f.correct(POINTS_PER_CORRECT_ANSWER)] : f.wrong(LETTERS[question.correctIndex]!);
      return { kind: 'update-and-reply', update: quizMessage(ctx, req.locale, question, answered()), reply: reveal(ctx, req.locale, question, headline, outcome.correct ? 'high' : 'low') };
    }
    case 'already-answered':
      return { kind: 'reply', reply: notice([f.alreadyAnswered(LETTERS[outcome.previous.chosenIndex] ?? '?')], 'info') };
    case 'expired':
      // Closed for everyone: the buttons grey out and the answer shows; the presser sees why.
      return { kind: 'update-and-reply', update: quizMessage(ctx, req.locale, question, answered(), true), reply: reveal(ctx, req.locale, question, [f.quizExpired], 'none') };
    case 'unknown-question':
      return { kind: 'reply', reply: expired(req.locale, 'unusable') };
  }
}

/** For the presser alone: how they did, then the passage the question came from, the answer in bold, and its citation. */
function reveal(ctx: AppContext, locale: ReplyLocale, question: QuizQuestion, headline: Text, tone: Tone): Reply {
  const f = featureMessages(locale);
  const answer = question.options[question.correctIndex] ?? '';
  const letter = LETTERS[question.correctIndex] ?? '?';
  const source = sourceOf(ctx, locale, question);
  const fields: FieldModel[] = [{ name: [f.fromTheDossier], value: source ? boldAnswerIn(source.text, question.stem, answer) : filledStem(question.stem, answer) }];
  if (source) fields.push({ name: [f.source], value: [source.citation] });
  return {
    embeds: [{ description: [...headline, '\n', { bold: `${letter}. ${answer}` }], fields, tone }],
    components: [],
    ephemeral: true,
    mentionUserIds: [],
  };
}

/** The passage and citation, when the dossier is still the one the quiz was made from. */
function sourceOf(ctx: AppContext, locale: ReplyLocale, question: QuizQuestion): { text: string; citation: string } | undefined {
  if (question.dossierVersion !== ctx.index.dossier.version) return undefined;
  const ordinal = ctx.passageOrdinals.get(question.passageId);
  const passage = ordinal === undefined ? undefined : ctx.index.dossier.passages[ordinal];
  const article = ctx.index.articlesById.get(question.articleId);
  if (!passage || !article) return undefined;
  return { text: passage.text, citation: formatCitation(citationFor(article, passage), locale) };
}

function filledStem(stem: string, answer: string): Inline[] {
  const at = stem.indexOf(BLANK);
  return at < 0 ? [stem] : [stem.slice(0, at), { bold: answer }, stem.slice(at + BLANK.length)];
}

/** The passage with the answer bold where the question's sentence holds it. */
function boldAnswerIn(passage: string, stem: string, answer: string): Inline[] {
  const at = stem.indexOf(BLANK);
  const sentence = stem.replace(BLANK, answer);
  const start = passage.indexOf(sentence);
  if (at < 0 || start < 0) return [passage];
  const from = start + at;
  return [passage.slice(0, from), { bold: answer }, passage.slice(from + answer.length)];
}

// ---- /quiz stats --------------------------------------------------------------------------------

export function quizStats(ctx: AppContext, req: Pick<CommandRequest, 'locale' | 'guildId' | 'userId'>): Reply {
  const f = featureMessages(req.locale);
  if (!ctx.store) return notice([f.storeMissing], 'error');
  if (req.guildId === undefined) return notice([f.quizNotInServer], 'error');
  const rank = ctx.store.scores.rankOf(req.guildId, req.userId);
  if (!rank) return notice([f.statsNone], 'info');
  const percent = rank.answered === 0 ? 0 : Math.round((100 * rank.correct) / rank.answered);
  const field = (name: string, value: string): FieldModel => ({ name: [name], value: [value], inline: true });
  return {
    embeds: [{
      title: [f.statsTitle],
      fields: [
        field(f.statsPoints, String(rank.points)),
        field(f.statsRank, `${rank.rank}/${rank.members}`),
        field(f.statsAnswered, String(rank.answered)),
        field(f.statsCorrect, `${rank.correct}/${rank.answered} (${percent}%)`),
        field(f.statsStreak, String(rank.streak)),
        field(f.statsBestStreak, String(rank.bestStreak)),
      ],
      tone: 'info',
    }],
    components: [],
    ephemeral: true,
    mentionUserIds: [],
  };
}
