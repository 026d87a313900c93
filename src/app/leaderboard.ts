// /leaderboard: the server's top 10 quiz scorers and where the caller stands. Public, with members
// shown as mentions (<@id>) that ping no one: the reply's mentionUserIds stay empty.
import type { AppContext, CommandRequest } from './context.js';
import { featureMessages } from './feature-messages.js';
import { notice, type Inline, type Reply } from './reply.js';

export const LEADERBOARD = 'leaderboard';
export const LEADERBOARD_SIZE = 10;

export function leaderboard(ctx: AppContext, req: Pick<CommandRequest, 'locale' | 'guildId' | 'userId'>): Reply {
  const f = featureMessages(req.locale);
  if (!ctx.store) return notice([f.storeMissing], 'error');
  if (req.guildId === undefined) return notice([f.leaderboardNotInServer], 'error');
  const top = ctx.store.scores.leaderboard(req.guildId, LEADERBOARD_SIZE);
  if (top.length === 0) return notice([f.leaderboardEmpty], 'info');
  const description: Inline[] = top.flatMap((m, i) => [
    ...(i > 0 ? ['\n'] : []),
    { bold: `${m.rank}.` }, ' ', { user: m.userId }, ` — ${f.leaderboardLine(m.points, m.correct, m.answered)}`,
  ]);
  const own = ctx.store.scores.rankOf(req.guildId, req.userId);
  const ownLine: Inline[] = [{ user: req.userId }, own ? f.ownRank(own.rank, own.members, own.points) : f.ownUnranked];
  return {
    embeds: [{ title: [f.leaderboardTitle], description, fields: [{ name: [f.leaderboardYou], value: ownLine }], footer: f.leaderboardFooter, tone: 'info' }],
    components: [],
    ephemeral: false,
    mentionUserIds: [],
  };
}
