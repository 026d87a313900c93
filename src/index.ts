// Entry point: config -> logger -> store -> index -> shell. The Discord bot when DISCORD_TOKEN is set;
// the local console without it on a terminal (or with --console, also on piped input).
import { stdin, stdout } from 'node:process';
import { createAppContext } from './app/context.js';
import { storeFeedbackSink } from './app/feedback-store.js';
import { Cooldown } from './app/cooldown.js';
import { DEFAULT_COOLDOWN, DEFAULT_METRICS_HOST, describeProblems, readConfig, type Config } from './config.js';
import { answer } from './core/answer.js';
import { openIndex } from './ingest/index-file.js';
import { createLogger, type Logger } from './logger.js';
import { DEFAULT_CORPUS_DIR, indexFileIn, storeFileIn } from './paths.js';
import { withAnswerCounts, type CountingStore } from './store/answer-count.js';
import { openStore, StoreError } from './store/index.js';

const EXIT_CONFIG = 1;
const EXIT_NO_INDEX = 1;
const EXIT_NO_SHELL = 2;
const EXIT_NO_STORE = 1;
/** From SIGINT/SIGTERM to exit, at most; past it the process exits anyway (code 1) and says why. */
const SHUTDOWN_DEADLINE_MS = 4_500;
/** Buttons get this many times the command allowance (browsing "More" is quick work). */
const BUTTON_COOLDOWN_FACTOR = 4;

interface Args {
  readonly console: boolean;
  readonly locale?: 'vi' | 'en';
}

function parseArgs(argv: readonly string[]): Args {
  const locale = argv.includes('--en') ? 'en' : argv.includes('--vi') ? 'vi' : undefined;
  return { console: argv.includes('--console'), ...(locale ? { locale } : {}) };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const loaded = readConfig();
  if (!loaded.ok) {
    process.stderr.write(`${describeProblems(loaded.problems)}\n`);
    return EXIT_CONFIG;
  }
  const config = loaded.config;
  const useDiscord = config.discordToken !== undefined && !args.console;
  const useConsole = !useDiscord && (args.console || stdin.isTTY === true);
  if (!useDiscord && !useConsole) {
    process.stderr.write(
      'hoso: nothing to run: set DISCORD_TOKEN (and DISCORD_CLIENT_ID) in .env to start the Discord bot, ' +
        'or run `npm start` in a terminal for the local console (or pass --console to read questions from piped input).\n',
    );
    return EXIT_NO_SHELL;
  }
  // The console prints answers on stdout, so its logs go to stderr and stay quiet by default.
  const log = createLogger({
    level: config.logLevel ?? (useDiscord ? 'info' : 'warn'),
    secrets: [config.discordToken],
    destination: useDiscord ? 1 : 2,
  });
  const store = openDataStore(config, log);
  if (!store) return EXIT_NO_STORE;
  const opened = loadIndex(config, log);
  if (!opened) {
    store.close();
    return EXIT_NO_INDEX;
  }
  const { index } = opened;
  const { commands, summarize } = await import('./discord/commands/index.js');
  const ctx = createAppContext({
    index,
    feedback: storeFeedbackSink(store.feedback),
    commands: summarize(commands),
    store,
    quiz: {
      ...(config.quizExpiryMinutes !== undefined ? { expiryMs: config.quizExpiryMinutes * 60_000 } : {}),
      ...(config.quizMaxOpenPerChannel !== undefined ? { maxOpenPerChannel: config.quizMaxOpenPerChannel } : {}),
    },
  });
  answer(index, 'Kim Jong-un'); // warm the query-side caches so the first member does not wait

  if (useConsole) {
    const { ConsoleShell } = await import('./console/console.js');
    const interactive = stdin.isTTY === true && stdout.isTTY === true;
    const shell = new ConsoleShell({
      ctx, commands, log, input: stdin, output: stdout, interactive,
      ...(args.locale ? { locale: args.locale } : {}),
      width: (stdout.columns ?? 0) >= 40 ? Math.min(stdout.columns, 100) - 2 : 78,
    });
    await shell.run();
    store.close();
    return 0;
  }

  const { startDiscord } = await import('./discord/client.js');
  // Closed in reverse order once the gateway is closed (the store, the metrics server...).
  const closers: { readonly name: string; close(): unknown }[] = [{ name: 'store', close: () => store.close() }];
  let stopping = false;
  const metrics = config.metricsPort !== undefined ? (await import('./observability/metrics.js')).createMetrics() : undefined;
  if (metrics && config.metricsPort !== undefined) {
    metrics.index({ articles: index.dossier.articles.length, passages: index.dossier.passages.length, problems: opened.problems });
    const { startOpsServer } = await import('./observability/server.js');
    const host = config.metricsHost ?? DEFAULT_METRICS_HOST;
    try {
      const ops = await startOpsServer({
        host,
        port: config.metricsPort,
        registry: metrics.registry,
        health: () => ({
          ok: !stopping && metrics.gatewayState === 'ready',
          detail: { gateway: stopping ? 'stopping' : metrics.gatewayState, articles: index.dossier.articles.length, passages: index.dossier.passages.length },
        }),
        onError: (err) => log.warn({ err }, 'metrics endpoint error'),
      });
      closers.push({ name: 'metrics endpoint', close: () => ops.close() });
      log.info({ host: ops.host, port: ops.port }, 'serving /healthz and /metrics');
    } catch (err) {
      log.error({ err, host, port: config.metricsPort }, 'could not serve /healthz and /metrics; the bot runs without them');
    }
  }
  const perWindow = config.cooldownCommands ?? DEFAULT_COOLDOWN.commands;
  const windowMs = (config.cooldownSeconds ?? DEFAULT_COOLDOWN.seconds) * 1000;
  // Signals are caught from here on (a signal before a handler exists would kill the process
  // outright). Until the bot is ready nothing is in flight: close what is open and exit 0.
  let onSignal = (signal: string) => {
    log.info({ signal }, 'stopped before the bot was ready');
    void closeAll(closers, log).then(() => process.exit(0));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  log.info({ api: config.discordApiUrl ?? 'https://discord.com/api' }, 'connecting to Discord');
  try {
    const shell = await startDiscord({
      token: config.discordToken!,
      ...(config.discordApiUrl !== undefined ? { apiUrl: config.discordApiUrl } : {}),
      ctx,
      commands,
      log,
      cooldown: new Cooldown({ limit: perWindow, windowMs }),
      buttonCooldown: new Cooldown({ limit: perWindow * BUTTON_COOLDOWN_FACTOR, windowMs }),
      ...(metrics ? { observer: metrics } : {}),
    });
    log.info(
      { user: shell.client.user.tag, guilds: shell.client.guilds.cache.size, startupMs: Math.round(performance.now()), commands: commands.length },
      'ready',
    );
    if (config.discordClientId !== undefined && shell.client.application.id !== config.discordClientId) {
      log.warn({ clientId: config.discordClientId, applicationId: shell.client.application.id }, 'DISCORD_CLIENT_ID differs from the logged-in application; deploy-commands will register elsewhere');
    }
    // SIGINT/SIGTERM: new interactions are told the bot is restarting, those in flight finish
    // (bounded), the gateway closes with 1000, then the rest. A second signal kills at once.
    await new Promise<void>((resolve) => {
      onSignal = (signal: string) => {
        stopping = true;
        const started = performance.now();
        log.info({ signal, inFlight: shell.inFlight }, 'shutting down');
        setTimeout(() => {
          log.error({ signal, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting without finishing it');
          process.exit(1);
        }, SHUTDOWN_DEADLINE_MS).unref();
        void shell
          .stop()
          .catch((err: unknown) => log.error({ err }, 'could not close the gateway cleanly'))
          .then(() => closeAll(closers, log))
          .then(() => {
            log.info({ ms: Math.round(performance.now() - started) }, 'stopped');
            resolve();
          });
      };
    });
    return 0;
  } catch (err) {
    await closeAll(closers, log);
    log.fatal({ err }, 'could not connect to Discord');
    process.stderr.write(`hoso: could not connect to Discord: ${errorMessage(err, config)}\n`);
    return 1;
  }
}

async function closeAll(closers: readonly { readonly name: string; close(): unknown }[], log: Logger): Promise<void> {
  for (const closer of [...closers].reverse()) {
    try {
      await closer.close();
    } catch (err) {
      log.error({ err, what: closer.name }, 'could not close');
    }
  }
}

/**
 * The SQLite store under DATA_DIR, created on first start (WAL, migrations). A StoreError
 * (unwritable folder, damaged or foreign file, newer schema, locked) stops start-up with its
 * message, which names the file and what to do.
 */
function openDataStore(config: Config, log: Logger): CountingStore | undefined {
  const file = storeFileIn(config.dataDir);
  try {
    const store = withAnswerCounts(openStore(file));
    log.info({ file, schemaVersion: store.schemaVersion }, 'store ready');
    return store;
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    log.fatal({ file: err.file, code: err.code }, 'store unavailable; not starting');
    process.stderr.write(`${err.message}\n`);
    return undefined;
  }
}

/**
 * The index, with every corpus problem logged (file and reason) while the rest still loads; a
 * saved index that is corrupt or out of date is rebuilt. No passage at all: a fatal log line and
 * a message on stderr, and the bot does not start.
 */
function loadIndex(config: Config, log: Logger) {
  const started = performance.now();
  const corpusDir = config.corpusDir ?? DEFAULT_CORPUS_DIR;
  const opened = openIndex(corpusDir, indexFileIn(config.dataDir));
  const problems = opened.ok ? opened.value.problems : opened.problems;
  for (const p of problems) log.warn({ file: p.file, problem: p.problem }, 'corpus problem');
  if (!opened.ok) {
    log.fatal({ corpusDir, problems: problems.length }, 'no index: the corpus gave no passages; not starting');
    process.stderr.write(`hoso: no index: the corpus in ${corpusDir} gave no passages (${problems.length} problems logged). Fix the corpus files and start again.\n`);
    return undefined;
  }
  const { index, source } = opened.value;
  if (!source.reused && /^(not a hoso index|saved index unreadable)/u.test(source.reason)) {
    log.warn({ file: indexFileIn(config.dataDir), reason: source.reason }, 'saved index was corrupt; rebuilt it');
  }
  if (!source.reused && source.saveError !== undefined) log.warn({ reason: source.saveError }, 'could not save the rebuilt index; serving it from memory');
  if (problems.length > 0) {
    process.stderr.write(`hoso: ${problems.length} corpus problem(s) in ${corpusDir}; serving the ${index.dossier.articles.length} article(s) that loaded (see the log).\n`);
  }
  log.info(
    { articles: index.dossier.articles.length, passages: index.dossier.passages.length, problems: problems.length, version: index.dossier.version, reused: source.reused, ...(source.reused ? {} : { reason: source.reason }), ms: Math.round(performance.now() - started) },
    'index ready',
  );
  return { index, problems: problems.length };
}

function errorMessage(err: unknown, config: Config): string {
  const message = err instanceof Error ? err.message : String(err);
  return config.discordToken ? message.split(config.discordToken).join('[redacted]') : message;
}

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`hoso: unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}\n`);
});

process.exitCode = await main();
