// pino, set up once. Secrets never reach the output: known paths are redacted, errors are
// serialised through a scrubber, and as a last line of defence every written line has each
// secret string replaced (so a token inside an error message or a URL is caught too).
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

export const REDACTED = '[redacted]';

/** Paths that may hold a token: config objects, env copies, request headers. */
export const REDACT_PATHS = [
  'token',
  'discordToken',
  'DISCORD_TOKEN',
  '*.token',
  '*.discordToken',
  '*.DISCORD_TOKEN',
  'config.discordToken',
  'env.DISCORD_TOKEN',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'req.headers.authorization',
];

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Strings never to print (the bot token); replaced wherever they appear. */
  readonly secrets?: readonly (string | undefined)[];
  /** Where lines go; stdout by default (fd 1), stderr with `2`. */
  readonly destination?: DestinationStream | 1 | 2;
  /** Static fields on every line. */
  readonly base?: Record<string, unknown>;
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  const destination = typeof options.destination === 'object' ? options.destination : pino.destination({ fd: options.destination ?? 1, sync: true });
  return pino(
    {
      level: options.level,
      base: { ...(options.base ?? {}) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: {
        err: (err: unknown) => scrubError(pino.stdSerializers.err(err as Error), scrub),
        error: (err: unknown) => (err instanceof Error ? scrubError(pino.stdSerializers.err(err), scrub) : err),
      },
      hooks: { streamWrite: scrub },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

function scrubError<T extends { message?: string; stack?: string }>(serialized: T, scrub: (s: string) => string): T {
  return {
    ...serialized,
    ...(serialized.message !== undefined ? { message: scrub(serialized.message) } : {}),
    ...(serialized.stack !== undefined ? { stack: scrub(serialized.stack) } : {}),
  };
}
