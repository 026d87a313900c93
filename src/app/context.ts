// What every handler gets: the shared, long-lived parts (AppContext) and one request's inputs.
// Both shells (Discord, console) build these; handlers never see a discord.js object.
import type { Logger } from 'pino';
import type { PassageIndex } from '../core/passage-index.js';
import type { QuizContext } from '../core/quiz.js';
import type { ReplyLocale } from '../core/types.js';
import type { CountingStore } from '../store/answer-count.js';
import type { ChannelActions } from './channel.js';
import type { ParsedCustomId } from './custom-id.js';
import { dossierTag } from './custom-id.js';
import type { FeedbackSink } from './feedback.js';
import { RecentMap } from './recent.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

/** A command as /help lists it, per locale. */
export interface CommandSummary {
  readonly usage: Readonly<Record<ReplyLocale, string>>;
  readonly description: Readonly<Record<ReplyLocale, string>>;
}

export interface AppContext {
  readonly index: PassageIndex;
  /** `dossierTag(index.dossier)`: stamped on buttons, checked when pressed. */
  readonly tag: string;
  readonly vocabulary: Vocabulary;
  /** Passage id -> its position in `index.dossier.passages` (what buttons carry). */
  readonly passageOrdinals: ReadonlyMap<string, number>;
  readonly feedback: FeedbackSink;
  /** Recent questions by hash, so "More" can re-rank exactly; lost on restart (buttons then fall back). */
  readonly questions: QuestionCache;
  readonly commands: readonly CommandSummary[];
  /** Pinned summaries, quizzes and scores; absent, those commands say the store is unavailable. */
  readonly store?: CountingStore;
  readonly quiz: QuizSettings;
  /** What each recent quiz message showed above its question, so answers can redraw it the same. */
  readonly quizContexts: RecentMap<string, QuizContext>;
  /** Epoch ms; tests move it to expire quizzes. */
  readonly clock: () => number;
}

export interface QuizSettings {
  /** How long a quiz takes answers. */
  readonly expiryMs: number;
  /** Open quizzes a channel may hold at once. */
  readonly maxOpenPerChannel: number;
}

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = { expiryMs: 10 * 60_000, maxOpenPerChannel: 3 };

export interface AppContextParts {
  readonly index: PassageIndex;
  readonly feedback: FeedbackSink;
  readonly commands?: readonly CommandSummary[];
  readonly store?: CountingStore;
  readonly quiz?: Partial<QuizSettings>;
  readonly clock?: () => number;
}

export function createAppContext(parts: AppContextParts): AppContext {
  return {
    index: parts.index,
    tag: dossierTag(parts.index.dossier),
    vocabulary: buildVocabulary(parts.index),
    passageOrdinals: new Map(parts.index.dossier.passages.map((p, i) => [p.id, i])),
    feedback: parts.feedback,
    questions: new QuestionCache(),
    commands: parts.commands ?? [],
    ...(parts.store ? { store: parts.store } : {}),
    quiz: { ...DEFAULT_QUIZ_SETTINGS, ...parts.quiz },
    quizContexts: new RecentMap(1_000),
    clock: parts.clock ?? Date.now,
  };
}

export type OptionValue = string | number | boolean | { readonly user: string };

interface RequestBase {
  /** Interaction id (or a console counter), for logs and feedback. */
  readonly id: string;
  readonly locale: ReplyLocale;
  readonly userId: string;
  readonly log: Logger;
  /** The server; absent in DMs. The console uses a constant. */
  readonly guildId?: string;
  readonly channelId?: string;
  /** The member's permissions in the channel; absent where there is no permission system (console). */
  readonly memberPermissions?: bigint;
  /** The bot's permissions in the channel; absent where there is no permission system (console). */
  readonly appPermissions?: bigint;
}

export interface CommandRequest extends RequestBase {
  /** Options by their (English) name. */
  readonly options: ReadonlyMap<string, OptionValue>;
  /** The subcommand chosen (its English name), for commands that have them. */
  readonly subcommand?: string;
  /** For message context menus: the message acted on. */
  readonly targetMessage?: { readonly content: string; readonly authorId: string };
}

export interface AutocompleteRequest extends RequestBase {
  readonly options: ReadonlyMap<string, OptionValue>;
  readonly focused: string;
  readonly value: string;
}

export interface ButtonRequest extends RequestBase {
  readonly customId: ParsedCustomId;
  /** What the pressed button's message shows, as far as a handler may need it. */
  readonly message: { readonly embeds: readonly { readonly author?: string }[] };
  /** Posting and pinning in the channel the button is in; absent where the shell cannot. */
  readonly channel?: ChannelActions;
}

export function stringOption(req: { options: ReadonlyMap<string, OptionValue> }, name: string): string | undefined {
  const value = req.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function booleanOption(req: { options: ReadonlyMap<string, OptionValue> }, name: string): boolean | undefined {
  const value = req.options.get(name);
  return typeof value === 'boolean' ? value : undefined;
}

export function userOption(req: { options: ReadonlyMap<string, OptionValue> }, name: string): string | undefined {
  const value = req.options.get(name);
  return typeof value === 'object' ? value.user : undefined;
}

/** A bounded map from question hash to the question (and its article filter), oldest evicted first. */
export class QuestionCache {
  private readonly entries = new Map<string, { readonly question: string; readonly articleId?: string }>();

  constructor(private readonly capacity = 5_000) {}

  remember(hash: string, question: string, articleId?: string): void {
    this.entries.delete(hash);
    this.entries.set(hash, articleId === undefined ? { question } : { question, articleId });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  recall(hash: string): { readonly question: string; readonly articleId?: string } | undefined {
    return this.entries.get(hash);
  }
}
