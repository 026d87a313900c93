// Prometheus metrics (prom-client) in a registry of their own: interactions served by command,
// their latency, errors, Discord API trouble, gateway state, in-flight work and the index size.
// Label values are bounded: commands are the known ones or "unknown", never text from a member
// (a forged custom_id must not mint a new time series).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type InteractionKind = 'command' | 'autocomplete' | 'button' | 'other';
/** ok: answered; error: the error boundary answered; cooldown/restarting: refused politely; expired: Discord no longer accepted a reply; unknown: unknown command or button. */
export type InteractionOutcome = 'ok' | 'error' | 'cooldown' | 'restarting' | 'expired' | 'unknown';
export type GatewayState = 'connecting' | 'ready' | 'reconnecting' | 'disconnected' | 'stopping';
export type DiscordApiProblem = 'rate_limited' | 'server_error' | 'slow';

export interface InteractionEvent {
  readonly kind: InteractionKind;
  /** A known command name (`ask`, `ask:more` for buttons) or `unknown`. */
  readonly command: string;
  readonly outcome: InteractionOutcome;
  readonly seconds: number;
}

/** What the Discord shell reports; every method is cheap and never throws. */
export interface BotObserver {
  interaction(event: InteractionEvent): void;
  inFlight(delta: 1 | -1): void;
  gateway(state: GatewayState): void;
  discordApiProblem(problem: DiscordApiProblem): void;
}

export const GATEWAY_STATES: readonly GatewayState[] = ['connecting', 'ready', 'reconnecting', 'disconnected', 'stopping'];

export interface BotMetrics extends BotObserver {
  readonly registry: Registry;
  readonly gatewayState: GatewayState;
  index(size: { readonly articles: number; readonly passages: number; readonly problems: number }): void;
}

export function createMetrics(options: { readonly defaultMetrics?: boolean } = {}): BotMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const served = new Counter({
    name: 'hoso_interactions_total',
    help: 'Interactions handled, by kind, command and outcome',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'hoso_interaction_duration_seconds',
    help: 'Time from receiving an interaction to the end of its reply, by kind and command',
    labelNames: ['kind', 'command'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'hoso_interaction_errors_total',
    help: 'Interactions that failed (answered by the error boundary), by kind and command',
    labelNames: ['kind', 'command'] as const,
    registers: [registry],
  });
  const inFlight = new Gauge({ name: 'hoso_interactions_in_flight', help: 'Interactions being handled now', registers: [registry] });
  const apiProblems = new Counter({
    name: 'hoso_discord_api_problems_total',
    help: 'Discord REST responses that were rate limits (429), server errors (5xx) or slow',
    labelNames: ['problem'] as const,
    registers: [registry],
  });
  const gatewayUp = new Gauge({ name: 'hoso_gateway_up', help: '1 while the gateway connection is ready, else 0', registers: [registry] });
  const gatewayStateGauge = new Gauge({
    name: 'hoso_gateway_state',
    help: 'Gateway state: 1 for the current state, 0 for the others',
    labelNames: ['state'] as const,
    registers: [registry],
  });
  const reconnects = new Counter({ name: 'hoso_gateway_reconnects_total', help: 'Gateway connections lost (then resumed or re-identified)', registers: [registry] });
  const articles = new Gauge({ name: 'hoso_index_articles', help: 'Articles in the loaded index', registers: [registry] });
  const passages = new Gauge({ name: 'hoso_index_passages', help: 'Passages in the loaded index', registers: [registry] });
  const corpusProblems = new Gauge({ name: 'hoso_corpus_problems', help: 'Problems reported when the corpus was loaded', registers: [registry] });

  for (const kind of ['command', 'autocomplete', 'button'] as const) errors.inc({ kind, command: 'unknown' }, 0);
  for (const problem of ['rate_limited', 'server_error', 'slow'] as const) apiProblems.inc({ problem }, 0);
  let state: GatewayState = 'connecting';
  const setGateway = (next: GatewayState) => {
    if (next === 'reconnecting' && state !== 'reconnecting') reconnects.inc();
    state = next;
    gatewayUp.set(next === 'ready' ? 1 : 0);
    for (const s of GATEWAY_STATES) gatewayStateGauge.set({ state: s }, s === next ? 1 : 0);
  };
  setGateway('connecting');

  return {
    registry,
    get gatewayState() {
      return state;
    },
    interaction(event) {
      served.inc({ kind: event.kind, command: event.command, outcome: event.outcome });
      latency.observe({ kind: event.kind, command: event.command }, event.seconds);
      if (event.outcome === 'error') errors.inc({ kind: event.kind, command: event.command });
    },
    inFlight(delta) {
      inFlight.inc(delta);
    },
    gateway: setGateway,
    discordApiProblem(problem) {
      apiProblems.inc({ problem });
    },
    index(size) {
      articles.set(size.articles);
      passages.set(size.passages);
      corpusProblems.set(size.problems);
    },
  };
}
