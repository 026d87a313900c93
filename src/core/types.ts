// The dossier's data model and the reply models the shells render.
// Pure data: nothing here touches the file system, Discord or a logger.

/** How precisely an article's date is known from its text. */
export type DatePrecision = 'day' | 'month' | 'year';

export interface Article {
  /** Stable id, used in passage ids and custom_ids: lower-case ASCII, digits and '-'. */
  readonly id: string;
  readonly title: string;
  /** ISO date as far as the text supports it: YYYY-MM-DD, YYYY-MM or YYYY. */
  readonly date: string;
  readonly datePrecision: DatePrecision;
  readonly outlet?: string;
  readonly byline?: string;
  readonly language: string;
  /** Lines of the original that are not article text (viewer notices, template artefacts), kept verbatim. */
  readonly notices: readonly string[];
  /** Number of body paragraphs (captions and headings not counted). */
  readonly paragraphCount: number;
  /** Section headings in order, with the paragraph number each one precedes. */
  readonly headings: readonly { readonly text: string; readonly beforeParagraph: number }[];
  /** File the article came from, relative to the corpus folder. */
  readonly file: string;
}

export type PassageKind = 'paragraph' | 'caption';

export interface Passage {
  /** `<article-id>#<n>` for body paragraphs, `<article-id>#anh-<k>` for photo captions. */
  readonly id: string;
  readonly articleId: string;
  readonly kind: PassageKind;
  /** Body paragraph number (1-based); for a caption, the number of the paragraph it follows (0 if first). */
  readonly paragraph: number;
  /** For captions, their 1-based number within the article; 0 for paragraphs. */
  readonly captionNumber: number;
  /** The section heading this passage sits under, if any. */
  readonly heading?: string;
  /** Verbatim text (NFC). */
  readonly text: string;
  /** Photo credit read off a caption ("Ảnh: AFP |" -> "AFP"). */
  readonly credit?: string;
}

/** A spelling-variant group: every form names the same thing. The first form is the canonical one. */
export type AliasGroup = readonly string[];

/** English term -> Vietnamese renderings found in the dossier. */
export interface GlossaryEntry {
  readonly en: string;
  readonly vi: readonly string[];
}

export interface Dossier {
  readonly articles: readonly Article[];
  readonly passages: readonly Passage[];
  readonly aliases: readonly AliasGroup[];
  readonly glossary: readonly GlossaryEntry[];
  /** Groups of Vietnamese near-synonyms (one meaning each), so paraphrased questions still match. */
  readonly synonyms?: readonly AliasGroup[];
  /** A state first, then names that stand for it in news text (its capital, its seat of power); each a name of `aliases`. */
  readonly metonyms?: readonly AliasGroup[];
  /** A person first (a name of `aliases`), then the offices the articles call them by ("nhà lãnh đạo Nga"). */
  readonly offices?: readonly AliasGroup[];
  /** Example questions this dossier answers well, per locale, for /help and empty autocompletes. */
  readonly examples?: Readonly<Record<ReplyLocale, readonly string[]>>;
  /** Short hash of the corpus content: changes whenever any article, alias or glossary entry changes. */
  readonly version: string;
}

/**
 * What kind of answer a question asks for, read off its question phrase.
 * 'stance': a yes/no question ("có ... không", "did ...?"), answered by who confirmed, denied or agreed.
 * 'duration': how long something lasted; 'elapsed': how long since ("sau bao lâu", "how long since").
 */
export type AnswerKind = 'number' | 'duration' | 'elapsed' | 'date' | 'person' | 'place' | 'reason' | 'manner' | 'organisation' | 'stance' | 'any';

/** A citation, structured; `formatCitation` in core/citation.ts renders it per locale. */
export interface Citation {
  readonly articleId: string;
  readonly title: string;
  readonly date: string;
  readonly datePrecision: DatePrecision;
  readonly outlet?: string;
  readonly passageKind: PassageKind;
  readonly paragraph: number;
  readonly paragraphCount: number;
  readonly captionNumber: number;
}

/** A [start, end) span of characters in a string. */
export type Span = readonly [start: number, end: number];

export type Confidence = 'high' | 'medium' | 'low';

export interface Result {
  readonly articleId: string;
  readonly passageId: string;
  readonly paragraph: number;
  readonly title: string;
  readonly date: string;
  /** The 1-3 sentence window a user is shown. */
  readonly excerpt: string;
  /** Spans of matched terms inside `excerpt`, for bolding. */
  readonly highlights: readonly Span[];
  /** The whole paragraph. */
  readonly passage: string;
  readonly heading?: string;
  readonly score: number;
  readonly confidence: Confidence;
  readonly citation: Citation;
}

export type Answer =
  | {
      readonly kind: 'found';
      readonly query: string;
      readonly expected: AnswerKind;
      readonly results: readonly Result[];
    }
  | {
      readonly kind: 'none';
      readonly query: string;
      readonly expected: AnswerKind;
      /** Topics the dossier does cover, to suggest. */
      readonly suggestions: readonly string[];
    };

/** Why a question could not even be searched. Shells turn the code into a message. */
export type QueryProblem =
  | 'empty'
  | 'too-long'
  | 'control-characters'
  | 'unsupported-script'
  | 'no-searchable-terms';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: QueryProblem; readonly detail?: string };

/** Locale of a reply: `vi` for Vietnamese, `en` for everything else. */
export type ReplyLocale = 'vi' | 'en';
