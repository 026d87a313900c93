/**
 * An in-process stand-in for Discord's API (REST + gateway v10) on 127.0.0.1.
 *
 * The real discord.js Client connects to it through `rest: { api: standin.apiUrl }`;
 * the gateway URL is handed out by `GET /gateway/bot`. Tests inject interactions with
 * `dispatchInteraction(...)` and assert on what the bot sent back (`requests`,
 * `interactionResponses(id)`, gateway `frames` and `closes`).
 *
 * What discord.js 14.28 needs from it (read from its sources):
 * - REST base is `${rest.api}/v10`; interaction callbacks always carry `?with_response=false|true`.
 * - The gateway URL gets `?v=10&encoding=json` appended (resumes use READY's `resume_gateway_url`).
 * - Compression is only on when the optional `zlib-sync` package is installed (then
 *   `&compress=zlib-stream`); without it frames are plain JSON text. Both are supported here,
 *   as is IDENTIFY's per-message `compress: true`.
 * - `message.pin()` uses `PUT /channels/:id/messages/pins/:messageId` (the legacy `/pins/:id` too is served).
 * - Paths arrive percent-encoded (`messages/%40original`, `users/%40me`); routes match decoded segments.
 * - Re-IDENTIFY is throttled to one per 5 s by discord.js; pass
 *   `ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) }` to skip that wait.
 * - Destroy the client before `close()`, and only once it is READY/RESUMED: a destroy() during a
 *   (re)connect can hang and leave discord.js reconnecting forever, which keeps the process alive.
 *
 * Usage:
 *   const standin = await DiscordStandin.start();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.apiUrl } });
 *   await Promise.all([once(client, Events.ClientReady), client.login('test-token')]);
 *   const sent = standin.dispatchInteraction(slashCommand({ name: 'hoi', options: { question: '…' } }));
 *   const callback = await sent.callback(); // RecordedRequest: callback.body.type === 4, ...
 *   await client.destroy();
 *   await standin.close();
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
} from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  APIAttachment,
  APIGuildTextChannel,
  APIInteraction,
  APIInteractionGuildMember,
  APIMessage,
  APIRole,
  APIUser,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  Locale,
  RoleFlags,
} from 'discord.js';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface StandinOptions {
  /** HELLO's heartbeat_interval. discord.js waits a random fraction of it before the first beat. */
  heartbeatIntervalMs?: number;
  /** Pins per channel before a pin answers 30003. */
  pinLimit?: number;
  /** Callbacks arriving later than this after dispatch get 10062, like Discord's 3 s rule; null disables it. */
  callbackDeadlineMs?: number | null;
  /** The bot's permissions in the channel (interaction `app_permissions`). */
  appPermissions?: bigint;
}

/** One HTTP request the bot made, recorded when it was answered. */
export interface RecordedRequest {
  seq: number;
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Matched route template, e.g. `POST /interactions/:id/:token/callback`; null if unknown. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased headers without `authorization`. */
  headers: Record<string, string>;
  /** Whether an Authorization header was sent (bot routes need one, interaction webhooks don't). */
  authorized: boolean;
  /** Parsed JSON body, or the `payload_json` part of a multipart body; null when empty. */
  body: unknown;
  files: RecordedFile[];
  /** Date.now() when the request arrived. */
  receivedAt: number;
  status: number;
  /** Interaction this request answers (callback or webhook by token), if any. */
  interactionId: string | null;
  fault: Fault | null;
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** A gateway payload, in either direction. */
export interface GatewayFrame {
  connection: number;
  direction: 'in' | 'out';
  at: number;
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
}

export interface GatewayClose {
  connection: number;
  code: number;
  reason: string;
  /** Who started the close: the bot (e.g. 1000 on destroy, 4200 before resuming) or the stand-in. */
  by: 'client' | 'server';
  at: number;
}

export interface GatewayConnectionInfo {
  id: number;
  path: string;
  query: Record<string, string>;
  openedAt: number;
}

/** Faults for `failNext`. `retryAfter` is in seconds, like Discord's Retry-After header. */
export type Fault =
  | { status: 429; retryAfter: number; global?: boolean }
  | { status: number; code?: number; message?: string }
  | { delayMs: number };

/** `'POST /interactions/:id/:token/callback'`, `'/channels/:id'` (any method), a RegExp on `METHOD path`, or a predicate. */
export type RouteMatcher = string | RegExp | ((request: { method: string; path: string }) => boolean);

export type OptionValue = string | number | boolean;

/** Who triggers an interaction; defaults to a plain member of the guild. */
export interface InvokerSpec {
  id?: string;
  username?: string;
  globalName?: string | null;
  roles?: string[];
}

interface CommonSpec {
  user?: InvokerSpec;
  locale?: `${Locale}`;
  /** Member permissions; defaults to a plain member's. */
  permissions?: bigint;
  appPermissions?: bigint;
}

export interface SlashCommandSpec extends CommonSpec {
  kind: 'slash';
  name: string;
  subcommand?: string;
  /** `{ question: 'x' }` (strings, booleans, integers, other numbers inferred) or raw options. */
  options?: Record<string, OptionValue> | APIApplicationCommandInteractionDataBasicOption[];
}

export interface AutocompleteSpec extends CommonSpec {
  kind: 'autocomplete';
  name: string;
  subcommand?: string;
  options: Record<string, OptionValue> | APIApplicationCommandInteractionDataBasicOption[];
  /** Name of the focused option (for the record form); raw options mark `focused: true` themselves. */
  focused?: string;
}

export interface ButtonSpec extends CommonSpec {
  kind: 'button';
  customId: string;
  /** The message carrying the button: a stored message, its id, or omitted for a fresh bot message. */
  message?: APIMessage | string;
}

export interface MessageContextMenuSpec extends CommonSpec {
  kind: 'messageContextMenu';
  name: string;
  /** A stored message, its id, or a description of a new one (stored in the channel). */
  targetMessage: APIMessage | string | { content: string; author?: InvokerSpec };
}

export type InteractionSpec = SlashCommandSpec | AutocompleteSpec | ButtonSpec | MessageContextMenuSpec;

// ---------------------------------------------------------------------------
// Spec builders (pure: the stand-in fills in ids, guild, channel, member)
// ---------------------------------------------------------------------------

/** A spec without its `kind`, which the builder adds. */
type SpecOf<T> = Omit<T, 'kind'>;

export function slashCommand(spec: SpecOf<SlashCommandSpec>): SlashCommandSpec {
  return { kind: 'slash', ...spec };
}

export function autocomplete(spec: SpecOf<AutocompleteSpec>): AutocompleteSpec {
  const focusedCount = Array.isArray(spec.options)
    ? spec.options.filter((o) => 'focused' in o && o.focused === true).length
    : spec.focused !== undefined && spec.focused in spec.options
      ? 1
      : 0;
  if (focusedCount !== 1) throw new Error('autocomplete needs exactly one focused option');
  return { kind: 'autocomplete', ...spec };
}

export function button(spec: SpecOf<ButtonSpec>): ButtonSpec {
  return { kind: 'button', ...spec };
}

export function messageContextMenu(spec: SpecOf<MessageContextMenuSpec>): MessageContextMenuSpec {
  return { kind: 'messageContextMenu', ...spec };
}

// ---------------------------------------------------------------------------
// Ids and small helpers
// ---------------------------------------------------------------------------

const DISCORD_EPOCH = 1420070400000n;
let lastSnowflake = 0n;

/** A valid, strictly increasing snowflake (discord.js derives createdAt from it). */
export function snowflake(): string {
  let next = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  if (next <= lastSnowflake) next = lastSnowflake + 1n;
  lastSnowflake = next;
  return next.toString();
}

const DEFAULT_MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.UseApplicationCommands;

const DEFAULT_APP_PERMISSIONS =
  DEFAULT_MEMBER_PERMISSIONS | PermissionFlagsBits.ManageMessages | PermissionFlagsBits.PinMessages;

/** ApplicationCommandBadge, as a registered bot shows. */
const APP_FLAGS = 1 << 23;
const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;

const LOADING = Number(MessageFlags.Loading);
const EPHEMERAL = Number(MessageFlags.Ephemeral);

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function json(body: unknown, status = 200): Reply {
  return { status, body };
}

const noContent: Reply = { status: 204 };

function apiError(status: number, code: number, message: string): Reply {
  return { status, body: { message, code } };
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** Matches `/a/:x/b` against a path; returns the captured params or null. */
function matchTemplate(template: string, path: string): Record<string, string> | null {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return null;
      params[w.slice(1)] = g;
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

function matchesRoute(matcher: RouteMatcher, method: string, path: string): boolean {
  if (typeof matcher === 'function') return matcher({ method, path });
  if (matcher instanceof RegExp) return matcher.test(`${method} ${path}`);
  const [first, second] = matcher.split(' ');
  const [wantMethod, template] = second === undefined ? [null, first ?? ''] : [first ?? '', second];
  if (wantMethod !== null && wantMethod.toUpperCase() !== method) return false;
  return matchTemplate(template, path) !== null;
}

/** Items that tests can await as they arrive. */
class EventLog<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<{ predicate: (item: T) => boolean; settle: (item: T | Error) => void }>();

  constructor(private readonly describe: (item: T) => string) {}

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) if (waiter.predicate(item)) waiter.settle(item);
  }

  /** Resolves with the first item, already logged or future, that matches. */
  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const found = this.items.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        predicate,
        settle: (item: T | Error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          if (item instanceof Error) reject(item);
          else resolve(item);
        },
      };
      const timer = setTimeout(() => waiter.settle(new Error(this.timeoutMessage(what, timeoutMs))), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  rejectAll(error: Error): void {
    for (const waiter of [...this.waiters]) waiter.settle(error);
  }

  private timeoutMessage(what: string, timeoutMs: number): string {
    const recent = this.items.slice(-10).map(this.describe);
    return `Timed out after ${timeoutMs} ms waiting for ${what}; last seen:\n  ${recent.join('\n  ') || '(nothing)'}`;
  }
}

// ---------------------------------------------------------------------------
// Internal state
// ---------------------------------------------------------------------------

interface InteractionState {
  id: string;
  token: string;
  payload: APIInteraction;
  dispatchedAt: number;
  callbackType: number | null;
  originalMessageId: string | null;
  /** For components: the message the button sits on. */
  sourceMessageId: string | null;
  /** Original and follow-ups: the messages this token may fetch or edit. */
  messageIds: Set<string>;
}

interface GatewayConnection {
  id: number;
  socket: WebSocket;
  compression: 'zlib-stream' | 'identify' | null;
  deflate: zlib.Deflate | null;
  pending: Buffer[];
  /** Identified or resumed: dispatches may flow. */
  ready: boolean;
  closedByServer: boolean;
}

interface Session {
  id: string;
  seq: number;
  /** Dispatches of this session, kept so a RESUME can replay the ones the bot missed. */
  sent: { t: string; s: number; d: unknown }[];
}

type Handler = (request: RecordedRequest) => Reply;

type GatewayOnlyGuildField =
  | 'joined_at'
  | 'large'
  | 'member_count'
  | 'voice_states'
  | 'members'
  | 'channels'
  | 'threads'
  | 'presences'
  | 'stage_instances'
  | 'guild_scheduled_events'
  | 'soundboard_sounds';
type RestGuild = Omit<GatewayGuildCreateDispatchData, GatewayOnlyGuildField>;

// ---------------------------------------------------------------------------
// The stand-in
// ---------------------------------------------------------------------------

export class DiscordStandin {
  /** Ids of the fake world: one application/bot, one guild with one text channel, one default invoker. */
  readonly world = {
    applicationId: snowflake(),
    guildId: snowflake(),
    channelId: snowflake(),
    memberRoleId: snowflake(),
    userId: snowflake(),
  };
  readonly botUser: APIUser = {
    id: this.world.applicationId,
    username: 'hoso-test',
    global_name: null,
    discriminator: '7437',
    avatar: null,
    bot: true,
  };

  /** Mutable fault knobs for pins. */
  pinLimit: number;
  pinsForbidden = false;

  private readonly server = http.createServer((req, res) => void this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ server: this.server });
  private readonly heartbeatIntervalMs: number;
  private readonly callbackDeadlineMs: number | null;
  private readonly appPermissions: bigint;
  private readonly requestLog = new EventLog<RecordedRequest>((r) => `${r.method} ${r.path} -> ${r.status}`);
  private readonly frameLog = new EventLog<GatewayFrame>((f) => `${f.direction} op ${f.op} ${f.t ?? ''}`);
  private readonly closeLog = new EventLog<GatewayClose>((c) => `#${c.connection} ${c.code} by ${c.by}`);
  private readonly connectionLog: GatewayConnectionInfo[] = [];
  private readonly sockets = new Set<GatewayConnection>();
  private readonly faults: { matcher: RouteMatcher; fault: Fault; left: number }[] = [];
  private readonly interactions = new Map<string, InteractionState>();
  private readonly byToken = new Map<string, InteractionState>();
  private readonly messageStore = new Map<string, APIMessage>();
  private readonly pinnedAt = new Map<string, string>();
  private readonly commandStore = new Map<string, APIApplicationCommand[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Requests outside /api/v10: recorded, never routed. */
  private readonly unversioned = new WeakSet<RecordedRequest>();
  private readonly routes: [string, string, Handler][];
  private session: Session | null = null;
  private live: GatewayConnection | null = null;
  private acksEnabled = true;
  private requestSeq = 0;
  private connectionSeq = 0;
  private closed = false;
  private port = 0;

  private constructor(options: StandinOptions) {
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.pinLimit = options.pinLimit ?? 250;
    this.callbackDeadlineMs = options.callbackDeadlineMs === undefined ? 3_000 : options.callbackDeadlineMs;
    this.appPermissions = options.appPermissions ?? DEFAULT_APP_PERMISSIONS;
    this.routes = this.buildRoutes();
    this.wss.on('connection', (socket, req) => this.onConnection(socket, req));
  }

  /** Starts listening on a random free port of 127.0.0.1. */
  static async start(options: StandinOptions = {}): Promise<DiscordStandin> {
    const standin = new DiscordStandin(options);
    await new Promise<void>((resolve, reject) => {
      standin.server.once('error', reject);
      standin.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = standin.server.address();
    if (address === null || typeof address === 'string') throw new Error('stand-in has no TCP address');
    standin.port = address.port;
    return standin;
  }

  /** For `new Client({ rest: { api: standin.apiUrl } })`; discord.js appends `/v10`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** READY's resume_gateway_url: a distinct path, so tests can see the bot resumed where told. */
  get resumeGatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/resume`;
  }

  get requests(): readonly RecordedRequest[] {
    return this.requestLog.items;
  }

  get frames(): readonly GatewayFrame[] {
    return this.frameLog.items;
  }

  get closes(): readonly GatewayClose[] {
    return this.closeLog.items;
  }

  get connections(): readonly GatewayConnectionInfo[] {
    return this.connectionLog;
  }

  get sessionId(): string | null {
    return this.session?.id ?? null;
  }

  /** Last sequence number sent in the current session. */
  get seq(): number {
    return this.session?.seq ?? 0;
  }

  get messages(): ReadonlyMap<string, APIMessage> {
    return this.messageStore;
  }

  /** Commands stored by bulk overwrite: global, or for one guild. */
  commands(guildId?: string): APIApplicationCommand[] {
    return this.commandStore.get(guildId ?? 'global') ?? [];
  }

  /** Callback and webhook requests the bot made for one interaction, in order. */
  interactionResponses(interactionId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.interactionId === interactionId);
  }

  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    return this.requestLog.waitFor(predicate, timeoutMs, 'a matching request');
  }

  waitForFrame(predicate: (f: GatewayFrame) => boolean, timeoutMs = 5_000): Promise<GatewayFrame> {
    return this.frameLog.waitFor(predicate, timeoutMs, 'a matching gateway frame');
  }

  waitForClose(predicate: (c: GatewayClose) => boolean = () => true, timeoutMs = 5_000): Promise<GatewayClose> {
    return this.closeLog.waitFor(predicate, timeoutMs, 'a gateway close');
  }

  /** Makes the next `times` requests matching `matcher` fail (or stall) as described. */
  failNext(matcher: RouteMatcher, fault: Fault, times = 1): void {
    this.faults.push({ matcher, fault, left: times });
  }

  /** Stores a message in the channel, e.g. a user's message for a context menu or a pin. */
  seedMessage(content: string, author: InvokerSpec = {}): APIMessage {
    const message = this.newMessage({ content }, this.invoker(author));
    this.messageStore.set(message.id, message);
    return message;
  }

  // -------------------------------------------------------------------------
  // Gateway: connection, handshake, sessions
  // -------------------------------------------------------------------------

  private onConnection(socket: WebSocket, req: http.IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const conn: GatewayConnection = {
      id: ++this.connectionSeq,
      socket,
      compression: query['compress'] === 'zlib-stream' ? 'zlib-stream' : null,
      deflate: null,
      pending: [],
      ready: false,
      closedByServer: false,
    };
    this.connectionLog.push({ id: conn.id, path: url.pathname, query, openedAt: Date.now() });
    this.sockets.add(conn);
    if (conn.compression === 'zlib-stream') this.startDeflate(conn);
    socket.on('message', (data, isBinary) => this.onFrame(conn, data, isBinary));
    socket.on('close', (code, reason) => this.onSocketClose(conn, code, reason.toString()));
    socket.on('error', () => undefined); // a reset socket also emits 'close', which is what we record
    if (query['v'] !== '10') return this.closeWith(conn, 4012, 'Invalid API version');
    if (query['encoding'] !== 'json') return this.closeWith(conn, 4002, 'Decode error');
    this.send(conn, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  /** zlib-stream: one deflate context per connection, each payload ending in a sync flush (00 00 ff ff). */
  private startDeflate(conn: GatewayConnection): void {
    const deflate = zlib.createDeflate({ chunkSize: 65_535 });
    deflate.on('data', (chunk: Buffer) => {
      conn.pending.push(chunk);
      const joined = Buffer.concat(conn.pending);
      if (joined.length >= 4 && joined.subarray(-4).equals(Buffer.from([0, 0, 0xff, 0xff]))) {
        conn.pending = [];
        if (conn.socket.readyState === WebSocket.OPEN) conn.socket.send(joined);
      }
    });
    conn.deflate = deflate;
  }

  private onFrame(conn: GatewayConnection, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString()) as typeof payload;
    } catch {
      return this.closeWith(conn, 4002, 'Decode error');
    }
    const op = typeof payload.op === 'number' ? payload.op : -1;
    this.frameLog.push({ connection: conn.id, direction: 'in', at: Date.now(), op, t: null, s: null, d: payload.d });
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        if (this.acksEnabled) this.send(conn, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        return this.onIdentify(conn, payload.d as { compress?: boolean; shard?: [number, number] });
      case GatewayOpcodes.Resume:
        return this.onResume(conn, payload.d as { session_id?: string; seq?: number });
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        // Recorded above; nothing to answer in this small world.
        return conn.ready ? undefined : this.closeWith(conn, 4003, 'Not authenticated');
      default:
        return this.closeWith(conn, 4001, 'Unknown opcode');
    }
  }

  private onIdentify(conn: GatewayConnection, d: { compress?: boolean; shard?: [number, number] }): void {
    if (conn.ready) return this.closeWith(conn, 4005, 'Already authenticated');
    if (d.compress === true && conn.compression === null) conn.compression = 'identify';
    this.session = { id: randomBytes(16).toString('hex'), seq: 0, sent: [] };
    this.bind(conn);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.botUser,
      guilds: [{ id: this.world.guildId, unavailable: true }],
      session_id: this.session.id,
      resume_gateway_url: this.resumeGatewayUrl,
      shard: d.shard ?? [0, 1],
      application: { id: this.world.applicationId, flags: APP_FLAGS, flags_new: String(APP_FLAGS) },
    };
    this.dispatch(GatewayDispatchEvents.Ready, ready);
    this.dispatch(GatewayDispatchEvents.GuildCreate, this.guildCreate());
  }

  private onResume(conn: GatewayConnection, d: { session_id?: string; seq?: number }): void {
    const session = this.session;
    if (session === null || d.session_id !== session.id) {
      return this.send(conn, { op: GatewayOpcodes.InvalidSession, d: false });
    }
    this.bind(conn);
    // Replay what the bot missed, then tell it the resume is complete.
    for (const event of session.sent) {
      if (event.s > (d.seq ?? 0)) this.send(conn, { op: GatewayOpcodes.Dispatch, ...event });
    }
    this.dispatch(GatewayDispatchEvents.Resumed, null);
  }

  /** Makes `conn` the session's connection; an older one is left to the bot to close. */
  private bind(conn: GatewayConnection): void {
    conn.ready = true;
    this.live = conn;
  }

  private onSocketClose(conn: GatewayConnection, code: number, reason: string): void {
    this.sockets.delete(conn);
    conn.deflate?.destroy();
    if (this.live === conn) this.live = null;
    const by = conn.closedByServer ? 'server' : 'client';
    this.closeLog.push({ connection: conn.id, code, reason, by, at: Date.now() });
  }

  private send(conn: GatewayConnection, payload: { op: number; d?: unknown; t?: string; s?: number }): void {
    const frame = { op: payload.op, d: payload.d ?? null, s: payload.s ?? null, t: payload.t ?? null };
    this.frameLog.push({ connection: conn.id, direction: 'out', at: Date.now(), ...frame });
    if (conn.socket.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(frame);
    if (conn.compression === 'zlib-stream' && conn.deflate !== null) {
      conn.deflate.write(text);
      conn.deflate.flush(zlib.constants.Z_SYNC_FLUSH);
    } else if (conn.compression === 'identify') {
      conn.socket.send(zlib.deflateSync(text));
    } else {
      conn.socket.send(text);
    }
  }

  private closeWith(conn: GatewayConnection, code: number, reason: string): void {
    conn.closedByServer = true;
    conn.socket.close(code, reason);
  }

  /**
   * Sends a dispatch (op 0) in the current session; returns its sequence number.
   * Without a live connection it is only kept, and replayed when the bot resumes.
   */
  dispatch(t: string, d: unknown): number {
    const session = this.session;
    if (session === null) throw new Error('no gateway session: the bot has not identified');
    const event = { t, s: ++session.seq, d };
    session.sent.push(event);
    if (session.sent.length > 1_000) session.sent.shift();
    if (this.live?.ready === true) this.send(this.live, { op: GatewayOpcodes.Dispatch, ...event });
    return event.s;
  }

  // Fault hooks for the gateway.

  /** Ends the live connection: abruptly (the bot sees 1006) or with a close code such as 4000. */
  dropConnection(closeCode?: number): void {
    const conn = this.requireLive();
    conn.closedByServer = true;
    this.live = null;
    if (closeCode === undefined) conn.socket.terminate();
    else conn.socket.close(closeCode, 'stand-in dropped the connection');
  }

  /** op 7: the bot should close (4200 in discord.js) and resume on resume_gateway_url. */
  sendReconnect(): void {
    this.send(this.requireLive(), { op: GatewayOpcodes.Reconnect });
  }

  /** op 9: resumable sessions are resumed on the same socket, others re-identify. */
  sendInvalidSession(resumable: boolean): void {
    const conn = this.requireLive();
    if (!resumable) {
      this.session = null;
      conn.ready = false;
    }
    this.send(conn, { op: GatewayOpcodes.InvalidSession, d: resumable });
  }

  /** op 1 from the server: the bot must heartbeat at once. */
  requestHeartbeat(): void {
    this.send(this.requireLive(), { op: GatewayOpcodes.Heartbeat, d: null });
  }

  /** Heartbeats go unanswered, so discord.js declares a zombie connection and resumes. */
  stopHeartbeatAcks(): void {
    this.acksEnabled = false;
  }

  resumeHeartbeatAcks(): void {
    this.acksEnabled = true;
  }

  private requireLive(): GatewayConnection {
    if (this.live === null) throw new Error('no live gateway connection');
    return this.live;
  }

  // -------------------------------------------------------------------------
  // Interactions
  // -------------------------------------------------------------------------

  /** Builds the full INTERACTION_CREATE payload for a compact spec. */
  buildInteraction(spec: InteractionSpec): APIInteraction {
    const base = this.interactionBase(spec);
    switch (spec.kind) {
      case 'slash':
        return {
          ...base,
          type: InteractionType.ApplicationCommand,
          data: {
            id: this.commandId(spec.name),
            name: spec.name,
            type: ApplicationCommandType.ChatInput,
            guild_id: this.world.guildId,
            options: wrapSubcommand(spec.subcommand, toOptions(spec.options ?? {}, undefined)),
          },
        };
      case 'autocomplete':
        return {
          ...base,
          type: InteractionType.ApplicationCommandAutocomplete,
          data: {
            id: this.commandId(spec.name),
            name: spec.name,
            type: ApplicationCommandType.ChatInput,
            guild_id: this.world.guildId,
            options: wrapSubcommand(spec.subcommand, toOptions(spec.options, spec.focused)),
          },
        };
      case 'button': {
        const message = this.resolveButtonMessage(spec);
        return {
          ...base,
          type: InteractionType.MessageComponent,
          message,
          data: { custom_id: spec.customId, component_type: ComponentType.Button },
        };
      }
      case 'messageContextMenu': {
        const target = this.resolveTargetMessage(spec.targetMessage);
        return {
          ...base,
          type: InteractionType.ApplicationCommand,
          data: {
            id: this.commandId(spec.name),
            name: spec.name,
            type: ApplicationCommandType.Message,
            guild_id: this.world.guildId,
            target_id: target.id,
            resolved: { messages: { [target.id]: target } },
          },
        };
      }
    }
  }

  /** Sends an interaction built from `spec` over the gateway. */
  dispatchInteraction(spec: InteractionSpec): DispatchedInteraction {
    return this.dispatchRawInteraction(this.buildInteraction(spec));
  }

  /** Sends a hand-made payload (e.g. `buildInteraction` output with fields changed). */
  dispatchRawInteraction(payload: APIInteraction): DispatchedInteraction {
    const state: InteractionState = {
      id: payload.id,
      token: payload.token,
      payload,
      dispatchedAt: Date.now(),
      callbackType: null,
      originalMessageId: null,
      sourceMessageId: payload.message?.id ?? null,
      messageIds: new Set(),
    };
    this.interactions.set(state.id, state);
    this.byToken.set(state.token, state);
    const seq = this.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return new DispatchedInteraction(this, payload, state.dispatchedAt, seq);
  }

  private interactionBase(spec: InteractionSpec) {
    const user = this.invoker(spec.user ?? {});
    const permissions = (spec.permissions ?? DEFAULT_MEMBER_PERMISSIONS).toString();
    const member: APIInteractionGuildMember = {
      user,
      roles: spec.user?.roles ?? [this.world.memberRoleId],
      joined_at: '2024-01-01T00:00:00.000Z',
      premium_since: null,
      nick: null,
      avatar: null,
      banner: null,
      deaf: false,
      mute: false,
      flags: NO_MEMBER_FLAGS,
      pending: false,
      communication_disabled_until: null,
      permissions,
    };
    return {
      id: snowflake(),
      application_id: this.world.applicationId,
      token: `itok.${randomBytes(24).toString('base64url')}`,
      version: 1 as const,
      guild: { id: this.world.guildId, locale: 'en-US' as Locale, features: [] },
      guild_id: this.world.guildId,
      channel_id: this.world.channelId,
      channel: { ...this.textChannel(), permissions },
      member,
      app_permissions: (spec.appPermissions ?? this.appPermissions).toString(),
      locale: (spec.locale ?? 'en-US') as Locale,
      guild_locale: 'en-US' as Locale,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: this.world.guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  private invoker(spec: InvokerSpec): APIUser {
    const username = spec.username ?? 'tester';
    return {
      id: spec.id ?? this.world.userId,
      username,
      global_name: spec.globalName === undefined ? 'Tester' : spec.globalName,
      discriminator: '0',
      avatar: null,
    };
  }

  /** The id of a registered command with that name (guild first), else a fresh one. */
  private commandId(name: string): string {
    const registered = [...this.commands(this.world.guildId), ...this.commands()].find((c) => c.name === name);
    return registered?.id ?? snowflake();
  }

  private resolveButtonMessage(spec: ButtonSpec): APIMessage {
    if (typeof spec.message === 'object') return spec.message;
    if (typeof spec.message === 'string') return this.requireMessage(spec.message);
    const buttonRow = {
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.Button, style: 1, label: 'Button', custom_id: spec.customId }],
    };
    const message = this.newMessage({ content: 'Message with a button', components: [buttonRow] }, this.botUser);
    this.messageStore.set(message.id, message);
    return message;
  }

  private resolveTargetMessage(target: MessageContextMenuSpec['targetMessage']): APIMessage {
    if (typeof target === 'string') return this.requireMessage(target);
    if ('id' in target) return target;
    return this.seedMessage(target.content, target.author ?? {});
  }

  private requireMessage(id: string): APIMessage {
    const message = this.messageStore.get(id);
    if (message === undefined) throw new Error(`no stored message ${id}`);
    return message;
  }

  // -------------------------------------------------------------------------
  // Fixtures: guild, channel, roles, messages
  // -------------------------------------------------------------------------

  private textChannel(): APIGuildTextChannel<ChannelType.GuildText> {
    return {
      id: this.world.channelId,
      type: ChannelType.GuildText,
      guild_id: this.world.guildId,
      name: 'hoi-dap',
      position: 0,
      parent_id: null,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0 as ChannelFlags,
    };
  }

  private roles(): APIRole[] {
    const role = (id: string, name: string, position: number, permissions: bigint): APIRole => ({
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: permissions.toString(),
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    });
    return [
      // @everyone shares the guild's id.
      role(this.world.guildId, '@everyone', 0, DEFAULT_MEMBER_PERMISSIONS),
      role(this.world.memberRoleId, 'member', 1, DEFAULT_MEMBER_PERMISSIONS),
    ];
  }

  /** The guild as `GET /guilds/:id` returns it; GUILD_CREATE adds the gateway-only fields. */
  private guild(): RestGuild {
    return {
      id: this.world.guildId,
      name: 'hoso test guild',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.world.userId,
      region: 'deprecated',
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: this.roles(),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500_000,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US' as Locale,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  private guildCreate(): GatewayGuildCreateDispatchData {
    return {
      ...this.guild(),
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [
        {
          user: this.botUser,
          roles: [],
          joined_at: new Date().toISOString(),
          premium_since: null,
          nick: null,
          avatar: null,
          banner: null,
          deaf: false,
          mute: false,
          flags: NO_MEMBER_FLAGS,
        },
      ],
      channels: [this.textChannel()],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** A message as Discord would return it, from a create/edit body. */
  private newMessage(body: MessageBody, author: APIUser, extra: Partial<APIMessage> = {}): APIMessage {
    return {
      id: snowflake(),
      channel_id: this.world.channelId,
      author,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts ?? false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: (body.embeds ?? []) as APIMessage['embeds'],
      components: (body.components ?? []) as NonNullable<APIMessage['components']>,
      pinned: false,
      type: MessageType.Default,
      flags: body.flags ?? 0,
      ...extra,
    };
  }

  /** A message sent through an interaction token: authored by the bot via the app's webhook. */
  private interactionMessage(state: InteractionState, body: MessageBody, files: RecordedFile[]): APIMessage {
    const message = this.newMessage(body, this.botUser, {
      webhook_id: this.world.applicationId,
      application_id: this.world.applicationId,
      type: state.payload.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
      attachments: toAttachments(files),
    });
    this.messageStore.set(message.id, message);
    state.messageIds.add(message.id);
    return message;
  }

  private editMessage(message: APIMessage, body: MessageBody, files: RecordedFile[]): APIMessage {
    const edited: APIMessage = {
      ...message,
      edited_timestamp: new Date().toISOString(),
      flags: (body.flags ?? message.flags ?? 0) & ~LOADING,
    };
    if (body.content !== undefined) edited.content = body.content ?? '';
    if (body.embeds !== undefined) edited.embeds = (body.embeds ?? []) as APIMessage['embeds'];
    if (body.components !== undefined) edited.components = (body.components ?? []) as NonNullable<APIMessage['components']>;
    if (files.length > 0) edited.attachments = [...message.attachments, ...toAttachments(files)];
    this.messageStore.set(edited.id, edited);
    return edited;
  }

  // -------------------------------------------------------------------------
  // REST
  // -------------------------------------------------------------------------

  private buildRoutes(): [string, string, Handler][] {
    return [
      ['GET', '/gateway/bot', () => this.gatewayBot()],
      ['GET', '/users/@me', () => json(this.botUser)],
      ['GET', '/applications/@me', () => json(this.application())],
      ['POST', '/interactions/:id/:token/callback', (r) => this.interactionCallback(r)],
      ['GET', '/webhooks/:appId/:token/messages/@original', (r) => this.webhookMessage(r, 'get', '@original')],
      ['PATCH', '/webhooks/:appId/:token/messages/@original', (r) => this.webhookMessage(r, 'edit', '@original')],
      ['DELETE', '/webhooks/:appId/:token/messages/@original', (r) => this.webhookMessage(r, 'delete', '@original')],
      ['GET', '/webhooks/:appId/:token/messages/:messageId', (r) => this.webhookMessage(r, 'get', r.params['messageId'])],
      ['PATCH', '/webhooks/:appId/:token/messages/:messageId', (r) => this.webhookMessage(r, 'edit', r.params['messageId'])],
      ['DELETE', '/webhooks/:appId/:token/messages/:messageId', (r) => this.webhookMessage(r, 'delete', r.params['messageId'])],
      ['POST', '/webhooks/:appId/:token', (r) => this.followUp(r)],
      ['GET', '/channels/:channelId', (r) => this.inChannel(r, () => json(this.textChannel()))],
      ['POST', '/channels/:channelId/messages', (r) => this.inChannel(r, () => this.channelMessage(r))],
      ['GET', '/channels/:channelId/messages/pins', (r) => this.inChannel(r, () => json(this.pinList()))],
      ['GET', '/channels/:channelId/pins', (r) => this.inChannel(r, () => json(this.pinList().items.map((p) => p.message)))],
      ['PUT', '/channels/:channelId/messages/pins/:messageId', (r) => this.inChannel(r, () => this.pin(r, true))],
      ['DELETE', '/channels/:channelId/messages/pins/:messageId', (r) => this.inChannel(r, () => this.pin(r, false))],
      ['PUT', '/channels/:channelId/pins/:messageId', (r) => this.inChannel(r, () => this.pin(r, true))],
      ['DELETE', '/channels/:channelId/pins/:messageId', (r) => this.inChannel(r, () => this.pin(r, false))],
      ['GET', '/channels/:channelId/messages/:messageId', (r) => this.inChannel(r, () => this.getChannelMessage(r))],
      ['GET', '/guilds/:guildId', (r) => this.inGuild(r, () => json(this.guild()))],
      ['GET', '/guilds/:guildId/roles', (r) => this.inGuild(r, () => json(this.roles()))],
      ['GET', '/applications/:appId/commands', (r) => this.listCommands(r, 'global')],
      ['PUT', '/applications/:appId/commands', (r) => this.overwriteCommands(r, 'global')],
      ['GET', '/applications/:appId/guilds/:guildId/commands', (r) => this.inGuild(r, () => this.listCommands(r, this.world.guildId))],
      ['PUT', '/applications/:appId/guilds/:guildId/commands', (r) => this.inGuild(r, () => this.overwriteCommands(r, this.world.guildId))],
    ];
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      await this.answer(req, res);
    } catch (error) {
      // A bug here must show up as a failed request, not as an unhandled rejection.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `stand-in error: ${String(error)}`, code: 0 }));
    }
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const record = await this.recordOf(req, url, raw, receivedAt);
    const handler = this.resolve(record);
    const fault = this.takeFault(record.method, record.path);
    record.fault = fault;
    if (fault !== null && 'delayMs' in fault) await this.sleep(fault.delayMs);
    if (this.closed) return;
    const reply = fault !== null && !('delayMs' in fault) ? faultReply(fault) : this.handle(record, handler);
    record.status = reply.status;
    res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    this.requestLog.push(record);
  }

  private async recordOf(req: http.IncomingMessage, url: URL, raw: Buffer, receivedAt: number): Promise<RecordedRequest> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== 'authorization' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const prefix = '/api/v10';
    const versioned = url.pathname.startsWith(`${prefix}/`);
    // discord.js escapes '@' (`%40original`, `%40me`); routes are matched on decoded segments.
    const path = decodePath(versioned ? url.pathname.slice(prefix.length) : url.pathname);
    const { body, files } = await parseBody(headers['content-type'] ?? '', raw);
    const record: RecordedRequest = {
      seq: ++this.requestSeq,
      method: req.method ?? 'GET',
      path,
      route: null,
      params: {},
      query: Object.fromEntries(url.searchParams),
      headers,
      authorized: typeof req.headers.authorization === 'string' && req.headers.authorization.length > 0,
      body,
      files,
      receivedAt,
      status: 0,
      interactionId: null,
      fault: null,
    };
    if (!versioned) this.unversioned.add(record);
    return record;
  }

  private takeFault(method: string, path: string): Fault | null {
    const index = this.faults.findIndex((f) => matchesRoute(f.matcher, method, path));
    const entry = this.faults[index];
    if (entry === undefined) return null;
    if (--entry.left <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }

  /** Finds the route and fills in route, params and interactionId; null for unknown routes. */
  private resolve(record: RecordedRequest): Handler | null {
    for (const [method, template, handler] of this.unversioned.has(record) ? [] : this.routes) {
      const params = method === record.method ? matchTemplate(template, record.path) : null;
      if (params === null) continue;
      record.route = `${method} ${template}`;
      record.params = params;
      record.interactionId = this.interactionOf(params);
      return handler;
    }
    return null;
  }

  private handle(record: RecordedRequest, handler: Handler | null): Reply {
    if (handler === null) return apiError(404, 0, 'Unknown route');
    const isWebhook = record.path.startsWith('/interactions/') || record.path.startsWith('/webhooks/');
    if (!isWebhook && !record.authorized) return apiError(401, 0, '401: Unauthorized');
    return handler(record);
  }

  private interactionOf(params: Record<string, string>): string | null {
    const byId = params['id'] === undefined ? undefined : this.interactions.get(params['id']);
    const byToken = params['token'] === undefined ? undefined : this.byToken.get(params['token']);
    return (byId ?? byToken)?.id ?? null;
  }

  private gatewayBot(): Reply {
    return json({
      url: this.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    });
  }

  private application() {
    return {
      id: this.world.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: 'f'.repeat(64),
      flags: APP_FLAGS,
      team: null,
      owner: this.invoker({}),
      bot: this.botUser,
      summary: '',
    };
  }

  private interactionCallback(r: RecordedRequest): Reply {
    const state = this.interactions.get(r.params['id'] ?? '');
    if (state === undefined || state.token !== r.params['token']) return unknownInteraction();
    if (state.callbackType !== null) {
      return apiError(400, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.');
    }
    if (this.callbackDeadlineMs !== null && r.receivedAt - state.dispatchedAt > this.callbackDeadlineMs) {
      return unknownInteraction();
    }
    const callback = (r.body ?? {}) as { type?: number; data?: MessageBody };
    const outcome = this.applyCallback(state, callback.type ?? -1, callback.data ?? {}, r.files);
    if ('status' in outcome) return outcome;
    state.callbackType = callback.type ?? -1;
    if (r.query['with_response'] !== 'true') return noContent;
    return json({
      interaction: {
        id: state.id,
        type: state.payload.type,
        response_message_id: outcome.message?.id,
        response_message_loading: outcome.message === undefined ? undefined : ((outcome.message.flags ?? 0) & LOADING) !== 0,
        response_message_ephemeral: outcome.message === undefined ? undefined : ((outcome.message.flags ?? 0) & EPHEMERAL) !== 0,
      },
      resource: { type: state.callbackType, ...(outcome.message === undefined ? {} : { message: outcome.message }) },
    });
  }

  /** Applies one callback type; returns the message it produced, or an error reply. */
  private applyCallback(state: InteractionState, type: number, data: MessageBody, files: RecordedFile[]): Reply | { message?: APIMessage } {
    const isComponent = state.payload.type === InteractionType.MessageComponent;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        if (isEmptyMessage(data, files)) return emptyMessage();
        const message = this.interactionMessage(state, data, files);
        state.originalMessageId = message.id;
        return { message };
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const message = this.interactionMessage(state, { flags: (data.flags ?? 0) | LOADING }, []);
        state.originalMessageId = message.id;
        return { message };
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        const source = state.sourceMessageId === null ? undefined : this.messageStore.get(state.sourceMessageId);
        if (!isComponent || source === undefined) return invalidForm('This interaction has no message to update');
        state.originalMessageId = source.id;
        state.messageIds.add(source.id);
        const updated = type === InteractionResponseType.UpdateMessage ? this.editMessage(source, data, files) : source;
        return { message: updated };
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        if (state.payload.type !== InteractionType.ApplicationCommandAutocomplete) return invalidForm('Not an autocomplete interaction');
        return {};
      case InteractionResponseType.Modal:
        if (state.payload.type === InteractionType.ApplicationCommandAutocomplete) return invalidForm('Autocomplete cannot open a modal');
        return {};
      default:
        return invalidForm(`Unsupported interaction callback type ${type}`);
    }
  }

  private webhookMessage(r: RecordedRequest, action: 'get' | 'edit' | 'delete', which: string | undefined): Reply {
    const state = this.webhookState(r);
    if (state === null) return unknownWebhook();
    const id = which === '@original' ? state.originalMessageId : which;
    const message = id === null || id === undefined || !state.messageIds.has(id) ? undefined : this.messageStore.get(id);
    if (message === undefined) return apiError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
    if (action === 'get') return json(message);
    if (action === 'delete') {
      this.messageStore.delete(message.id);
      state.messageIds.delete(message.id);
      return noContent;
    }
    return json(this.editMessage(message, (r.body ?? {}) as MessageBody, r.files));
  }

  /** Follow-ups; after a deferral the first one fills in the loading original, as Discord does. */
  private followUp(r: RecordedRequest): Reply {
    const state = this.webhookState(r);
    if (state === null) return unknownWebhook();
    const body = (r.body ?? {}) as MessageBody;
    if (isEmptyMessage(body, r.files)) return emptyMessage();
    const original = state.originalMessageId === null ? undefined : this.messageStore.get(state.originalMessageId);
    const message =
      original !== undefined && ((original.flags ?? 0) & LOADING) !== 0
        ? this.editMessage(original, { ...body, flags: original.flags ?? 0 }, r.files)
        : this.interactionMessage(state, body, r.files);
    return r.query['wait'] === 'false' ? noContent : json(message);
  }

  /** The interaction behind a webhook token, once it has been acknowledged. */
  private webhookState(r: RecordedRequest): InteractionState | null {
    const state = this.byToken.get(r.params['token'] ?? '');
    if (state === undefined || r.params['appId'] !== this.world.applicationId || state.callbackType === null) return null;
    return state;
  }

  private inChannel(r: RecordedRequest, handle: () => Reply): Reply {
    if (r.params['channelId'] !== this.world.channelId) return apiError(404, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
    return handle();
  }

  private inGuild(r: RecordedRequest, handle: () => Reply): Reply {
    if (r.params['guildId'] !== this.world.guildId) return apiError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
    return handle();
  }

  private channelMessage(r: RecordedRequest): Reply {
    const body = (r.body ?? {}) as MessageBody & { message_reference?: { message_id?: string } };
    if (isEmptyMessage(body, r.files)) return emptyMessage();
    const replyTo = body.message_reference?.message_id;
    const referenced = replyTo === undefined ? undefined : this.messageStore.get(replyTo);
    const message = this.newMessage(body, this.botUser, {
      attachments: toAttachments(r.files),
      ...(referenced === undefined
        ? {}
        : {
            type: MessageType.Reply,
            message_reference: { message_id: referenced.id, channel_id: referenced.channel_id, guild_id: this.world.guildId },
            referenced_message: referenced,
          }),
    });
    this.messageStore.set(message.id, message);
    return json(message);
  }

  private getChannelMessage(r: RecordedRequest): Reply {
    const message = this.messageStore.get(r.params['messageId'] ?? '');
    return message === undefined ? apiError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message') : json(message);
  }

  private pin(r: RecordedRequest, pin: boolean): Reply {
    if (this.pinsForbidden) return apiError(403, RESTJSONErrorCodes.MissingPermissions, 'Missing Permissions');
    const message = this.messageStore.get(r.params['messageId'] ?? '');
    if (message === undefined) return apiError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
    if (pin && !message.pinned && this.pinnedAt.size >= this.pinLimit) {
      return apiError(400, RESTJSONErrorCodes.MaximumNumberOfPinsReachedForTheChannel, `Maximum number of pins reached (${this.pinLimit})`);
    }
    this.messageStore.set(message.id, { ...message, pinned: pin });
    if (pin && !this.pinnedAt.has(message.id)) this.pinnedAt.set(message.id, new Date().toISOString());
    if (!pin) this.pinnedAt.delete(message.id);
    return noContent;
  }

  private pinList(): { items: { pinned_at: string; message: APIMessage }[]; has_more: boolean } {
    const items = [...this.pinnedAt].flatMap(([id, pinned_at]) => {
      const message = this.messageStore.get(id);
      return message === undefined ? [] : [{ pinned_at, message }];
    });
    return { items: items.reverse(), has_more: false };
  }

  private listCommands(r: RecordedRequest, scope: string): Reply {
    if (r.params['appId'] !== this.world.applicationId) return apiError(404, RESTJSONErrorCodes.UnknownApplication, 'Unknown Application');
    return json(this.commandStore.get(scope) ?? []);
  }

  /** Bulk overwrite: commands keep their id when name and type match an existing one. */
  private overwriteCommands(r: RecordedRequest, scope: string): Reply {
    if (r.params['appId'] !== this.world.applicationId) return apiError(404, RESTJSONErrorCodes.UnknownApplication, 'Unknown Application');
    if (!Array.isArray(r.body)) return invalidForm('Expected an array of commands');
    const previous = this.commandStore.get(scope) ?? [];
    const stored = (r.body as Partial<APIApplicationCommand>[]).map((body): APIApplicationCommand => {
      const type = body.type ?? ApplicationCommandType.ChatInput;
      const kept = previous.find((c) => c.name === body.name && c.type === type);
      return {
        ...body,
        id: kept?.id ?? snowflake(),
        application_id: this.world.applicationId,
        ...(scope === 'global' ? {} : { guild_id: scope }),
        name: body.name ?? '',
        description: body.description ?? '',
        type,
        default_member_permissions: body.default_member_permissions ?? null,
        nsfw: body.nsfw ?? false,
        version: snowflake(),
      } as APIApplicationCommand;
    });
    this.commandStore.set(scope, stored);
    return json(stored);
  }

  // -------------------------------------------------------------------------
  // Lifecycle
  // -------------------------------------------------------------------------

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Closes sockets, server and pending waits, leaving no handles behind. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const error = new Error('stand-in closed');
    this.requestLog.rejectAll(error);
    this.frameLog.rejectAll(error);
    this.closeLog.rejectAll(error);
    for (const conn of this.sockets) {
      conn.closedByServer = true;
      conn.deflate?.destroy();
      conn.socket.terminate();
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What a test gets back from dispatching an interaction. */
export class DispatchedInteraction {
  readonly id: string;
  readonly token: string;

  constructor(
    private readonly standin: DiscordStandin,
    readonly payload: APIInteraction,
    /** Date.now() when INTERACTION_CREATE was dispatched (or buffered for replay). */
    readonly dispatchedAt: number,
    readonly seq: number,
  ) {
    this.id = payload.id;
    this.token = payload.token;
  }

  /** Callback and webhook requests made so far for this interaction. */
  responses(): RecordedRequest[] {
    return this.standin.interactionResponses(this.id);
  }

  /** The bot's `POST /interactions/:id/:token/callback`. */
  callback(timeoutMs = 5_000): Promise<RecordedRequest> {
    return this.waitForResponse((r) => r.route === 'POST /interactions/:id/:token/callback', timeoutMs);
  }

  /** The first request for this interaction matching `predicate` (already made or still to come). */
  waitForResponse(predicate: (r: RecordedRequest) => boolean = () => true, timeoutMs = 5_000): Promise<RecordedRequest> {
    return this.standin.waitForRequest((r) => r.interactionId === this.id && predicate(r), timeoutMs);
  }
}

// ---------------------------------------------------------------------------
// Body parsing and small reply helpers
// ---------------------------------------------------------------------------

interface MessageBody {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: unknown[] | null;
  attachments?: unknown[] | null;
  flags?: number;
  tts?: boolean;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON bodies are parsed; multipart bodies (discord.js sends files that way) yield payload_json and file facts. */
async function parseBody(contentType: string, raw: Buffer): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    let body: unknown = null;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
      } else {
        files.push({ field, filename: value.name, contentType: value.type, size: value.size });
      }
    }
    return { body, files };
  }
  return { body: parseJson(raw.toString('utf8')), files: [] };
}

/** Parsed JSON, or the text itself when it is not JSON (so tests can still see it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toAttachments(files: RecordedFile[]): APIAttachment[] {
  return files.map((file) => {
    const id = snowflake();
    return {
      id,
      filename: file.filename,
      size: file.size,
      content_type: file.contentType,
      url: `https://cdn.invalid/attachments/${id}/${file.filename}`,
      proxy_url: `https://media.invalid/attachments/${id}/${file.filename}`,
    };
  });
}

function isEmptyMessage(body: MessageBody, files: RecordedFile[]): boolean {
  const has = (list: unknown[] | null | undefined) => Array.isArray(list) && list.length > 0;
  return !body.content && !has(body.embeds) && !has(body.components) && files.length === 0;
}

function toOptions(
  options: Record<string, OptionValue> | APIApplicationCommandInteractionDataBasicOption[],
  focused: string | undefined,
): APIApplicationCommandInteractionDataBasicOption[] {
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => {
    const focus = name === focused ? { focused: true } : {};
    if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value, ...focus };
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value, ...focus };
    const type = Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
    return { name, type, value, ...focus };
  }) as APIApplicationCommandInteractionDataBasicOption[];
}

function wrapSubcommand(
  subcommand: string | undefined,
  options: APIApplicationCommandInteractionDataBasicOption[],
): APIApplicationCommandInteractionDataOption[] {
  if (subcommand === undefined) return options;
  return [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options }];
}

function faultReply(fault: Exclude<Fault, { delayMs: number }>): Reply {
  if (fault.status === 429 && 'retryAfter' in fault) {
    const global = fault.global ?? false;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: fault.retryAfter, global },
      headers: {
        'retry-after': String(fault.retryAfter),
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    };
  }
  const code = 'code' in fault ? (fault.code ?? 0) : 0;
  const message = 'message' in fault ? fault.message : undefined;
  return apiError(fault.status, code, message ?? defaultFaultMessage(fault.status, code));
}

function defaultFaultMessage(status: number, code: number): string {
  if (code === RESTJSONErrorCodes.UnknownInteraction) return 'Unknown interaction';
  if (code === RESTJSONErrorCodes.MissingPermissions) return 'Missing Permissions';
  return `${status}: ${http.STATUS_CODES[status] ?? 'Error'}`;
}

function unknownInteraction(): Reply {
  return apiError(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction');
}

function unknownWebhook(): Reply {
  return apiError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
}

function emptyMessage(): Reply {
  return apiError(400, RESTJSONErrorCodes.CannotSendAnEmptyMessage, 'Cannot send an empty message');
}

function invalidForm(why: string): Reply {
  return apiError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, `Invalid Form Body: ${why}`);
}
