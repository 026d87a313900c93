// /help: what the bot does, its commands, example questions in both languages.
import type { ReplyLocale } from '../core/types.js';
import type { AppContext } from './context.js';
import { messages } from './messages.js';
import type { Inline, Reply } from './reply.js';

export function help(ctx: AppContext, locale: ReplyLocale): Reply {
  const t = messages(locale);
  const commands: Inline[] = ctx.commands.flatMap((c, i) => [...(i > 0 ? ['\n'] : []), { bold: c.usage[locale] }, ` — ${c.description[locale]}`]);
  // Examples are the dossier's own (corpus/examples.yaml): the code knows nothing of its articles.
  const examples = (which: ReplyLocale): Inline[] => (ctx.index.dossier.examples?.[which] ?? []).flatMap((q, i) => [...(i > 0 ? ['\n'] : []), '• ', q]);
  return {
    embeds: [{
      title: [t.helpTitle],
      description: [t.helpIntro, '\n\n', t.helpPrivacy],
      fields: [
        ...(commands.length > 0 ? [{ name: [t.helpCommands], value: commands }] : []),
        { name: ['Hỏi hồ sơ / Ask the dossier'], value: [t.helpContextMenu] },
        ...(examples('vi').length > 0 ? [{ name: [t.helpExamplesVi], value: examples('vi'), inline: true }] : []),
        ...(examples('en').length > 0 ? [{ name: [t.helpExamplesEn], value: examples('en'), inline: true }] : []),
      ],
      footer: t.helpFooter,
      tone: 'info',
    }],
    components: [],
    ephemeral: true,
    mentionUserIds: [],
  };
}
