// Seeded generators for the fuzz tests: hostile text (Vietnamese with combining marks, emoji,
// zero-width and right-to-left characters, Markdown, code fences, mentions, links, 6,000
// characters, nothing at all) and interaction specs for the stand-in's builders (commands with
// wrong option types, unknown commands, autocompletes, context menus, forged custom_ids).
// No tests here.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandOption,
  type Locale,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';

/** sfc32: small, fast, seeded; the same seed gives the same cases on every machine. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** [0, 1) */
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }
}

export const QUESTIONS = [
  'Kim Jong-un đến Nga bằng gì?',
  'kim jong un den nga bang gi',
  'Ông Putin tới Bình Nhưỡng khi nào?',
  'Hai nhà lãnh đạo ký hiệp ước gì?',
  'Thượng đỉnh Putin - Kim năm 2019 diễn ra ở đâu?',
  'Năm 2018 kim ngạch thương mại giữa Nga và Triều Tiên là bao nhiêu?',
  'tàu bọc thép',
  'Vladivostok',
  'How did Kim Jong-un travel to Russia?',
  'When did Putin arrive in Pyongyang?',
  'Where did Putin and Kim meet in 2019?',
  'Vostochny',
  'hiệp ước đối tác chiến lược toàn diện',
  'phở ngon nhất Hà Nội ở đâu?',
];

const MENTIONS = ['@everyone', '@here', '<@123>', '<@!123>', '<@&123>', '<#123>', '</ask:123>', '<t:0:R>', '<a:x:123>', '@everyone@here', '＠everyone', '@\u200beveryone', '<@1198765432109876543>'];
const MARKDOWN = ['**', '__', '*', '_', '~~', '||spoiler||', '`', '```', '```js\nconsole.log("x")\n```', '> quote', '>>> block', '# Heading', '## h2', '-# subtext', '- item', '1. one', '[link](https://evil.example)', '[**x**](<https://a.b>)', '\\', '\\*', '***bold italic***'];
const LINKS = ['https://discord.gg/abcdef', 'http://example.com/?q=<@123>&x=@everyone', 'https://xn--80ak6aa92e.com', 'javascript:alert(1)', '<https://quiet.example>', 'www.example.vn/tin-tuc'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u3164'];
const RTL = ['\u202e', '\u202b', '\u2067', '\u200f', 'مرحبا بالعالم', 'שלום עולם', '\u202egnp.exe'];
const EMOJI = ['😀', '👨‍👩‍👧‍👦', '🇻🇳', '👍🏽', '🏳️‍🌈', '❤️', '🫠', '🧑🏿‍🚀', '\u{1F600}\u{FE0F}', '©', '™'];
const VIETNAMESE = ['Kim Jong-un', 'Bình Nhưỡng', 'thượng đỉnh', 'hiệp ước', 'Điện Kremlin', 'tàu bọc thép', 'Mát-xcơ-va', 'hoà', 'hòa', 'thuỷ', 'đường sắt', 'Triều Tiên', 'NGƯỜI'];
const ODD = ['\u0000', '\u0007', '\r\n', '\t', '\u000b', '\u2028', '\u2029', '\u3000', 'ｆｕｌｌｗｉｄｔｈ', '𝐛𝐨𝐥𝐝', 'Ω≈ç√', '%s%d%n', '${x}', '{{x}}', "'; DROP TABLE quiz_answers; --", '../../etc/passwd', '0', '-1', '1e309', 'NaN', 'null', 'undefined', '[]', '{}', ':', '::', 'ask:more:1', '12/9/2023', '2024'];

/** Base letters with a pile of combining marks (U+0300-U+036F), and Vietnamese in decomposed form. */
function combining(rng: Rng): string {
  if (rng.chance(0.5)) return rng.pick(VIETNAMESE).normalize('NFD');
  let s = rng.pick(['a', 'e', 'o', 'u', 'd', 'Ư', 'ê']);
  const marks = 1 + rng.int(12);
  for (let i = 0; i < marks; i++) s += String.fromCodePoint(0x300 + rng.int(0x70));
  return s;
}

function piece(rng: Rng): string {
  switch (rng.int(11)) {
    case 0: return rng.pick(MENTIONS);
    case 1: return rng.pick(MARKDOWN);
    case 2: return rng.pick(LINKS);
    case 3: return rng.pick(INVISIBLE);
    case 4: return rng.pick(RTL);
    case 5: return rng.pick(EMOJI);
    case 6: return rng.pick(VIETNAMESE);
    case 7: return combining(rng);
    case 8: return rng.pick(ODD);
    case 9: return rng.pick(QUESTIONS);
    default: return String.fromCodePoint(0x20 + rng.int(0x2f00)).replace(/[\ud800-\udfff]/u, '?');
  }
}

/** Up to `max` code points of `s` (never half a surrogate pair). */
export function codePoints(s: string, max: number): string {
  return Array.from(s).slice(0, max).join('');
}

/** Hostile text: empty, blank, real questions dressed up, mixtures, up to exactly 6,000 characters. */
export function text(rng: Rng): string {
  const mode = rng.int(20);
  if (mode === 0) return '';
  if (mode === 1) return rng.pick([' ', '   ', '\n\n', '\t', '\u200b\u200b', '\u3000', ' \r\n ']);
  if (mode === 2 || mode === 3) {
    // Long: 6,000 characters exactly, or somewhere between 2,000 and 6,000.
    const target = mode === 2 ? 6_000 : 2_000 + rng.int(4_001);
    let s = '';
    while (s.length < target) s += piece(rng) + rng.pick([' ', '\n', '', '  ']);
    s = codePoints(s, target);
    while (s.length > target) s = codePoints(s, Array.from(s).length - 1);
    return s.padEnd(target, 'x');
  }
  if (mode <= 8) {
    const q = rng.pick(QUESTIONS);
    if (rng.chance(0.5)) return q;
    return [rng.chance(0.5) ? piece(rng) : '', q, piece(rng)].join(rng.pick([' ', '', '\n']));
  }
  const parts = 1 + rng.int(12);
  const out: string[] = [];
  for (let i = 0; i < parts; i++) out.push(piece(rng));
  return out.join(rng.pick([' ', '', '\n', ' ** ', ' @']));
}

export const LOCALES: readonly `${Locale}`[] = ['vi', 'vi', 'en-US', 'en-GB', 'fr', 'ja', 'zh-CN', 'ko', 'ru'];

/** Snowflake-looking ids (17-20 digits). */
export function snowflakeLike(rng: Rng): string {
  let s = String(1 + rng.int(9));
  const length = 17 + rng.int(4);
  while (s.length < length) s += String(rng.int(10));
  return s;
}

/** A member id from a small crowd (so cooldowns and second presses happen) or anyone. */
export function memberId(rng: Rng, crowd: readonly string[]): string {
  return rng.chance(0.9) ? rng.pick(crowd) : snowflakeLike(rng);
}

type Option = APIApplicationCommandInteractionDataBasicOption;

/** A value of the option's declared type, or (sometimes) of a wrong one. */
function optionFor(rng: Rng, name: string, declared: ApplicationCommandOptionType, focused = false): Option {
  const type = rng.chance(0.1)
    ? rng.pick([ApplicationCommandOptionType.String, ApplicationCommandOptionType.Integer, ApplicationCommandOptionType.Number, ApplicationCommandOptionType.Boolean, ApplicationCommandOptionType.User, ApplicationCommandOptionType.Role, ApplicationCommandOptionType.Channel])
    : declared;
  const focus = focused ? { focused: true } : {};
  switch (type) {
    case ApplicationCommandOptionType.Integer:
      return { name, type, value: rng.pick([0, 1, -1, 2, 5, 25, 100, 2 ** 31, -(2 ** 53)]), ...focus } as Option;
    case ApplicationCommandOptionType.Number:
      return { name, type, value: rng.pick([0.5, -0.0, 1e308, 3.14]), ...focus } as Option;
    case ApplicationCommandOptionType.Boolean:
      return { name, type, value: rng.chance(0.5), ...focus } as Option;
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Mentionable:
      // Discord sends ids; a forged payload might not.
      return { name, type, value: rng.chance(0.85) ? snowflakeLike(rng) : rng.pick(['@everyone', '<@&123>', 'abc', '', '0']), ...focus } as Option;
    default:
      return { name, type: ApplicationCommandOptionType.String, value: text(rng), ...focus } as Option;
  }
}

export interface CommandShape {
  readonly name: string;
  readonly options: readonly APIApplicationCommandOption[];
}

export function shapeOf(json: RESTPostAPIApplicationCommandsJSONBody): CommandShape {
  return { name: json.name, options: 'options' in json ? (json.options ?? []) : [] };
}

/** Options for a slash command: its own (some left out, some of a wrong type), an unknown one now and then; a subcommand if it has them. */
export function slashOptions(rng: Rng, shape: CommandShape): { subcommand?: string; options: Option[] } {
  const subcommands = shape.options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length > 0 && rng.chance(0.95)) {
    const sub = rng.pick(subcommands);
    return { subcommand: sub.name, options: basicOptions(rng, 'options' in sub ? (sub.options ?? []) : []) };
  }
  return { options: basicOptions(rng, shape.options.filter((o) => o.type !== ApplicationCommandOptionType.Subcommand && o.type !== ApplicationCommandOptionType.SubcommandGroup)) };
}

function basicOptions(rng: Rng, declared: readonly APIApplicationCommandOption[]): Option[] {
  const out: Option[] = [];
  for (const option of declared) {
    const required = 'required' in option && option.required === true;
    if (required ? rng.chance(0.95) : rng.chance(0.5)) out.push(optionFor(rng, option.name, option.type));
  }
  if (rng.chance(0.05)) out.push(optionFor(rng, rng.pick(['x', 'question2', 'Question', '']), ApplicationCommandOptionType.String));
  return out;
}

/** Options for an autocomplete: one focused (an autocompleted option, or any string option), the others filled sometimes. */
export function autocompleteOptions(rng: Rng, shape: CommandShape): { subcommand?: string; options: Option[] } {
  let declared = shape.options;
  let subcommand: string | undefined;
  const subcommands = declared.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length > 0) {
    const sub = rng.pick(subcommands);
    subcommand = sub.name;
    declared = 'options' in sub ? (sub.options ?? []) : [];
  }
  const strings = declared.filter((o): o is APIApplicationCommandBasicOption => o.type === ApplicationCommandOptionType.String);
  const auto = strings.filter((o) => 'autocomplete' in o && o.autocomplete === true);
  const focusedName = auto.length > 0 && rng.chance(0.9) ? rng.pick(auto).name : strings.length > 0 ? rng.pick(strings).name : 'question';
  const options: Option[] = [{ name: focusedName, type: ApplicationCommandOptionType.String, value: rng.chance(0.3) ? codePoints(text(rng), 100) : text(rng), focused: true } as Option];
  for (const option of declared) {
    if (option.name !== focusedName && option.type !== ApplicationCommandOptionType.Subcommand && rng.chance(0.3)) options.push(optionFor(rng, option.name, option.type));
  }
  return { ...(subcommand !== undefined ? { subcommand } : {}), options };
}

/** A custom_id nobody issued: random, or a real one with a part changed. */
export function forgedCustomId(rng: Rng, real: readonly string[]): string {
  const base = real.length > 0 && rng.chance(0.7) ? rng.pick(real) : 'ask:more:1:abcd1234:Xy-_0123:1:0.1.2:-';
  const parts = base.split(':');
  switch (rng.int(9)) {
    case 0: return codePoints(text(rng), 100);
    case 1: return parts.slice(0, 1 + rng.int(parts.length)).join(':');
    case 2: parts[2] = rng.pick(['0', '2', '', 'v1', '１']); return parts.join(':');
    case 3: parts[rng.int(parts.length)] = codePoints(text(rng), 20).replaceAll(':', ''); return codePoints(parts.join(':'), 100);
    case 4: parts[1] = rng.pick(['delete', 'admin', '', '__proto__', 'constructor', 'toString', 'more ']); return parts.join(':');
    case 5: parts[0] = rng.pick(['Ask', 'ask ', '', '__proto__', 'quiz', 'summary', 'unknown']); return parts.join(':');
    case 6: return codePoints(`${base}:${'9'.repeat(rng.int(80))}`, 100);
    case 7: return parts.map((p, i) => (i > 2 && rng.chance(0.5) ? String(rng.int(1_000_000)) : p)).join(':');
    default: return rng.pick(['', ':', ':::', 'a:b', 'a:b:1', 'ask:full:1', 'ask:full:1:x:zzzzz', 'ask:vote:1:x:y:z:w', 'search:page:1:-:-:-:-:-', 'sources:show:1:999999']);
  }
}
