/** Reply models to discord.js payloads: allowed mentions, flags, and every Discord limit. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageFlags } from 'discord.js';
import { ask } from '../../src/app/ask.js';
import { createAppContext } from '../../src/app/context.js';
import type { Reply } from '../../src/app/reply.js';
import { embedLength, renderChoices, renderReply, renderUpdate } from '../../src/discord/render/payload.js';
import { LIMITS } from '../../src/discord/render/limits.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';

const NO_PINGS = { parse: [], users: [], roles: [], repliedUser: false };
const long = (n: number, word = 'Triều Tiên ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);

function reply(partial: Partial<Reply>): Reply {
  return { embeds: [], components: [], ephemeral: false, mentionUserIds: [], ...partial };
}

test('GIVEN any reply WHEN rendered THEN allowed mentions let nothing ping but the listed users', () => {
  assert.deepEqual(renderReply(reply({ content: ['hi'] })).allowedMentions, NO_PINGS);
  assert.deepEqual(renderReply(reply({ content: [{ user: '5' }], mentionUserIds: ['5', '5'] })).allowedMentions, { ...NO_PINGS, users: ['5'] });
  assert.deepEqual(renderUpdate(reply({ embeds: [{ description: ['x'] }] })).allowedMentions, NO_PINGS);
});

test('GIVEN an ephemeral reply WHEN rendered THEN it carries flags 64; an update never carries flags', () => {
  const model = reply({ embeds: [{ description: ['x'] }], ephemeral: true });
  assert.equal(renderReply(model).flags, MessageFlags.Ephemeral);
  assert.equal(Number(MessageFlags.Ephemeral), 64);
  assert.equal('flags' in renderUpdate(model), false);
  assert.equal('flags' in renderReply({ ...model, ephemeral: false }), false);
});

test('GIVEN an update without content WHEN rendered THEN content is left out so the message keeps its own', () => {
  assert.equal('content' in renderUpdate(reply({ embeds: [{ description: ['x'] }] })), false);
});

test('GIVEN oversized parts WHEN rendered THEN every Discord limit holds', () => {
  const payload = renderReply(reply({
    content: [long(5000)],
    embeds: [{
      author: long(400),
      title: [long(400)],
      description: [long(9000)],
      fields: Array.from({ length: 30 }, (_, i) => ({ name: [long(300)], value: [{ bold: long(2000) }, String(i)] })),
      footer: long(3000),
    }],
    components: Array.from({ length: 7 }, (_, r) => ({ buttons: Array.from({ length: 7 }, (_, b) => ({ customId: `x:${r}:${b}`, label: long(120), style: 'primary' as const })) })),
  }));
  assert.ok(payload.content!.length <= LIMITS.content);
  const [embed] = payload.embeds;
  assert.ok(embed!.author!.name.length <= LIMITS.author);
  assert.ok(embed!.title!.length <= LIMITS.embedTitle);
  assert.ok(embed!.description!.length <= LIMITS.embedDescription);
  assert.ok(embed!.fields!.length <= LIMITS.embedFields);
  for (const field of embed!.fields!) {
    assert.ok(field.name.length <= LIMITS.fieldName);
    assert.ok(field.value.length <= LIMITS.fieldValue);
  }
  assert.ok(embed!.footer!.text.length <= LIMITS.footer);
  assert.ok(embedLength(embed!) <= LIMITS.embedTotal, `total ${embedLength(embed!)}`);
  assert.equal(payload.components.length, LIMITS.rows);
  for (const row of payload.components) {
    assert.equal(row.components.length, LIMITS.buttonsPerRow);
    for (const b of row.components) assert.ok((b.label ?? '').length <= LIMITS.buttonLabel);
  }
  assert.ok(embed!.description!.endsWith('…'), 'cut with an ellipsis');
});

test('GIVEN several embeds over 6000 together WHEN rendered THEN the sum fits', () => {
  const payload = renderReply(reply({ embeds: Array.from({ length: 3 }, () => ({ title: ['t'], description: [long(4000)], fields: [{ name: ['n'], value: [long(1000)] }] })) }));
  const total = payload.embeds.reduce((sum, e) => sum + embedLength(e), 0);
  assert.ok(total <= LIMITS.embedTotal, `total ${total}`);
});

test('GIVEN a custom_id over 100 characters WHEN rendered THEN rendering refuses it', () => {
  assert.throws(() => renderReply(reply({ components: [{ buttons: [{ customId: 'x'.repeat(101), label: 'x', style: 'primary' }] }] })), /custom_id over 100/u);
});

test('GIVEN many autocomplete choices WHEN rendered THEN at most 25, names cut to 100, values over 100 dropped', () => {
  const choices = renderChoices([
    { name: long(150), value: 'ok' },
    { name: 'too long', value: 'v'.repeat(101) },
    { name: 'empty', value: '' },
    ...Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })),
  ]);
  assert.equal(choices.length, 25);
  assert.ok(choices[0]!.name.length <= 100);
  assert.ok(choices.every((c) => c.value.length <= 100 && c.value !== ''));
});

test('GIVEN a real answer in each locale WHEN rendered THEN the embed, labels and citation are in that language', () => {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  assert.ok(opened.ok);
  const ctx = createAppContext({ index: opened.value.index, feedback: { record: () => undefined } });
  const vi = renderReply(ask(ctx, { locale: 'vi', userId: '1' }, { question: 'Kim Jong-un đến Nga bằng gì?' }));
  const en = renderReply(ask(ctx, { locale: 'en', userId: '1' }, { question: 'Kim Jong-un đến Nga bằng gì?' }));
  assert.equal(vi.embeds[0]!.fields![0]!.name, 'Nguồn');
  assert.equal(en.embeds[0]!.fields![0]!.name, 'Source');
  assert.match(vi.embeds[0]!.fields![0]!.value, /tháng \d+\/\d{4}|\d+\/\d+\/\d{4}|năm \d{4}/u);
  assert.match(en.embeds[0]!.fields![0]!.value, /(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|\d{4}/u);
  assert.equal(vi.components[0]!.components[2]!.label, 'Hữu ích');
  assert.equal(en.components[0]!.components[3]!.label, 'Not helpful');
  assert.match(vi.embeds[0]!.description!, /\*\*.+\*\*/u);
});

test('GIVEN a corpus excerpt full of Markdown WHEN rendered THEN the embed description cannot break', () => {
  const text = '*** `code ``` __under__ ~~strike~~ ||spoiler|| > quote\n# heading [link](x)';
  const markdown = renderReply(reply({ embeds: [{ description: [text, { bold: 'Nga' }] }] })).embeds[0]!.description!;
  assert.equal(markdown.replace(/\\(.)/g, '$1').replace('**Nga**', 'Nga'), `${text}Nga`, 'unescaped, it reads as the original');
});
