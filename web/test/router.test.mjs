// The page's address: parseHash and formatHash, in Node (no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHash, formatHash, normState } from '../router.js';

test('addresses round-trip through the state', () => {
  for (const hash of [
    '',
    '#q=alibaba',
    '#q=budget&author=Martin%20Pasquier&from=2020-01-01&to=2020-12-31',
    '#q=budget&section=%C3%89conomie&tag=ville',
    '#doc=manpages-fr%2Fman1%2Fcp.1&s=3&q=copier',
    '#kwic=fichier&match=forms&order=right&page=2',
  ]) {
    assert.equal(formatHash(parseHash(hash)), hash, hash);
  }
});

test('section and tag filters are read, kept and cleared', () => {
  const st = parseHash('#q=budget&section=%C3%89conomie&tag=ville');
  assert.equal(st.view, 'search');
  assert.equal(st.section, 'Économie');
  assert.equal(st.tag, 'ville');
  assert.equal(formatHash(normState({ ...st, section: '', tag: '' })), '#q=budget');
  assert.equal(parseHash('#q=x').section, '');
});
