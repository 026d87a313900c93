// The fuzz harness: a seeded stream of hostile interactions (see fuzz-gen.ts) with what each may
// ping, and a pool of buttons the bot really issued, to press again (twice, by another member,
// after a restart). Shared by the in-process fuzz (thousands of cases through the real router
// and discord.js) and the wire fuzz (hundreds through the stand-in). No tests here.
import { ApplicationCommandOptionType, ComponentType, MessageType, type APIMessage, type MessageFlags } from 'discord.js';
import type { Command } from '../../src/discord/commands/index.js';
import { snowflake, type DiscordStandin, type InteractionSpec } from '../discord/standin.js';
import { autocompleteOptions, forgedCustomId, LOCALES, memberId, Rng, shapeOf, slashOptions, snowflakeLike, text, type CommandShape } from './fuzz-gen.js';
import type { WireMessage } from './discord-limits.js';

const SNOWFLAKE = /^\d{17,20}$/u;
const UNKNOWN_COMMANDS = ['hoi', 'ASK', 'x'.repeat(32), 'admin', 'tìm', 'quiz2'];

export type CaseKind = 'command' | 'unknown-command' | 'autocomplete' | 'context-menu' | 'button' | 'button-again' | 'button-other-member' | 'button-after-restart' | 'button-forged';

export interface FuzzCase {
  readonly n: number;
  readonly kind: CaseKind;
  readonly spec: InteractionSpec;
  /** The only users the reply may ping. */
  readonly allowedUsers: ReadonlySet<string>;
}

interface Issued {
  readonly customId: string;
  readonly message: APIMessage;
  /** The generation (restart count) of the bot that issued it. */
  readonly generation: number;
  pressedBy?: string;
}

export class FuzzStream {
  readonly rng: Rng;
  readonly crowd: readonly string[];
  private readonly shapes: readonly CommandShape[];
  private readonly contextMenus: readonly string[];
  private readonly pool: Issued[] = [];
  private generation = 0;
  private n = 0;

  constructor(seed: number, commands: readonly Command[], private readonly standin: DiscordStandin) {
    this.rng = new Rng(seed);
    this.crowd = Array.from({ length: 6 }, () => snowflakeLike(this.rng));
    const json = commands.map((c) => c.data.toJSON());
    this.shapes = json.filter((j) => j.type === undefined || j.type === 1).map(shapeOf);
    this.contextMenus = json.filter((j) => j.type === 3).map((j) => j.name);
  }

  /** The bot restarted: buttons issued before are now "after a restart". */
  restarted(): void {
    this.generation++;
  }

  get restarts(): number {
    return this.generation;
  }

  next(): FuzzCase {
    const rng = this.rng;
    const n = ++this.n;
    const user = { id: memberId(rng, this.crowd) };
    const locale = rng.pick(LOCALES);
    const roll = rng.int(100);
    const none = new Set<string>();
    if (roll < 35) {
      const shape = rng.pick(this.shapes);
      const { subcommand, options } = slashOptions(rng, shape);
      const spec: InteractionSpec = { kind: 'slash', name: shape.name, options, user, locale, ...(subcommand !== undefined ? { subcommand } : {}) };
      return { n, kind: 'command', spec, allowedUsers: expectedPings(shape.name, options) };
    }
    if (roll < 39) {
      const name = rng.pick(UNKNOWN_COMMANDS);
      return { n, kind: 'unknown-command', spec: { kind: 'slash', name, options: { question: text(rng) }, user, locale }, allowedUsers: none };
    }
    if (roll < 54) {
      const shape = rng.chance(0.95) ? rng.pick(this.shapes) : { name: rng.pick(UNKNOWN_COMMANDS), options: [] };
      const { subcommand, options } = autocompleteOptions(rng, shape);
      return { n, kind: 'autocomplete', spec: { kind: 'autocomplete', name: shape.name, options, user, locale, ...(subcommand !== undefined ? { subcommand } : {}) }, allowedUsers: none };
    }
    if (roll < 62 && this.contextMenus.length > 0) {
      const name = rng.chance(0.95) ? rng.pick(this.contextMenus) : 'Ask the dossier (old)';
      return { n, kind: 'context-menu', spec: { kind: 'messageContextMenu', name, targetMessage: { content: text(rng), author: { id: memberId(rng, this.crowd) } }, user, locale }, allowedUsers: none };
    }
    if (roll < 92 && this.pool.length > 0) {
      const issued = rng.pick(this.pool.slice(-300));
      let kind: CaseKind = 'button';
      let presser = user.id;
      if (issued.generation !== this.generation) kind = 'button-after-restart';
      else if (issued.pressedBy !== undefined && rng.chance(0.5)) {
        kind = 'button-again';
        presser = issued.pressedBy;
      } else if (issued.pressedBy !== undefined) kind = 'button-other-member';
      issued.pressedBy = presser;
      return { n, kind, spec: { kind: 'button', customId: issued.customId, message: issued.message, user: { id: presser }, locale }, allowedUsers: none };
    }
    const real = this.pool.slice(-50).map((p) => p.customId);
    // On a message the bot really sent, or (message left out) on a fresh one the stand-in makes.
    const message = rng.chance(0.5) && this.pool.length > 0 ? { message: rng.pick(this.pool).message } : {};
    return { n, kind: 'button-forged', spec: { kind: 'button', customId: forgedCustomId(rng, real), ...message, user, locale }, allowedUsers: none };
  }

  /** Remembers the buttons of a message the bot sent (reply or update), to press later. */
  issued(body: WireMessage | undefined, previous?: APIMessage): void {
    if (!body?.components?.length) return;
    const message = previous ? { ...previous, ...toMessageFields(body) } : this.botMessage(body);
    for (const row of body.components) {
      for (const c of row.components ?? []) {
        if (c.type === ComponentType.Button && typeof c.custom_id === 'string') this.pool.push({ customId: c.custom_id, message, generation: this.generation });
      }
    }
    if (this.pool.length > 2_000) this.pool.splice(0, this.pool.length - 1_000);
  }

  get poolSize(): number {
    return this.pool.length;
  }

  /** A message from the bot, as Discord would show it with a button interaction. */
  private botMessage(body: WireMessage): APIMessage {
    return {
      id: snowflake(),
      channel_id: this.standin.world.channelId,
      author: this.standin.botUser,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: MessageType.ChatInputCommand,
      webhook_id: this.standin.world.applicationId,
      application_id: this.standin.world.applicationId,
      ...toMessageFields(body),
    };
  }
}

function toMessageFields(body: WireMessage): Partial<APIMessage> {
  return {
    ...(body.content !== undefined ? { content: body.content } : {}),
    ...(body.embeds !== undefined ? { embeds: body.embeds as APIMessage['embeds'] } : {}),
    ...(body.components !== undefined ? { components: body.components as NonNullable<APIMessage['components']> } : {}),
    ...(body.flags !== undefined ? { flags: body.flags as MessageFlags } : {}),
  };
}

/** /ask may ping the member named in `mention` (an id), and only when the answer is public. */
function expectedPings(command: string, options: readonly { name: string; type: number; value?: unknown }[]): ReadonlySet<string> {
  if (command !== 'ask') return new Set();
  const mention = options.find((o) => o.name === 'mention' && o.type === ApplicationCommandOptionType.User);
  const isPrivate = options.some((o) => o.name === 'private' && o.type === ApplicationCommandOptionType.Boolean && o.value === true);
  return typeof mention?.value === 'string' && SNOWFLAKE.test(mention.value) && !isPrivate ? new Set([mention.value]) : new Set();
}

/** A short description of a case for a failure message (long strings elided, still replayable by seed). */
export function describeCase(c: FuzzCase): string {
  const json = JSON.stringify(c.spec, (key, value: unknown) => {
    if (key === 'message' && typeof value === 'object' && value !== null) return { id: (value as { id: string }).id, embeds: '…' };
    if (typeof value === 'string' && value.length > 300) return `${value.slice(0, 300)}… (${value.length} chars)`;
    return value;
  });
  return `#${c.n} ${c.kind}: ${json}`;
}

/** The stand-in's copy of a message the bot just sent or updated (matched by its components), to press its buttons. */
export function storedMessage(standin: DiscordStandin, body: WireMessage | undefined): APIMessage | undefined {
  const components = JSON.stringify(body?.components ?? []);
  return [...standin.messages.values()].reverse().find((m) => m.author.id === standin.botUser.id && JSON.stringify(m.components ?? []) === components);
}
