// /leaderboard: the server's top 10 and the caller's own rank.
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { leaderboard as board, LEADERBOARD } from '../../app/leaderboard.js';
import type { Command } from './types.js';

export const leaderboard = {
  data: new SlashCommandBuilder()
    .setName(LEADERBOARD)
    .setNameLocalizations({ vi: 'bang-xep-hang', 'en-US': LEADERBOARD })
    .setDescription('The server’s top 10 quiz scorers and your own rank')
    .setDescriptionLocalizations({ vi: '10 người giỏi đố vui nhất máy chủ và thứ hạng của bạn', 'en-US': 'The server’s top 10 quiz scorers and your own rank' })
    .setContexts(InteractionContextType.Guild),
  ephemeral: () => false,
  execute: (ctx, req) => board(ctx, req),
} satisfies Command;
