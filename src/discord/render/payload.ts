// Reply models to discord.js payloads (raw API objects: no builder validation on the hot path).
// Every payload carries allowed mentions that let nothing ping except the model's mentionUserIds.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  type MessageMentionOptions,
} from 'discord.js';
import type { ButtonModel, Choice, EmbedModel, Reply, Tone } from '../../app/reply.js';
import { LIMITS } from './limits.js';
import { fitMarkdown, fitPlain, toMarkdown } from './markdown.js';

export const TONE_COLOURS: Readonly<Record<Tone, number>> = {
  info: 0x5865f2,
  high: 0x2e8b57,
  medium: 0xd4a017,
  low: 0xe67e22,
  none: 0x95a5a6,
  error: 0xed4245,
};

export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: MessageMentionOptions;
}

export interface ReplyPayload extends MessagePayload {
  flags?: MessageFlags.Ephemeral;
}

export function allowedMentions(reply: Pick<Reply, 'mentionUserIds'>): MessageMentionOptions {
  // Only ids (digits): anything else would make Discord refuse the whole message.
  const users = [...new Set(reply.mentionUserIds)].filter((id) => /^\d{1,20}$/u.test(id)).slice(0, 100);
  return { parse: [], users, roles: [], repliedUser: false };
}

/** A new message (interaction reply, follow-up). */
export function renderReply(reply: Reply): ReplyPayload {
  const payload = renderMessage(reply);
  return reply.ephemeral ? { ...payload, flags: MessageFlags.Ephemeral } : payload;
}

/** An in-place update: same message, so no flags; content left as is when the model has none. */
export function renderUpdate(reply: Reply): MessagePayload {
  return renderMessage(reply);
}

function renderMessage(reply: Reply): MessagePayload {
  const embeds = fitTotal(reply.embeds.slice(0, LIMITS.embedsPerMessage));
  const content = reply.content === undefined ? undefined : fitMarkdown(reply.content, LIMITS.content);
  return {
    ...(content !== undefined ? { content } : {}),
    embeds,
    components: reply.components
      .slice(0, LIMITS.rows)
      .map((row): APIActionRowComponent<APIButtonComponentWithCustomId> => ({
        type: ComponentType.ActionRow,
        components: row.buttons.slice(0, LIMITS.buttonsPerRow).map(renderButton),
      }))
      .filter((row) => row.components.length > 0),
    allowedMentions: allowedMentions(reply),
  };
}

const STYLES = { primary: ButtonStyle.Primary, secondary: ButtonStyle.Secondary, success: ButtonStyle.Success, danger: ButtonStyle.Danger } as const;

function renderButton(button: ButtonModel): APIButtonComponentWithCustomId {
  if (button.customId.length > LIMITS.customId) throw new Error(`hoso: custom_id over ${LIMITS.customId} characters: ${button.customId}`);
  return {
    type: ComponentType.Button,
    custom_id: button.customId,
    label: fitPlain(button.label, LIMITS.buttonLabel),
    style: STYLES[button.style],
    ...(button.disabled ? { disabled: true } : {}),
  };
}

/**
 * All embeds within their own limits and the 6000 characters Discord allows per message. Short
 * parts first (author, title, footer); then fields in order (they hold the citation), leaving
 * the description at least half of what is left; then the description takes the rest.
 */
function fitTotal(models: readonly EmbedModel[]): APIEmbed[] {
  let remaining: number = LIMITS.embedTotal;
  const take = (text: string) => {
    remaining -= text.length;
    return text;
  };
  return models.map((embed) => {
    const author = embed.author !== undefined && embed.author.trim() !== '' ? take(fitPlain(embed.author, Math.min(LIMITS.author, remaining))) : '';
    const title = embed.title !== undefined ? take(fitMarkdown(embed.title, Math.min(LIMITS.embedTitle, remaining))) : '';
    const footer = embed.footer !== undefined ? take(fitPlain(embed.footer, Math.min(LIMITS.footer, remaining))) : '';
    const wanted = embed.description === undefined ? 0 : Math.min(toMarkdown(embed.description).length, LIMITS.embedDescription);
    const reserved = Math.min(wanted, Math.floor(remaining / 2));
    const fields: APIEmbedField[] = [];
    for (const field of (embed.fields ?? []).slice(0, LIMITS.embedFields)) {
      const room = remaining - reserved;
      if (room < 2) break;
      const name = take(fitMarkdown(field.name, Math.min(LIMITS.fieldName, room - 1)) || '\u200b');
      const value = take(fitMarkdown(field.value, Math.min(LIMITS.fieldValue, room - name.length)) || '\u200b');
      fields.push({ name, value, ...(field.inline ? { inline: true } : {}) });
    }
    const description = embed.description !== undefined ? take(fitMarkdown(embed.description, Math.min(LIMITS.embedDescription, Math.max(0, remaining)))) : '';
    return {
      ...(author ? { author: { name: author } } : {}),
      ...(title ? { title } : {}),
      ...(description ? { description } : {}),
      ...(fields.length > 0 ? { fields } : {}),
      ...(footer ? { footer: { text: footer } } : {}),
      color: TONE_COLOURS[embed.tone ?? 'info'],
    };
  });
}

/** Characters Discord counts towards the 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.author?.name.length ?? 0) + (embed.footer?.text.length ?? 0)
    + (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
}

export function renderChoices(choices: readonly Choice[]): APIApplicationCommandOptionChoice<string>[] {
  return choices
    .filter((c) => c.value.length > 0 && c.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((c) => ({ name: fitPlain(c.name, LIMITS.choiceName) || c.value.slice(0, LIMITS.choiceName), value: c.value }));
}
