// What every handler gets: the shared, long-lived parts (AppContext) and one request's inputs.
// Both shells (Discord, console) build these; handlers never see a discord.js object.
import type { Logger } from 'pino';
import type { PassageIndex } from '../core/passage-index.js';
import type { ReplyLocale } from '../core/types.js';
import type { ParsedCustomId } from './custom-id.js';
import { dossierTag } from './custom-id.js';
import type { FeedbackSink } from './feedback.js';
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
}

export function createAppContext(parts: { index: PassageIndex; feedback: FeedbackSink; commands?: readonly CommandSummary[] }): AppContext {
  return {
    index: parts.index,
    tag: dossierTag(parts.index.dossier),
    vocabulary: buildVocabulary(parts.index),
    passageOrdinals: new Map(parts.index.dossier.passages.map((p, i) => [p.id, i])),
    feedback: parts.feedback,
    questions: new QuestionCache(),
    commands: parts.commands ?? [],
  };
}

export type OptionValue = string | number | boolean | { readonly user: string };

interface RequestBase {
  /** Interaction id (or a console counter), for logs and feedback. */
  readonly id: string;
  readonly locale: ReplyLocale;
  readonly userId: string;
  readonly log: Logger;
}

export interface CommandRequest extends RequestBase {
  /** Options by their (English) name. */
  readonly options: ReadonlyMap<string, OptionValue>;
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
