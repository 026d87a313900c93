// Button custom_ids: `<command>:<action>:<version>:<arg>:<arg>...`, at most 100 characters.
// They carry everything a press needs (the dossier it was made from, passage ordinals, page,
// the question's hash), so buttons keep working after a restart; a button made from another
// dossier version is recognised and answered with "expired".
import { createHash } from 'node:crypto';
import type { Dossier } from '../core/types.js';

export const CUSTOM_ID_VERSION = '1';
export const MAX_CUSTOM_ID_LENGTH = 100;

export interface ParsedCustomId {
  readonly command: string;
  readonly action: string;
  readonly version: string;
  readonly args: readonly string[];
}

export function encodeCustomId(command: string, action: string, args: readonly (string | number)[]): string {
  const parts = [command, action, CUSTOM_ID_VERSION, ...args.map(String)];
  for (const part of parts) {
    if (part.includes(':')) throw new Error(`hoso: custom_id part ${JSON.stringify(part)} contains ':'`);
  }
  const id = parts.join(':');
  if (id.length > MAX_CUSTOM_ID_LENGTH) throw new Error(`hoso: custom_id is ${id.length} characters, the limit is ${MAX_CUSTOM_ID_LENGTH}: ${id}`);
  return id;
}

export function parseCustomId(id: string): ParsedCustomId | undefined {
  const [command, action, version, ...args] = id.split(':');
  if (!command || !action || !version) return undefined;
  return { command, action, version, args };
}

/** Short tag of the dossier a button was made from: a different tag means the button expired. */
export function dossierTag(dossier: Pick<Dossier, 'version'>): string {
  return dossier.version.slice(0, 8);
}

/** 8 characters naming a question (and its article filter), for feedback and button checks. */
export function questionHash(question: string, articleId?: string): string {
  const normalized = question.normalize('NFC').trim().replace(/\s+/gu, ' ');
  return createHash('sha256').update(`${normalized}\u0000${articleId ?? ''}`).digest('base64url').slice(0, 8);
}

/** Non-negative integers as compact base-36, joined with '.'. */
export function encodeOrdinals(ordinals: readonly number[]): string {
  return ordinals.map((n) => n.toString(36)).join('.');
}

export function decodeOrdinals(text: string | undefined): number[] | undefined {
  if (text === undefined || text === '') return undefined;
  const values = text.split('.').map((part) => (/^[0-9a-z]{1,4}$/.test(part) ? parseInt(part, 36) : NaN));
  return values.every((n) => Number.isInteger(n) && n >= 0) ? values : undefined;
}

/** A small non-negative integer argument, or undefined. */
export function decodeInt(text: string | undefined, max = 10_000): number | undefined {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}
