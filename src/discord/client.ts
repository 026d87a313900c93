// The Discord shell: a discord.js client (Guilds intent only) whose interactions go to the router.
// It keeps answering through network trouble and logs each fault once: a REST 429 or 5xx
// (discord.js waits and retries), a slow REST response, a lost gateway connection (resumed or
// re-identified). `stop()` drains: new interactions get a polite "restarting", those in flight
// finish (bounded), then the gateway closes with 1000.
import { Client, DefaultRestOptions, Events, GatewayIntentBits, RESTEvents, type ClientOptions, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { restartingReply } from '../app/availability.js';
import type { AppContext } from '../app/context.js';
import type { Cooldown } from '../app/cooldown.js';
import { toReplyLocale } from '../app/locale.js';
import type { BotObserver, GatewayState } from '../observability/metrics.js';
import type { Command } from './commands/index.js';
import { renderReply } from './render/payload.js';
import { Router } from './router.js';

/** A single Discord API response slower than this is logged (it eats into the 3 s to acknowledge). */
export const SLOW_REST_MS = 400;
/** How long `stop()` waits for interactions in flight before closing anyway. */
export const DRAIN_TIMEOUT_MS = 3_000;

export interface DiscordShellOptions {
  readonly token: string;
  /** REST base (discord.js appends /v10); the gateway URL comes from its /gateway/bot. */
  readonly apiUrl?: string;
  readonly ctx: AppContext;
  readonly commands: readonly Command[];
  readonly log: Logger;
  /** Acknowledge (defer) a slow handler after this long; see Router. */
  readonly deferAfterMs?: number;
  /** Per-member limits (see Router). */
  readonly cooldown?: Cooldown;
  readonly buttonCooldown?: Cooldown;
  /** Metrics; told about interactions, gateway state and Discord API trouble. */
  readonly observer?: BotObserver;
  /** discord.js gateway options (tests skip the 5 s re-identify throttle with buildIdentifyThrottler). */
  readonly ws?: ClientOptions['ws'];
  readonly slowRestMs?: number;
}

export interface DiscordShell {
  readonly client: Client<true>;
  readonly router: Router;
  /** Interactions being handled now. */
  readonly inFlight: number;
  readonly gatewayState: GatewayState;
  /** Drain (new interactions told the bot is restarting; those in flight given up to `drainMs`), then close the gateway (1000). Idempotent. */
  stop(options?: { readonly drainMs?: number }): Promise<void>;
}

/** Log in and resolve once the client is ready to answer. */
export async function startDiscord(options: DiscordShellOptions): Promise<DiscordShell> {
  const log = options.log.child({ module: 'discord' });
  const observer = options.observer;
  const slowRestMs = options.slowRestMs ?? SLOW_REST_MS;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      ...(options.apiUrl !== undefined ? { api: options.apiUrl } : {}),
      makeRequest: timedRequest(slowRestMs, (ms, method, url) => {
        observer?.discordApiProblem('slow');
        log.warn({ ms, method, path: safePath(url) }, 'slow Discord API response');
      }),
    },
    ...(options.ws !== undefined ? { ws: options.ws } : {}),
  });
  const router = new Router({
    commands: options.commands,
    ctx: options.ctx,
    log,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    ...(options.cooldown !== undefined ? { cooldown: options.cooldown } : {}),
    ...(options.buttonCooldown !== undefined ? { buttonCooldown: options.buttonCooldown } : {}),
    ...(observer !== undefined ? { observer } : {}),
  });

  let gatewayState: GatewayState = 'connecting';
  const setGateway = (state: GatewayState) => {
    gatewayState = state;
    observer?.gateway(state);
  };
  let draining = false;
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    observer?.inFlight(1);
    void work.finally(() => {
      inFlight.delete(work);
      observer?.inFlight(-1);
    });
  };
  client.on(Events.InteractionCreate, (interaction) => track(draining ? answerRestarting(interaction, log, observer) : router.handle(interaction)));

  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (gatewayState === 'stopping') return;
    setGateway('disconnected');
    log.error({ code: event.code, shard }, 'gateway closed for good: the bot cannot receive interactions (check the token and intents)');
  });
  client.on(Events.ShardReconnecting, (shard) => {
    if (gatewayState === 'stopping') return; // our own destroy() closes with 1000 and reports this too
    setGateway('reconnecting');
    log.warn({ shard }, 'gateway connection closed; reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    if (gatewayState === 'stopping') return;
    setGateway('ready');
    log.info({ shard, replayed }, 'gateway resumed');
  });
  client.on(Events.ShardReady, (shard) => {
    if (gatewayState === 'stopping') return;
    if (gatewayState !== 'connecting') log.info({ shard }, 'gateway ready again (new session)');
    setGateway('ready');
  });
  client.on(Events.ShardError, (err, shard) => log.warn({ err, shard }, 'gateway connection error'));
  // discord.js waits out a 429 and retries a 5xx by itself; one line per such response says so.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429) {
      observer?.discordApiProblem('rate_limited');
      log.warn(
        { method: request.method, route: request.route, retryAfter: Number(response.headers.get('retry-after')), scope: response.headers.get('x-ratelimit-scope') ?? undefined },
        'Discord rate limit: waiting, then retrying',
      );
    } else if (response.status >= 500) {
      observer?.discordApiProblem('server_error');
      log.warn({ method: request.method, route: request.route, status: response.status, retries: request.retries }, 'Discord server error: retrying');
    }
  });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(options.token);
  } catch (err) {
    await client.destroy();
    throw err;
  }
  const readyClient = await ready;
  setGateway('ready');
  let stopped: Promise<void> | undefined;
  return {
    client: readyClient,
    router,
    get inFlight() {
      return inFlight.size;
    },
    get gatewayState() {
      return gatewayState;
    },
    stop(stopOptions = {}) {
      stopped ??= (async () => {
        draining = true;
        const drainMs = stopOptions.drainMs ?? DRAIN_TIMEOUT_MS;
        if (inFlight.size > 0) {
          log.info({ inFlight: inFlight.size }, 'finishing the interactions in flight');
          // Until none is left: "restarting" answers to newcomers join the set while it drains.
          const deadline = performance.now() + drainMs;
          while (inFlight.size > 0 && performance.now() < deadline) await settleWithin([...inFlight], deadline - performance.now());
          if (inFlight.size > 0) log.warn({ inFlight: inFlight.size, drainMs }, 'interactions still in flight after the drain timeout; closing anyway');
        }
        // A destroy() in the middle of a reconnect can hang: give the gateway a moment to settle first.
        if (gatewayState === 'reconnecting') await settleWithin([new Promise((resolve) => client.once(Events.ShardResume, resolve).once(Events.ShardReady, resolve))], 1_000);
        setGateway('stopping');
        await client.destroy();
      })();
      return stopped;
    },
  };
}

/** While stopping: tell the member (privately) to try again, without running anything. */
async function answerRestarting(interaction: Interaction, log: Logger, observer: BotObserver | undefined): Promise<void> {
  const started = performance.now();
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply(renderReply(restartingReply(toReplyLocale(interaction.locale))));
  } catch (err) {
    log.debug({ err, interactionId: interaction.id }, 'could not tell the member the bot is restarting');
  }
  const kind = interaction.isAutocomplete() ? 'autocomplete' : interaction.isButton() ? 'button' : interaction.isCommand() ? 'command' : 'other';
  observer?.interaction({ kind, command: 'unknown', outcome: 'restarting', seconds: (performance.now() - started) / 1000 });
}

/** Whether every promise settled within `ms`. */
async function settleWithin(work: readonly Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([Promise.allSettled(work).then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** discord.js's own request function, timed: `onSlow` for a response slower than `slowMs`. */
function timedRequest(slowMs: number, onSlow: (ms: number, method: string, url: string) => void): typeof DefaultRestOptions.makeRequest {
  const makeRequest = DefaultRestOptions.makeRequest;
  return async (url, init) => {
    const started = performance.now();
    const response = await makeRequest(url, init);
    const ms = Math.round(performance.now() - started);
    if (ms >= slowMs) onSlow(ms, init.method ?? 'GET', url);
    return response;
  };
}

/** A REST URL's path without interaction or webhook tokens (they let anyone answer as the bot). */
export function safePath(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '[unparsable url]';
  }
  return path
    .replace(/(\/interactions\/\d+\/)[^/]+/u, '$1:token')
    .replace(/(\/webhooks\/\d+\/)[^/]+/u, '$1:token');
}
