// /summary create [topic] [article] [length] · /summary recent
// Discord allows subcommands or top-level options, not both, so making a summary is `create`.
import { SlashCommandBuilder } from 'discord.js';
import { stringOption, type OptionValue } from '../../app/context.js';
import { completeTopic } from '../../app/scope.js';
import { pressPin, recentSummaries, summary as makeSummary, SUMMARY } from '../../app/summary.js';
import { articleChoices } from '../../app/vocabulary.js';
import { MAX_SENTENCES, MIN_SENTENCES } from '../../core/summary.js';
import { MAX_QUESTION_LENGTH } from '../../core/query.js';
import type { Command } from './types.js';

export const summary = {
  data: new SlashCommandBuilder()
    .setName(SUMMARY)
    .setNameLocalizations({ vi: 'tom-tat', 'en-US': SUMMARY })
    .setDescription('Summarise the dossier in its own sentences, with sources')
    .setDescriptionLocalizations({
      vi: 'Tóm tắt hồ sơ bằng chính các câu trong bài, kèm nguồn',
      'en-US': 'Summarise the dossier in its own sentences, with sources',
    })
    .addSubcommand((sub) =>
      sub.setName('create').setNameLocalizations({ vi: 'tao', 'en-US': 'create' })
        .setDescription('A summary of the dossier or one article, in general or on a topic')
        .setDescriptionLocalizations({
          vi: 'Tóm tắt cả hồ sơ hoặc một bài, chung hoặc theo một chủ đề',
          'en-US': 'A summary of the dossier or one article, in general or on a topic',
        })
        .addStringOption((o) =>
          o.setName('topic').setNameLocalizations({ vi: 'chu-de', 'en-US': 'topic' })
            .setDescription('What the summary is about (a name, a place, an event)')
            .setDescriptionLocalizations({ vi: 'Chủ đề cần tóm tắt (tên người, địa danh, sự kiện)', 'en-US': 'What the summary is about (a name, a place, an event)' })
            .setMaxLength(MAX_QUESTION_LENGTH).setAutocomplete(true))
        .addStringOption((o) =>
          o.setName('article').setNameLocalizations({ vi: 'bai-bao', 'en-US': 'article' })
            .setDescription('Only summarise this article')
            .setDescriptionLocalizations({ vi: 'Chỉ tóm tắt bài báo này', 'en-US': 'Only summarise this article' })
            .setAutocomplete(true))
        .addIntegerOption((o) =>
          o.setName('length').setNameLocalizations({ vi: 'so-cau', 'en-US': 'length' })
            .setDescription(`How many sentences (${MIN_SENTENCES}-${MAX_SENTENCES}, default 5)`)
            .setDescriptionLocalizations({ vi: `Số câu (${MIN_SENTENCES}-${MAX_SENTENCES}, mặc định 5)`, 'en-US': `How many sentences (${MIN_SENTENCES}-${MAX_SENTENCES}, default 5)` })
            .setMinValue(MIN_SENTENCES).setMaxValue(MAX_SENTENCES)))
    .addSubcommand((sub) =>
      sub.setName('recent').setNameLocalizations({ vi: 'gan-day', 'en-US': 'recent' })
        .setDescription('Summaries recently pinned in this server')
        .setDescriptionLocalizations({ vi: 'Các bản tóm tắt được ghim gần đây trong máy chủ', 'en-US': 'Summaries recently pinned in this server' })),
  ephemeral: () => true,
  execute(ctx, req) {
    if (req.subcommand === 'recent') return recentSummaries(ctx, req);
    const topic = stringOption(req, 'topic');
    const article = stringOption(req, 'article');
    const length = numberOption(req.options.get('length'));
    return makeSummary(ctx, req, {
      ...(topic !== undefined ? { topic } : {}),
      ...(article !== undefined ? { article } : {}),
      ...(length !== undefined ? { length } : {}),
    });
  },
  autocomplete(ctx, req) {
    return req.focused === 'article' ? articleChoices(ctx.vocabulary, req.value, req.locale) : completeTopic(ctx, req.value, req.locale);
  },
  buttons: { pin: pressPin },
} satisfies Command;

function numberOption(value: OptionValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
