// /timeline [topic] [article]
import { SlashCommandBuilder } from 'discord.js';
import { stringOption } from '../../app/context.js';
import { completeTopic } from '../../app/scope.js';
import { pressTimelinePage, timelineView, TIMELINE } from '../../app/timeline.js';
import { articleChoices } from '../../app/vocabulary.js';
import { MAX_QUESTION_LENGTH } from '../../core/query.js';
import type { Command } from './types.js';

export const timeline = {
  data: new SlashCommandBuilder()
    .setName(TIMELINE)
    .setNameLocalizations({ vi: 'dong-thoi-gian', 'en-US': TIMELINE })
    .setDescription('The dossier’s dated events in order, each with its source')
    .setDescriptionLocalizations({
      vi: 'Các sự kiện có ngày tháng trong hồ sơ, theo thứ tự thời gian, kèm nguồn',
      'en-US': 'The dossier’s dated events in order, each with its source',
    })
    .addStringOption((o) =>
      o.setName('topic').setNameLocalizations({ vi: 'chu-de', 'en-US': 'topic' })
        .setDescription('Only events about this (a name, a place, an event)')
        .setDescriptionLocalizations({ vi: 'Chỉ các sự kiện về chủ đề này (tên người, địa danh, sự kiện)', 'en-US': 'Only events about this (a name, a place, an event)' })
        .setMaxLength(MAX_QUESTION_LENGTH).setAutocomplete(true))
    .addStringOption((o) =>
      o.setName('article').setNameLocalizations({ vi: 'bai-bao', 'en-US': 'article' })
        .setDescription('Only events from this article')
        .setDescriptionLocalizations({ vi: 'Chỉ các sự kiện trong bài báo này', 'en-US': 'Only events from this article' })
        .setAutocomplete(true)),
  ephemeral: () => true,
  execute(ctx, req) {
    const topic = stringOption(req, 'topic');
    const article = stringOption(req, 'article');
    return timelineView(ctx, req, { ...(topic !== undefined ? { topic } : {}), ...(article !== undefined ? { article } : {}) });
  },
  autocomplete(ctx, req) {
    return req.focused === 'article' ? articleChoices(ctx.vocabulary, req.value, req.locale) : completeTopic(ctx, req.value, req.locale);
  },
  buttons: { page: pressTimelinePage },
} satisfies Command;
