// originalURL: the reader's link to a document's original file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { originalURL } from '../reader.js';

test('originalURL escapes each segment under the base', () => {
  assert.equal(originalURL('originals/', 'rapports/2020 bilan #1.pdf'), 'originals/rapports/2020%20bilan%20%231.pdf');
  assert.equal(originalURL('originals', 'a.docx'), 'originals/a.docx');
  assert.equal(originalURL('https://example.org/docs/', 'été/à.odt'), 'https://example.org/docs/%C3%A9t%C3%A9/%C3%A0.odt');
});

test('originalURL gives no link without a base or for a path that climbs', () => {
  assert.equal(originalURL('', 'a.pdf'), '');
  assert.equal(originalURL(undefined, 'a.pdf'), '');
  assert.equal(originalURL('originals/', ''), '');
  assert.equal(originalURL('originals/', '../secret.pdf'), '');
  assert.equal(originalURL('originals/', 'a//b.pdf'), '');
});
