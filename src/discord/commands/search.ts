// /search query [article]
import { SlashCommandBuilder } from 'discord.js';
import { stringOption } from '../../app/context.js';
import { pressPage, search as searchPassages, SEARCH } from '../../app/search.js';
import { articleChoices } from '../../app/vocabulary.js';
import { MAX_QUESTION_LENGTH } from '../../core/query.js';
import type { Command } from './types.js';

export const search = {
  data: new SlashCommandBuilder()
    .setName(SEARCH)
    .setNameLocalizations({ vi: 'tim', 'en-US': SEARCH })
    .setDescription('List the passages that match some keywords')
    .setDescriptionLocalizations({ vi: 'Liệt kê các đoạn khớp với từ khóa', 'en-US': 'List the passages that match some keywords' })
    .addStringOption((o) =>
      o.setName('query').setNameLocalizations({ vi: 'tu-khoa', 'en-US': 'query' })
        .setDescription('Keywords: names, places, events')
        .setDescriptionLocalizations({ vi: 'Từ khóa: tên người, địa danh, sự kiện', 'en-US': 'Keywords: names, places, events' })
        .setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
    .addStringOption((o) =>
      o.setName('article').setNameLocalizations({ vi: 'bai-bao', 'en-US': 'article' })
        .setDescription('Only search this article')
        .setDescriptionLocalizations({ vi: 'Chỉ tìm trong bài báo này', 'en-US': 'Only search this article' })
        .setAutocomplete(true)),
  ephemeral: () => false,
  execute(ctx, req) {
    const article = stringOption(req, 'article');
    return searchPassages(ctx, req, { query: stringOption(req, 'query') ?? '', ...(article !== undefined ? { article } : {}) });
  },
  autocomplete: (ctx, req) => articleChoices(ctx.vocabulary, req.value, req.locale),
  buttons: { page: pressPage },
} satisfies Command;
