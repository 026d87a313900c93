// The Discord shell: a discord.js client (Guilds intent only) whose interactions go to the router.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import type { AppContext } from '../app/context.js';
import type { Command } from './commands/index.js';
import { Router } from './router.js';

export interface DiscordShellOptions {
  readonly token: string;
  /** REST base (discord.js appends /v10); the gateway URL comes from its /gateway/bot. */
  readonly apiUrl?: string;
  readonly ctx: AppContext;
  readonly commands: readonly Command[];
  readonly log: Logger;
  /** Acknowledge (defer) a slow handler after this long; see Router. */
  readonly deferAfterMs?: number;
}

export interface DiscordShell {
  readonly client: Client<true>;
  readonly router: Router;
  stop(): Promise<void>;
}

/** Log in and resolve once the client is ready to answer. */
export async function startDiscord(options: DiscordShellOptions): Promise<DiscordShell> {
  const log = options.log.child({ module: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    ...(options.apiUrl !== undefined ? { rest: { api: options.apiUrl } } : {}),
  });
  const router = new Router({ commands: options.commands, ctx: options.ctx, log, ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}) });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(options.token);
  } catch (err) {
    await client.destroy();
    throw err;
  }
  const readyClient = await ready;
  return {
    client: readyClient,
    router,
    async stop() {
      await client.destroy();
    },
  };
}
