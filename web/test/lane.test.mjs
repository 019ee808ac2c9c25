// The Lane (web/lane.js), in Node: one call in flight, the latest next,
// only the latest answer counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lane } from '../lane.js';

test('typing fast: one call in flight, only the latest waits, only it answers', async () => {
  const lane = new Lane();
  let inFlight = 0, most = 0;
  const ran = [];
  const call = (q) => lane.run(async () => {
    ran.push(q);
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    return q.toUpperCase();
  });
  const word = 'strategie';
  const answers = await Promise.all([...word].map((_, i) => call(word.slice(0, i + 1))));
  assert.equal(most, 1, 'calls in flight at once');
  assert.deepEqual(ran, ['s', word], 'the first call runs, then only the latest');
  assert.deepEqual(answers.slice(0, -1), Array(word.length - 1).fill(null), 'superseded calls answer null');
  assert.deepEqual(answers.at(-1), { value: 'STRATEGIE' });
  assert.equal(lane.started, 2);
});

test('errors are answers; cancel drops what is pending', async () => {
  const lane = new Lane();
  const bad = await lane.run(async () => { throw new Error('boom'); });
  assert.equal(bad.error.message, 'boom');
  const a = lane.run(() => new Promise((r) => setTimeout(() => r(1), 5)));
  const b = lane.run(async () => 2);
  const gen = lane.gen;
  lane.cancel();
  assert.equal(lane.current(gen), false);
  assert.deepEqual(await Promise.all([a, b]), [null, null]);
  assert.deepEqual(await lane.run(async () => 3), { value: 3 });
});
