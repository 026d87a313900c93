// Reply models: what a handler answers, as plain data. The Discord renderer turns a Reply into
// an interaction payload (within Discord's limits, escaped, with allowed mentions); the console
// renders the same Reply as text. Nothing here knows about discord.js.

/**
 * A run of inline text. Strings are plain text: the renderer escapes them, so user and corpus text
 * can never inject Markdown or mentions. Formatting and mentions are explicit.
 */
export type Inline =
  | string
  | { readonly bold: string }
  | { readonly italic: string }
  /** A user mention: pings only if the user is also in `Reply.mentionUserIds`. */
  | { readonly user: string };

export type Text = readonly Inline[];

export type Tone = 'info' | 'high' | 'medium' | 'low' | 'none' | 'error';

export interface FieldModel {
  readonly name: Text;
  readonly value: Text;
  readonly inline?: boolean;
}

export interface EmbedModel {
  /** Plain text shown above the title (no Markdown is rendered there). */
  readonly author?: string;
  readonly title?: Text;
  readonly description?: Text;
  readonly fields?: readonly FieldModel[];
  /** Plain text at the bottom (no Markdown is rendered there). */
  readonly footer?: string;
  readonly tone?: Tone;
}

export type ButtonStyle = 'primary' | 'secondary' | 'success' | 'danger';

export interface ButtonModel {
  /** `<command>:<action>:<version>:...`, at most 100 characters (see custom-id.ts). */
  readonly customId: string;
  readonly label: string;
  readonly style: ButtonStyle;
  readonly disabled?: boolean;
}

export interface ButtonRowModel {
  readonly buttons: readonly ButtonModel[];
}

export interface Reply {
  /** Message text above the embeds; on an in-place update, undefined keeps the current text. */
  readonly content?: Text;
  readonly embeds: readonly EmbedModel[];
  readonly components: readonly ButtonRowModel[];
  /** Only the member who asked sees it. */
  readonly ephemeral: boolean;
  /** The only users this message may ping; nothing else ever pings. */
  readonly mentionUserIds: readonly string[];
}

/**
 * What a button press does with its reply: replace the message it sits on, answer apart, or both
 * (a quiz answer updates the public count and tells the presser alone how they did). `reply` is
 * always what the presser must see, so a shell that can do only one thing shows that.
 */
export type ButtonOutcome =
  | { readonly kind: 'update'; readonly reply: Reply }
  | { readonly kind: 'reply'; readonly reply: Reply }
  | { readonly kind: 'update-and-reply'; readonly update: Reply; readonly reply: Reply };

/** An autocomplete choice; `value` is what the option receives (<= 100 characters). */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** A short ephemeral text reply: errors, notices, thanks. */
export function notice(text: Text, tone: Tone = 'info'): Reply {
  return { embeds: [{ description: text, tone }], components: [], ephemeral: true, mentionUserIds: [] };
}

/** Plain length of a Text, mentions counted as their markup. */
export function plainLength(text: Text): number {
  return text.reduce((sum, part) => sum + plainOf(part).length, 0);
}

export function plainOf(part: Inline): string {
  if (typeof part === 'string') return part;
  if ('bold' in part) return part.bold;
  if ('italic' in part) return part.italic;
  return `<@${part.user}>`;
}

/** A Text as one plain string (for logs and tests). */
export function plainText(text: Text): string {
  return text.map(plainOf).join('');
}

/** Split `text` into plain and bold runs along [start, end) spans. */
export function highlighted(text: string, spans: readonly (readonly [number, number])[]): Inline[] {
  const sorted = [...spans].filter(([s, e]) => e > s && s >= 0 && e <= text.length).sort((a, b) => a[0] - b[0]);
  const parts: Inline[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue; // overlapping span: keep the first
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ bold: text.slice(start, end) });
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
