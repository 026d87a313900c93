/** The operations settings in the configuration: cooldown, metrics endpoint, corpus folder. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/paths.js';

test('GIVEN none of them WHEN loaded THEN they are absent (the defaults apply: 5 commands per 10 s, no endpoint, corpus/)', () => {
  const result = loadConfig({});
  assert.ok(result.ok);
  for (const key of ['cooldownCommands', 'cooldownSeconds', 'metricsPort', 'metricsHost', 'corpusDir']) assert.ok(!(key in result.config), key);
});

test('GIVEN each WHEN loaded THEN read as numbers, host and an absolute folder', () => {
  const result = loadConfig({ COOLDOWN_COMMANDS: ' 3 ', COOLDOWN_SECONDS: '20', METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', CORPUS_DIR: 'other/corpus' });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.config.cooldownCommands, 3);
  assert.equal(result.config.cooldownSeconds, 20);
  assert.equal(result.config.metricsPort, 9464);
  assert.equal(result.config.metricsHost, '0.0.0.0');
  assert.equal(result.config.corpusDir, join(PROJECT_ROOT, 'other/corpus'));
});

test('GIVEN COOLDOWN_COMMANDS=0 and METRICS_PORT=0 WHEN loaded THEN accepted (cooldown off, a free port)', () => {
  const result = loadConfig({ COOLDOWN_COMMANDS: '0', METRICS_PORT: '0' });
  assert.ok(result.ok);
  assert.equal(result.config.cooldownCommands, 0);
  assert.equal(result.config.metricsPort, 0);
});

test('GIVEN bad values WHEN loaded THEN each is named with what is expected', () => {
  const result = loadConfig({ COOLDOWN_COMMANDS: 'five', COOLDOWN_SECONDS: '0', METRICS_PORT: '70000', METRICS_HOST: 'local host' });
  assert.ok(!result.ok);
  assert.deepEqual(result.problems.map((p) => p.split(' ')[0]).sort(), ['COOLDOWN_COMMANDS', 'COOLDOWN_SECONDS', 'METRICS_HOST', 'METRICS_PORT']);
  assert.ok(result.problems.some((p) => /^METRICS_PORT must be between 0 and 65535/u.test(p)));
});

test('GIVEN METRICS_HOST without METRICS_PORT WHEN loaded THEN it says the host alone does nothing', () => {
  const result = loadConfig({ METRICS_HOST: '127.0.0.1' });
  assert.ok(!result.ok);
  assert.match(result.problems[0]!, /^METRICS_HOST has no effect without METRICS_PORT/u);
});
