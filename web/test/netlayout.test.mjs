// The entity map's geometry (web/explore/netlayout.js), in Node: every
// node and name inside the drawing, the drawing no wider than the room
// when the room allows, no two names on one line of a side, and names
// shortened only when the room is narrow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { netLayout, edgePath, shorten, textWidth, FONT, COLUMN_BELOW } from '../explore/netlayout.js';

const NAMES = ['Alibaba', 'Chine', 'Jack Ma', 'Alibaba Cloud Intelligence', 'Amazon Web Services', 'Xi Jinping', 'Asie-Pacifique',
  'Organisation mondiale du commerce', 'UE', 'Martin Pasquier', 'Afrique du Sud', 'BNP Paribas', 'Ant Financial', 'Hangzhou', 'GAFA',
  'Troie', 'Europe', 'Google', 'Taobao', 'AliExpress', 'Microsoft', 'Tmall', 'AWS', 'Afrique', 'Alipay', 'Amérique', 'Ant Group',
  'Daniel Zhang', 'Ele.me', 'Asie', 'Pékin', 'Shanghai', 'Banque centrale européenne', 'Tencent', 'Huawei', 'Baidu', 'JD.com', 'Inde', 'Japon', 'Corée'];

test('nodes and names stay inside the drawing, which fits the room, and no two names share a line', () => {
  for (const room of [240, 300, 331, 360, 480, 640, 800, 1140, 1600]) {
    for (const n of [1, 2, 3, 7, 15, 30, 40]) {
      const names = NAMES.slice(0, n);
      const weights = names.map((_, i) => 50 / (i + 1));
      const lay = netLayout(names, weights, room);
      const at = `room ${room}, ${n} entities`;
      assert.equal(lay.nodes.length, n, at);
      if (room >= 320) assert.ok(lay.width <= room, `${at}: ${lay.width} px wide`);
      for (const b of lay.nodes) {
        for (const v of [b.x, b.y, b.r, b.lx]) assert.ok(Number.isFinite(v), `${at}: ${JSON.stringify(b)}`);
        assert.ok(b.x - b.r >= 0 && b.x + b.r <= lay.width && b.y - b.r >= 0 && b.y + b.r <= lay.height, `${at}: the node of ${b.label} is outside`);
        const w = textWidth(b.label);
        const [l, r] = b.anchor === 'start' ? [b.lx, b.lx + w] : [b.lx - w, b.lx];
        assert.ok(l >= 0 && r <= lay.width, `${at}: the name ${b.label} spans ${l}..${r} of ${lay.width}`);
        assert.ok(b.y - FONT / 2 >= 0 && b.y + FONT / 2 <= lay.height, `${at}: the name ${b.label} is cut at the top or bottom`);
        // Names are written outward: to the right of the centre, to the right.
        assert.equal(b.anchor === 'start', b.x >= lay.cx, `${at}: ${b.label} is written inward`);
      }
      for (const side of ['start', 'end']) {
        const ys = lay.nodes.filter((b) => b.anchor === side).map((b) => b.y).sort((a, b) => a - b);
        for (let i = 1; i < ys.length; i++) assert.ok(ys[i] - ys[i - 1] >= FONT + 4, `${at}: two names ${ys[i] - ys[i - 1]} px apart`);
      }
      // Every link stays within the drawing: its ends and the bulge of its curve.
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const d = edgePath(lay, lay.nodes[i], lay.nodes[j]);
          const xs = d.match(/-?[\d.]+/g).map(Number).filter((_, k) => k % 2 === 0);
          assert.ok(Math.min(...xs) >= -0.01 - (lay.mode === 'column' ? (lay.nodes[i].x - 2) / 3 : 0) && Math.max(...xs) <= lay.width, `${at}: ${d}`);
        }
      }
      assert.equal(lay.mode, room < COLUMN_BELOW ? 'column' : 'ellipse', at);
      // The biggest dot is the most mentioned entity's.
      assert.equal(Math.max(...lay.nodes.map((b) => b.r)), lay.nodes[0].r, at);
    }
  }
});

test('the drawing is no taller than its nodes need, and wider than high in a wide room', () => {
  const lay = netLayout(NAMES.slice(0, 30), NAMES.slice(0, 30).map(() => 1), 1140);
  const top = Math.min(...lay.nodes.map((b) => b.y - Math.max(b.r, FONT / 2)));
  const bottom = Math.max(...lay.nodes.map((b) => b.y + Math.max(b.r, FONT / 2)));
  assert.ok(top <= 6 && lay.height - bottom <= 6, `empty bands: ${top} px above, ${lay.height - bottom} px below`);
  assert.ok(lay.width > lay.height, `${lay.width} × ${lay.height}`);
  assert.ok(lay.height <= 600, `${lay.height} px high: it would not fit a screen with its caption`);
});

test('names are shortened only in a narrow room, with an ellipsis', () => {
  const long = 'Organisation mondiale du commerce';
  assert.equal(netLayout([long, 'UE'], [1, 1], 1140).nodes[0].label, long);
  const narrow = netLayout([long, 'UE'], [1, 1], 240).nodes[0].label;
  assert.ok(narrow.length < long.length && narrow.endsWith('…') && long.startsWith(narrow.slice(0, -1) + ' '), narrow);
  // Whole words only, so that what is seen is part of the link's name.
  assert.equal(shorten('Chine', 5), 'Chine');
  assert.equal(shorten('Martin Pasquier', 13), 'Martin…');
  assert.equal(shorten('Amazon Web Services', 13), 'Amazon Web…');
  assert.equal(shorten('Alibaba Cloud Intelligence', 15), 'Alibaba Cloud…');
  assert.equal(shorten('Asie-Pacifique', 13), 'Asie-Pacifique');
  assert.equal(shorten('Organisation-mondiale-du-commerce', 13), 'Organisation…');
  assert.equal(shorten('😀😀😀😀 😀', 3), '😀😀😀😀…');
  assert.equal(shorten('a😀😀😀😀😀😀 b', 3), 'a😀…');
});
