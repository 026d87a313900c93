// Checks on what the bot sends Discord (JSON as on the wire): every limit Discord enforces, and
// allowed_mentions that can ping nobody but the users the test expects. Each check returns the
// list of violations, so a fuzz failure shows all of them at once. No tests here.

/** Discord's limits, written out independently of src/discord/render/limits.ts. */
export const DISCORD = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  rows: 5,
  perRow: 5,
  customId: 100,
  label: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const SNOWFLAKE = /^\d{17,20}$/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

interface WireEmbed {
  title?: string;
  description?: string;
  author?: { name?: string };
  footer?: { text?: string };
  fields?: { name?: string; value?: string }[];
}

interface WireComponent {
  type?: number;
  custom_id?: string;
  label?: string;
  style?: number;
  components?: WireComponent[];
}

export interface WireMessage {
  content?: string;
  embeds?: WireEmbed[];
  components?: WireComponent[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  flags?: number;
}

export interface WireCallback {
  type?: number;
  data?: WireMessage & { choices?: { name?: string; value?: unknown }[] };
}

function textViolations(where: string, value: unknown, max: number, out: string[], required = false): void {
  if (value === undefined || value === null) {
    if (required) out.push(`${where} is missing`);
    return;
  }
  if (typeof value !== 'string') {
    out.push(`${where} is not a string`);
    return;
  }
  if (value.length > max) out.push(`${where} is ${value.length} characters (limit ${max})`);
  if (required && value.trim() === '') out.push(`${where} is empty`);
  if (LONE_SURROGATE.test(value)) out.push(`${where} holds half a surrogate pair`);
}

/**
 * A message body (reply, update, edit, follow-up): limits, non-empty, and mentions.
 * `allowedUsers`: the only users it may ping. `update`: an in-place update may leave content out.
 */
export function messageViolations(message: WireMessage | undefined, allowedUsers: ReadonlySet<string>, update = false): string[] {
  const out: string[] = [];
  if (!message) return ['no message data'];
  textViolations('content', message.content, DISCORD.content, out);
  const embeds = message.embeds ?? [];
  const components = message.components ?? [];
  if (!update && !message.content && embeds.length === 0 && components.length === 0) out.push('empty message');
  if (embeds.length > DISCORD.embeds) out.push(`${embeds.length} embeds`);
  let total = 0;
  embeds.forEach((embed, e) => {
    const at = `embed ${e}`;
    textViolations(`${at} title`, embed.title, DISCORD.title, out);
    textViolations(`${at} description`, embed.description, DISCORD.description, out);
    textViolations(`${at} author`, embed.author?.name, DISCORD.author, out, embed.author !== undefined);
    textViolations(`${at} footer`, embed.footer?.text, DISCORD.footer, out, embed.footer !== undefined);
    const fields = embed.fields ?? [];
    if (fields.length > DISCORD.fields) out.push(`${at}: ${fields.length} fields`);
    fields.forEach((field, f) => {
      textViolations(`${at} field ${f} name`, field.name, DISCORD.fieldName, out, true);
      textViolations(`${at} field ${f} value`, field.value, DISCORD.fieldValue, out, true);
    });
    const size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.author?.name?.length ?? 0) + (embed.footer?.text?.length ?? 0)
      + fields.reduce((sum, f) => sum + (f.name?.length ?? 0) + (f.value?.length ?? 0), 0);
    if (size === 0) out.push(`${at} is empty`);
    total += size;
  });
  if (total > DISCORD.embedTotal) out.push(`embeds total ${total} characters (limit ${DISCORD.embedTotal})`);
  if (components.length > DISCORD.rows) out.push(`${components.length} rows`);
  const ids: string[] = [];
  components.forEach((row, r) => {
    const inner = row.components ?? [];
    if (row.type !== 1) out.push(`row ${r} is not an action row`);
    if (inner.length === 0 || inner.length > DISCORD.perRow) out.push(`row ${r} holds ${inner.length} components`);
    inner.forEach((c, i) => {
      if (c.type !== 2) return;
      textViolations(`row ${r} button ${i} label`, c.label, DISCORD.label, out, true);
      if (c.style !== 5) {
        textViolations(`row ${r} button ${i} custom_id`, c.custom_id, DISCORD.customId, out, true);
        if (c.custom_id !== undefined) ids.push(c.custom_id);
      }
    });
  });
  if (new Set(ids).size !== ids.length) out.push(`duplicate custom_ids: ${ids.join(', ')}`);
  out.push(...mentionViolations(message, allowedUsers));
  return out;
}

/** allowed_mentions present, parsing nothing, no roles, only expected snowflake users; no live @everyone/@here in content. */
export function mentionViolations(message: WireMessage, allowedUsers: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const am = message.allowed_mentions;
  if (!am) return ['allowed_mentions missing (Discord would parse every mention)'];
  if (!Array.isArray(am.parse) || am.parse.length !== 0) out.push(`allowed_mentions.parse is ${JSON.stringify(am.parse)}`);
  if ((am.roles ?? []).length !== 0) out.push(`allowed_mentions.roles is ${JSON.stringify(am.roles)}`);
  if (am.replied_user === true) out.push('allowed_mentions.replied_user is true');
  for (const user of am.users ?? []) {
    if (!SNOWFLAKE.test(user)) out.push(`allowed_mentions.users holds a non-id ${JSON.stringify(user)}`);
    else if (!allowedUsers.has(user)) out.push(`allowed_mentions.users holds ${user}, not allowed here`);
  }
  // Belt and braces: even with parse [] a live @everyone in content is a bug.
  if (/@(everyone|here)/u.test(message.content ?? '')) out.push('content holds a live @everyone/@here');
  for (const m of (message.content ?? '').matchAll(/<@[!&]?(\d+)>/gu)) {
    if (m[0].startsWith('<@&')) out.push(`content holds a role mention ${m[0]}`);
  }
  return out;
}

export function choicesViolations(choices: { name?: string; value?: unknown }[] | undefined): string[] {
  const out: string[] = [];
  if (!Array.isArray(choices)) return ['choices missing'];
  if (choices.length > DISCORD.choices) out.push(`${choices.length} choices`);
  choices.forEach((c, i) => {
    textViolations(`choice ${i} name`, c.name, DISCORD.choiceName, out, true);
    if (typeof c.value === 'string') textViolations(`choice ${i} value`, c.value, DISCORD.choiceValue, out, true);
    else if (typeof c.value !== 'number') out.push(`choice ${i} value is ${typeof c.value}`);
  });
  return out;
}

/** An interaction callback body, by type: 4 reply, 5 defer, 6 defer update, 7 update, 8 autocomplete. */
export function callbackViolations(body: WireCallback | undefined, allowedUsers: ReadonlySet<string>): string[] {
  switch (body?.type) {
    case 4: return messageViolations(body.data, allowedUsers);
    case 7: return messageViolations(body.data, allowedUsers, true);
    case 5:
    case 6: return [];
    case 8: return choicesViolations(body.data?.choices);
    default: return [`unexpected callback type ${String(body?.type)}`];
  }
}
