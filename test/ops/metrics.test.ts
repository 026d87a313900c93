/** /metrics and /healthz over a real HTTP request to 127.0.0.1. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMetrics } from '../../src/observability/metrics.js';
import { startOpsServer, type Health } from '../../src/observability/server.js';
import { DiscordStandin, slashCommand } from '../discord/standin.js';
import { botEnv, startBot, tempDir } from './bot-process.js';

test('GIVEN served interactions WHEN /metrics is scraped THEN counts by command, latency, errors, gateway state and index size are there', async (t) => {
  const metrics = createMetrics();
  metrics.index({ articles: 5, passages: 123, problems: 1 });
  metrics.gateway('ready');
  metrics.interaction({ kind: 'command', command: 'ask', outcome: 'ok', seconds: 0.012 });
  metrics.interaction({ kind: 'command', command: 'ask', outcome: 'ok', seconds: 0.3 });
  metrics.interaction({ kind: 'button', command: 'ask:more', outcome: 'error', seconds: 0.02 });
  metrics.interaction({ kind: 'command', command: 'unknown', outcome: 'unknown', seconds: 0.001 });
  metrics.discordApiProblem('rate_limited');
  metrics.inFlight(1);
  const server = await startOpsServer({ host: '127.0.0.1', port: 0, registry: metrics.registry, health: () => ({ ok: true, detail: {} }) });
  t.after(() => server.close());
  assert.equal(server.host, '127.0.0.1');

  const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/u);
  const text = await res.text();
  const has = (line: string) => assert.ok(text.split('\n').includes(line), `missing line: ${line}`);
  has('hoso_interactions_total{kind="command",command="ask",outcome="ok"} 2');
  has('hoso_interactions_total{kind="button",command="ask:more",outcome="error"} 1');
  has('hoso_interaction_errors_total{kind="button",command="ask:more"} 1');
  has('hoso_interaction_duration_seconds_bucket{le="0.025",kind="command",command="ask"} 1');
  has('hoso_interaction_duration_seconds_count{kind="command",command="ask"} 2');
  has('hoso_gateway_up 1');
  has('hoso_gateway_state{state="ready"} 1');
  has('hoso_gateway_state{state="reconnecting"} 0');
  has('hoso_index_passages 123');
  has('hoso_index_articles 5');
  has('hoso_corpus_problems 1');
  has('hoso_discord_api_problems_total{problem="rate_limited"} 1');
  has('hoso_discord_api_problems_total{problem="server_error"} 0');
  has('hoso_interactions_in_flight 1');
  assert.match(text, /^process_cpu_user_seconds_total /mu, 'default process metrics');
});

test('GIVEN the gateway state WHEN /healthz is asked THEN 200 while healthy, 503 otherwise, with the detail as JSON', async (t) => {
  let health: Health = { ok: true, detail: { gateway: 'ready', passages: 10 } };
  const metrics = createMetrics({ defaultMetrics: false });
  const server = await startOpsServer({ host: '127.0.0.1', port: 0, registry: metrics.registry, health: () => health });
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.port}`;

  const ok = await fetch(`${base}/healthz`);
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { status: 'ok', gateway: 'ready', passages: 10 });

  health = { ok: false, detail: { gateway: 'reconnecting' } };
  const down = await fetch(`${base}/healthz`);
  assert.equal(down.status, 503);
  assert.deepEqual(await down.json(), { status: 'unavailable', gateway: 'reconnecting' });

  assert.equal((await fetch(`${base}/`)).status, 404);
  assert.equal((await fetch(`${base}/metrics`, { method: 'POST', body: 'x' })).status, 405);
  assert.equal((await fetch(`${base}/healthz`, { method: 'HEAD' })).status, 503);
});

test('GIVEN reconnects WHEN the gateway goes down and up THEN the state gauge follows and each loss is counted once', async () => {
  const metrics = createMetrics({ defaultMetrics: false });
  metrics.gateway('ready');
  metrics.gateway('reconnecting');
  metrics.gateway('reconnecting');
  metrics.gateway('ready');
  metrics.gateway('reconnecting');
  assert.equal(metrics.gatewayState, 'reconnecting');
  const text = await metrics.registry.metrics();
  assert.match(text, /^hoso_gateway_reconnects_total 2$/mu);
  assert.match(text, /^hoso_gateway_up 0$/mu);
});

test('GIVEN a port already taken WHEN the server starts THEN it rejects instead of hanging', async (t) => {
  const metrics = createMetrics({ defaultMetrics: false });
  const first = await startOpsServer({ host: '127.0.0.1', port: 0, registry: metrics.registry, health: () => ({ ok: true, detail: {} }) });
  t.after(() => first.close());
  await assert.rejects(
    startOpsServer({ host: '127.0.0.1', port: first.port, registry: metrics.registry, health: () => ({ ok: true, detail: {} }) }),
    /EADDRINUSE/u,
  );
});

test('GIVEN METRICS_PORT=0 WHEN the real bot runs THEN /healthz and /metrics answer on 127.0.0.1 with commands served by name, and go away on SIGTERM', { timeout: 30_000 }, async (t) => {
  const standin = await DiscordStandin.start();
  t.after(() => standin.close());
  const bot = startBot(t, botEnv(standin, tempDir(t), { METRICS_PORT: '0' }));
  const serving = await bot.waitForLine((l) => l.msg === 'serving /healthz and /metrics', 15_000, 'the metrics endpoint');
  assert.equal(serving['host'], '127.0.0.1', 'loopback by default');
  const base = `http://127.0.0.1:${String(serving['port'])}`;
  await bot.waitForLine((l) => l.msg === 'ready', 15_000, 'ready');
  const loaded = bot.lines.find((l) => l.msg === 'index ready')!;

  const health = await fetch(`${base}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok', gateway: 'ready', articles: loaded['articles'], passages: loaded['passages'] });
  for (const spec of [slashCommand({ name: 'help' }), slashCommand({ name: 'ask', options: { question: 'Kim Jong-un đến Nga bằng gì?' } }), slashCommand({ name: 'nope' })]) {
    await standin.dispatchInteraction(spec).waitForResponse((r) => r.route === 'POST /interactions/:id/:token/callback' && r.status < 300);
  }
  const text = await (await fetch(`${base}/metrics`)).text();
  assert.match(text, /^hoso_interactions_total\{kind="command",command="help",outcome="ok"\} 1$/mu);
  assert.match(text, /^hoso_interactions_total\{kind="command",command="ask",outcome="ok"\} 1$/mu);
  assert.match(text, /^hoso_interactions_total\{kind="command",command="unknown",outcome="unknown"\} 1$/mu);
  assert.match(text, /^hoso_interaction_duration_seconds_count\{kind="command",command="ask"\} 1$/mu);
  assert.match(text, /^hoso_gateway_up 1$/mu);
  assert.match(text, new RegExp(`^hoso_index_articles ${String(loaded['articles'])}$`, 'mu'));
  assert.match(text, new RegExp(`^hoso_index_passages ${String(loaded['passages'])}$`, 'mu'));

  bot.child.kill('SIGTERM');
  assert.equal((await bot.exited).code, 0);
  await assert.rejects(fetch(`${base}/healthz`), 'the endpoint is closed with the bot');
});
