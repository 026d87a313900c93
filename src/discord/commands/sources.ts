// /sources: the dossier's articles; a button per article shows its outline.
import { SlashCommandBuilder } from 'discord.js';
import { pressList, pressShow, sources as listSources, SOURCES } from '../../app/sources.js';
import type { Command } from './types.js';

export const sources = {
  data: new SlashCommandBuilder()
    .setName(SOURCES)
    .setNameLocalizations({ vi: 'nguon', 'en-US': SOURCES })
    .setDescription('The articles in the dossier, with their outlines')
    .setDescriptionLocalizations({ vi: 'Các bài báo trong hồ sơ và dàn ý của từng bài', 'en-US': 'The articles in the dossier, with their outlines' }),
  ephemeral: () => true,
  execute: (ctx, req) => listSources(ctx, req.locale),
  buttons: { show: pressShow, list: pressList },
} satisfies Command;
