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
import { fitMarkdown, fitPlain } from './markdown.js';

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
  return { parse: [], users: [...new Set(reply.mentionUserIds)].slice(0, 100), roles: [], repliedUser: false };
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

interface Budget {
  description: number;
  fieldValue: number;
}

export function renderEmbed(embed: EmbedModel, budget: Budget = { description: LIMITS.embedDescription, fieldValue: LIMITS.fieldValue }): APIEmbed {
  const fields: APIEmbedField[] = (embed.fields ?? []).slice(0, LIMITS.embedFields).map((field) => ({
    name: fitMarkdown(field.name, LIMITS.fieldName) || '\u200b',
    value: fitMarkdown(field.value, budget.fieldValue) || '\u200b',
    ...(field.inline ? { inline: true } : {}),
  }));
  const description = embed.description === undefined ? undefined : fitMarkdown(embed.description, budget.description);
  return {
    ...(embed.author !== undefined && embed.author.trim() !== '' ? { author: { name: fitPlain(embed.author, LIMITS.author) } } : {}),
    ...(embed.title !== undefined ? { title: fitMarkdown(embed.title, LIMITS.embedTitle) } : {}),
    ...(description ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(embed.footer !== undefined && embed.footer !== '' ? { footer: { text: fitPlain(embed.footer, LIMITS.footer) } } : {}),
    color: TONE_COLOURS[embed.tone ?? 'info'],
  };
}

/** Characters Discord counts towards the 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.author?.name.length ?? 0) + (embed.footer?.text.length ?? 0)
    + (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
}

/** Render all embeds; while over the 6000 total, shorten descriptions, then field values. */
function fitTotal(models: readonly EmbedModel[]): APIEmbed[] {
  const budgets: Budget[] = models.map(() => ({ description: LIMITS.embedDescription, fieldValue: LIMITS.fieldValue }));
  let embeds = models.map((m, i) => renderEmbed(m, budgets[i]));
  for (let attempt = 0; attempt < 20; attempt++) {
    const total = embeds.reduce((sum, e) => sum + embedLength(e), 0);
    if (total <= LIMITS.embedTotal) return embeds;
    let over = total - LIMITS.embedTotal;
    embeds.forEach((embed, i) => {
      const budget = budgets[i]!;
      const description = embed.description?.length ?? 0;
      if (over > 0 && description > 1) {
        const cut = Math.min(over, description - 1);
        budget.description = description - cut;
        over -= cut;
      }
      const fields = embed.fields ?? [];
      const longest = Math.max(0, ...fields.map((f) => f.value.length));
      if (over > 0 && longest > 1 && fields.length > 0) {
        const perField = Math.ceil(over / fields.length);
        budget.fieldValue = Math.max(1, longest - perField);
        over = 0;
      }
    });
    embeds = models.map((m, i) => renderEmbed(m, budgets[i]));
  }
  return embeds;
}

export function renderChoices(choices: readonly Choice[]): APIApplicationCommandOptionChoice<string>[] {
  return choices
    .filter((c) => c.value.length > 0 && c.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((c) => ({ name: fitPlain(c.name, LIMITS.choiceName) || c.value.slice(0, LIMITS.choiceName), value: c.value }));
}
