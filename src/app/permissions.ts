// Discord permission bits the handlers check, as plain bigints (the app layer does not import
// discord.js; a test checks these equal discord.js's PermissionFlagsBits).
//
// Pinning needs Pin Messages (1 << 51) since Discord split it from Manage Messages on 2026-01-12:
// Manage Messages alone no longer lets anyone pin, so it is not accepted for the bot either.
// discord.js's own `Message#pinnable` also wants Read Message History beside it.

export const PERMISSIONS = {
  Administrator: 1n << 3n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  PinMessages: 1n << 51n,
} as const;

export type PermissionName = keyof typeof PERMISSIONS;

/** What the bot needs to post a summary and pin it. */
export const BOT_PIN_PERMISSIONS: readonly PermissionName[] = ['ViewChannel', 'SendMessages', 'EmbedLinks', 'ReadMessageHistory', 'PinMessages'];

/**
 * The permissions of `wanted` that `granted` lacks. `undefined` means no permission system at
 * all (the local console), where nothing is missing; Administrator implies every permission.
 */
export function missingPermissions(granted: bigint | undefined, wanted: readonly PermissionName[]): PermissionName[] {
  if (granted === undefined || (granted & PERMISSIONS.Administrator) !== 0n) return [];
  return wanted.filter((name) => (granted & PERMISSIONS[name]) === 0n);
}
