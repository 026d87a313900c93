// Configuration: the only module that reads process.env (after loading .env with dotenv).
// `loadConfig(env)` is pure: it returns the frozen Config, or every problem at once, each naming
// its variable, so start-up can stop with one clear message.
import { resolve } from 'node:path';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from './paths.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Absent: no Discord; the local console can still run. */
  readonly discordToken?: string;
  readonly discordClientId?: string;
  readonly discordGuildId?: string;
  /** REST base such as `https://discord.com/api` (discord.js appends `/v10`). */
  readonly discordApiUrl?: string;
  /** Absent when LOG_LEVEL is unset: each shell picks its own default. */
  readonly logLevel?: LogLevel;
  readonly dataDir: string;
  /** Absent when CORPUS_DIR is unset: the project's corpus/ folder. */
  readonly corpusDir?: string;
  /** Commands a member may run per window; absent: DEFAULT_COOLDOWN. 0 turns the cooldown off. */
  readonly cooldownCommands?: number;
  readonly cooldownSeconds?: number;
  /** Absent: no /healthz or /metrics endpoint. 0 picks a free port. */
  readonly metricsPort?: number;
  /** Absent: 127.0.0.1 (only this machine can scrape). */
  readonly metricsHost?: string;
  /** Minutes a /quiz question takes answers; absent: the app's default (10). */
  readonly quizExpiryMinutes?: number;
  /** Quizzes a channel may hold open at once; absent: the app's default (3). */
  readonly quizMaxOpenPerChannel?: number;
}

/** Per-member cooldown when COOLDOWN_COMMANDS / COOLDOWN_SECONDS are unset: 5 commands per 10 s. */
export const DEFAULT_COOLDOWN = { commands: 5, seconds: 10 } as const;
export const DEFAULT_METRICS_HOST = '127.0.0.1';

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly problems: readonly string[] };

/** Variables, what they are for, and whether they are required: .env.example mirrors this. */
export const VARIABLES = [
  'DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL', 'DATA_DIR',
  'CORPUS_DIR', 'COOLDOWN_COMMANDS', 'COOLDOWN_SECONDS', 'METRICS_PORT', 'METRICS_HOST', 'QUIZ_EXPIRY_MINUTES',
  'QUIZ_MAX_OPEN_PER_CHANNEL',
] as const;

// Empty values (`DISCORD_GUILD_ID=` in a copied .env.example) count as unset.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const snowflake = z.string().trim().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits (Developer Portal → your application → Application ID, or right-click → Copy ID)');

const token = z
  .string()
  .trim()
  .refine((v) => !/^bot\s/i.test(v), 'must be the token alone, without the "Bot " prefix')
  .refine((v) => !/\s/.test(v), 'must not contain spaces')
  .refine((v) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v), 'does not look like a bot token (three dot-separated parts, from Developer Portal → Bot → Reset Token)');

const apiUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL such as https://discord.com/api')
  .transform((v) => v.replace(/\/+$/, '').replace(/\/v\d+$/, ''));

const integer = (min: number, max: number, what: string) =>
  z.string().trim().regex(/^\d+$/, `must be a whole number (${what})`).transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max} (${what})`);

const host = z.string().trim().regex(/^[\w.:\-\[\]]+$/, 'must be an IP address or host name, such as 127.0.0.1 (only this machine) or 0.0.0.0 (every interface)');

const schema = z
  .object({
    DISCORD_TOKEN: optional(token),
    DISCORD_CLIENT_ID: optional(snowflake),
    DISCORD_GUILD_ID: optional(snowflake),
    DISCORD_API_URL: optional(apiUrl),
    LOG_LEVEL: optional(z.string().trim().toLowerCase().pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }))),
    DATA_DIR: optional(z.string().trim()),
    CORPUS_DIR: optional(z.string().trim()),
    COOLDOWN_COMMANDS: optional(integer(0, 1_000, 'commands per member per window; 0 turns the cooldown off')),
    COOLDOWN_SECONDS: optional(integer(1, 3_600, 'the window in seconds')),
    METRICS_PORT: optional(integer(0, 65_535, 'a TCP port; 0 picks a free one')),
    METRICS_HOST: optional(host),
    QUIZ_EXPIRY_MINUTES: optional(integer(1, 1_440, 'minutes a quiz takes answers')),
    QUIZ_MAX_OPEN_PER_CHANNEL: optional(integer(1, 25, 'quizzes open at once in one channel')),
  })
  .superRefine((env, ctx) => {
    if (env.DISCORD_TOKEN !== undefined && env.DISCORD_CLIENT_ID === undefined) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_CLIENT_ID'], message: 'is required when DISCORD_TOKEN is set (Developer Portal → your application → Application ID)' });
    }
    if (env.METRICS_HOST !== undefined && env.METRICS_PORT === undefined) {
      ctx.addIssue({ code: 'custom', path: ['METRICS_HOST'], message: 'has no effect without METRICS_PORT (set the port to turn /healthz and /metrics on)' });
    }
  });

export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = schema.safeParse(Object.fromEntries(VARIABLES.map((name) => [name, env[name]])));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration');
      const received = issue.code === 'invalid_type' ? 'must be a string' : issue.message;
      return `${name} ${received}`;
    });
    return { ok: false, problems: [...new Set(problems)] };
  }
  const v = parsed.data;
  const config: Config = {
    ...(v.DISCORD_TOKEN !== undefined ? { discordToken: v.DISCORD_TOKEN } : {}),
    ...(v.DISCORD_CLIENT_ID !== undefined ? { discordClientId: v.DISCORD_CLIENT_ID } : {}),
    ...(v.DISCORD_GUILD_ID !== undefined ? { discordGuildId: v.DISCORD_GUILD_ID } : {}),
    ...(v.DISCORD_API_URL !== undefined ? { discordApiUrl: v.DISCORD_API_URL } : {}),
    ...(v.LOG_LEVEL !== undefined ? { logLevel: v.LOG_LEVEL } : {}),
    dataDir: v.DATA_DIR !== undefined ? resolve(PROJECT_ROOT, v.DATA_DIR) : DEFAULT_DATA_DIR,
    ...(v.CORPUS_DIR !== undefined ? { corpusDir: resolve(PROJECT_ROOT, v.CORPUS_DIR) } : {}),
    ...(v.COOLDOWN_COMMANDS !== undefined ? { cooldownCommands: v.COOLDOWN_COMMANDS } : {}),
    ...(v.COOLDOWN_SECONDS !== undefined ? { cooldownSeconds: v.COOLDOWN_SECONDS } : {}),
    ...(v.METRICS_PORT !== undefined ? { metricsPort: v.METRICS_PORT } : {}),
    ...(v.METRICS_HOST !== undefined ? { metricsHost: v.METRICS_HOST } : {}),
    ...(v.QUIZ_EXPIRY_MINUTES !== undefined ? { quizExpiryMinutes: v.QUIZ_EXPIRY_MINUTES } : {}),
    ...(v.QUIZ_MAX_OPEN_PER_CHANNEL !== undefined ? { quizMaxOpenPerChannel: v.QUIZ_MAX_OPEN_PER_CHANNEL } : {}),
  };
  return { ok: true, config: Object.freeze(config) };
}

/** Load `.env` from the project root (never overriding the real environment), then validate. */
export function readConfig(envFile = join(PROJECT_ROOT, '.env')): ConfigResult {
  dotenv.config({ path: envFile, quiet: true });
  return loadConfig(process.env);
}

/** The message start-up prints when the configuration is bad. */
export function describeProblems(problems: readonly string[]): string {
  return ['hoso: the configuration has problems (set them in .env or the environment; see .env.example):', ...problems.map((p) => `  - ${p}`)].join('\n');
}
