// /help
import { SlashCommandBuilder } from 'discord.js';
import { help as helpView } from '../../app/help.js';
import type { Command } from './types.js';

export const help = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations({ vi: 'huong-dan', 'en-US': 'help' })
    .setDescription('What this bot does, its commands and example questions')
    .setDescriptionLocalizations({ vi: 'Bot làm được gì, các lệnh và câu hỏi mẫu', 'en-US': 'What this bot does, its commands and example questions' }),
  ephemeral: () => true,
  execute: (ctx, req) => helpView(ctx, req.locale),
} satisfies Command;
