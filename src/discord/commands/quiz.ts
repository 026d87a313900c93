// /quiz play [topic] [article] · /quiz stats
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { stringOption } from '../../app/context.js';
import { pressAnswer, quizStats, startQuiz, QUIZ } from '../../app/quiz.js';
import { completeTopic } from '../../app/scope.js';
import { articleChoices } from '../../app/vocabulary.js';
import { MAX_QUESTION_LENGTH } from '../../core/query.js';
import type { Command } from './types.js';

export const quiz = {
  data: new SlashCommandBuilder()
    .setName(QUIZ)
    .setNameLocalizations({ vi: 'do-vui', 'en-US': QUIZ })
    .setDescription('Multiple-choice questions from the dossier, with scores')
    .setDescriptionLocalizations({ vi: 'Câu đố trắc nghiệm từ hồ sơ, có tính điểm', 'en-US': 'Multiple-choice questions from the dossier, with scores' })
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((sub) =>
      sub.setName('play').setNameLocalizations({ vi: 'choi', 'en-US': 'play' })
        .setDescription('Post a question for the channel: one answer each, buttons A-D')
        .setDescriptionLocalizations({ vi: 'Đăng một câu đố cho cả kênh: mỗi người trả lời một lần bằng nút A-D', 'en-US': 'Post a question for the channel: one answer each, buttons A-D' })
        .addStringOption((o) =>
          o.setName('topic').setNameLocalizations({ vi: 'chu-de', 'en-US': 'topic' })
            .setDescription('Ask about this (a name, a place, an event)')
            .setDescriptionLocalizations({ vi: 'Hỏi về chủ đề này (tên người, địa danh, sự kiện)', 'en-US': 'Ask about this (a name, a place, an event)' })
            .setMaxLength(MAX_QUESTION_LENGTH).setAutocomplete(true))
        .addStringOption((o) =>
          o.setName('article').setNameLocalizations({ vi: 'bai-bao', 'en-US': 'article' })
            .setDescription('Ask about this article')
            .setDescriptionLocalizations({ vi: 'Hỏi về bài báo này', 'en-US': 'Ask about this article' })
            .setAutocomplete(true)))
    .addSubcommand((sub) =>
      sub.setName('stats').setNameLocalizations({ vi: 'thanh-tich', 'en-US': 'stats' })
        .setDescription('Your own quiz record in this server')
        .setDescriptionLocalizations({ vi: 'Thành tích đố vui của bạn trong máy chủ này', 'en-US': 'Your own quiz record in this server' })),
  // Only errors and stats are private; the question itself is for the whole channel.
  ephemeral: (req) => req.subcommand === 'stats',
  execute(ctx, req) {
    if (req.subcommand === 'stats') return quizStats(ctx, req);
    const topic = stringOption(req, 'topic');
    const article = stringOption(req, 'article');
    return startQuiz(ctx, req, { ...(topic !== undefined ? { topic } : {}), ...(article !== undefined ? { article } : {}) });
  },
  autocomplete(ctx, req) {
    return req.focused === 'article' ? articleChoices(ctx.vocabulary, req.value, req.locale) : completeTopic(ctx, req.value, req.locale);
  },
  buttons: { answer: pressAnswer },
} satisfies Command;
