// /ask question [article] [private] [mention]
import { SlashCommandBuilder } from 'discord.js';
import { ask as askQuestion, pressFull, pressMore, pressVote, ASK } from '../../app/ask.js';
import { booleanOption, stringOption, userOption } from '../../app/context.js';
import { articleChoices, completeQuestion } from '../../app/vocabulary.js';
import { MAX_QUESTION_LENGTH } from '../../core/query.js';
import type { Command } from './types.js';

export const ask = {
  data: new SlashCommandBuilder()
    .setName(ASK)
    .setNameLocalizations({ vi: 'hoi', 'en-US': ASK })
    .setDescription('Ask the dossier a question and get the best cited excerpt')
    .setDescriptionLocalizations({
      vi: 'Hỏi hồ sơ một câu và nhận đoạn trích phù hợp nhất, kèm nguồn',
      'en-US': 'Ask the dossier a question and get the best cited excerpt',
    })
    .addStringOption((o) =>
      o.setName('question').setNameLocalizations({ vi: 'cau-hoi', 'en-US': 'question' })
        .setDescription('Your question, in Vietnamese or English')
        .setDescriptionLocalizations({ vi: 'Câu hỏi của bạn, bằng tiếng Việt hoặc tiếng Anh', 'en-US': 'Your question, in Vietnamese or English' })
        .setRequired(true).setMaxLength(MAX_QUESTION_LENGTH).setAutocomplete(true))
    .addStringOption((o) =>
      o.setName('article').setNameLocalizations({ vi: 'bai-bao', 'en-US': 'article' })
        .setDescription('Only search this article')
        .setDescriptionLocalizations({ vi: 'Chỉ tìm trong bài báo này', 'en-US': 'Only search this article' })
        .setAutocomplete(true))
    .addBooleanOption((o) =>
      o.setName('private').setNameLocalizations({ vi: 'rieng-tu', 'en-US': 'private' })
        .setDescription('Only you see the answer')
        .setDescriptionLocalizations({ vi: 'Chỉ mình bạn thấy câu trả lời', 'en-US': 'Only you see the answer' }))
    .addUserOption((o) =>
      o.setName('mention').setNameLocalizations({ vi: 'nhac-ten', 'en-US': 'mention' })
        .setDescription('Point a member to the answer (only they are pinged)')
        .setDescriptionLocalizations({ vi: 'Gửi câu trả lời cho một thành viên (chỉ người này được nhắc)', 'en-US': 'Point a member to the answer (only they are pinged)' })),
  ephemeral: (req) => booleanOption(req, 'private') === true,
  execute(ctx, req) {
    const article = stringOption(req, 'article');
    const mention = userOption(req, 'mention');
    return askQuestion(ctx, req, {
      question: stringOption(req, 'question') ?? '',
      ...(article !== undefined ? { article } : {}),
      private: booleanOption(req, 'private') === true,
      ...(mention !== undefined ? { mention } : {}),
    });
  },
  autocomplete(ctx, req) {
    return req.focused === 'article' ? articleChoices(ctx.vocabulary, req.value, req.locale) : completeQuestion(ctx.vocabulary, req.value, req.locale);
  },
  buttons: { more: pressMore, full: pressFull, vote: pressVote },
} satisfies Command;
