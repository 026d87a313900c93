// Message context menu "Hỏi hồ sơ" / "Ask the dossier": the message's text is the question.
import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { askAboutMessage } from '../../app/ask.js';
import type { Command } from './types.js';

export const ASK_MESSAGE = 'Ask the dossier';

export const askMessage = {
  data: new ContextMenuCommandBuilder()
    .setName(ASK_MESSAGE)
    .setNameLocalizations({ vi: 'Hỏi hồ sơ', 'en-US': ASK_MESSAGE })
    .setType(ApplicationCommandType.Message),
  ephemeral: () => true,
  execute: (ctx, req) => askAboutMessage(ctx, req),
} satisfies Command;
