// Entry point: config -> logger -> index -> shell. The Discord bot when DISCORD_TOKEN is set;
// the local console without it on a terminal (or with --console, also on piped input).
import { stdin, stdout } from 'node:process';
import { createAppContext } from './app/context.js';
import { loggingFeedbackSink } from './app/feedback.js';
import { describeProblems, readConfig, type Config } from './config.js';
import { answer } from './core/answer.js';
import { openIndex } from './ingest/index-file.js';
import { createLogger, type Logger } from './logger.js';
import { DEFAULT_CORPUS_DIR, indexFileIn } from './paths.js';

const EXIT_CONFIG = 1;
const EXIT_NO_INDEX = 1;
const EXIT_NO_SHELL = 2;

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
  const index = loadIndex(config, log);
  if (!index) return EXIT_NO_INDEX;
  const { commands, summarize } = await import('./discord/commands/index.js');
  const ctx = createAppContext({ index, feedback: loggingFeedbackSink(log.child({ module: 'feedback' })), commands: summarize(commands) });
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
    return 0;
  }

  const { startDiscord } = await import('./discord/client.js');
  try {
    const shell = await startDiscord({
      token: config.discordToken!,
      ...(config.discordApiUrl !== undefined ? { apiUrl: config.discordApiUrl } : {}),
      ctx,
      commands,
      log,
    });
    log.info(
      { user: shell.client.user.tag, guilds: shell.client.guilds.cache.size, startupMs: Math.round(performance.now()), commands: commands.length },
      'ready',
    );
    if (config.discordClientId !== undefined && shell.client.application.id !== config.discordClientId) {
      log.warn({ clientId: config.discordClientId, applicationId: shell.client.application.id }, 'DISCORD_CLIENT_ID differs from the logged-in application; deploy-commands will register elsewhere');
    }
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        log.info({ signal }, 'shutting down');
        void shell.stop().then(resolve, resolve);
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  } catch (err) {
    log.fatal({ err }, 'could not connect to Discord');
    process.stderr.write(`hoso: could not connect to Discord: ${errorMessage(err, config)}\n`);
    return 1;
  }
}

function loadIndex(config: Config, log: Logger) {
  const started = performance.now();
  const opened = openIndex(DEFAULT_CORPUS_DIR, indexFileIn(config.dataDir));
  const problems = opened.ok ? opened.value.problems : opened.problems;
  for (const p of problems) log.warn({ file: p.file, problem: p.problem }, 'corpus problem');
  if (!opened.ok) {
    process.stderr.write(`hoso: no index: the corpus in ${DEFAULT_CORPUS_DIR} gave no passages (${problems.length} problems logged). Fix the corpus files and start again.\n`);
    return undefined;
  }
  const { index, source } = opened.value;
  log.info(
    { articles: index.dossier.articles.length, passages: index.dossier.passages.length, version: index.dossier.version, reused: source.reused, ...(source.reused ? {} : { reason: source.reason }), ms: Math.round(performance.now() - started) },
    'index ready',
  );
  return index;
}

function errorMessage(err: unknown, config: Config): string {
  const message = err instanceof Error ? err.message : String(err);
  return config.discordToken ? message.split(config.discordToken).join('[redacted]') : message;
}

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`hoso: unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}\n`);
});

process.exitCode = await main();
