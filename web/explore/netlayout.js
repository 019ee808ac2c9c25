// The entity map's geometry, apart from the DOM so that it can be tested
// in Node: the entities on the two sides of an ellipse, evenly spaced
// from top to bottom, each name written outward (to the right on the
// right side, to the left on the left side) so that no two names share a
// line; the drawing as wide as the names need, never wider than the room.

/** The labels' font size in px: the drawing is made at the width it is shown, so they stay this size. */
export const FONT = 12;
/** An estimate of a character's width, a little generous so that names are not cut. */
const CHAR = 0.62 * FONT;
/** Between a node and its name. */
const GAP = 4;
/** How far down the sides the nodes go: the top and bottom of the ellipse stay empty, where names would collide. */
const SIN = Math.sin((72 * Math.PI) / 180);

/**
 * shorten cuts a name longer than max characters after its last whole
 * word that fits, and ends it with an ellipsis: what is shown stays words
 * of the link's name (the name said and the name seen agree, for speech
 * input). A first word too long is kept whole up to twice max, and cut
 * within beyond.
 * @param {string} s
 * @param {number} max
 */
export function shorten(s, max) {
  const len = (/** @type {string} */ x) => [...x].length;
  if (len(s) <= max) return s;
  const words = s.split(/\s+/);
  let out = words[0];
  for (const w of words.slice(1)) {
    if (len(out) + 1 + len(w) + 1 > max) break;
    out += ' ' + w;
  }
  if (len(out) > 2 * max) return [...s].slice(0, max - 1).join('') + '…';
  return out === s ? s : out + '…';
}

/** @param {string} s */
export const textWidth = (s) => [...s].length * CHAR;

/**
 * @typedef {{x: number, y: number, r: number, label: string, lx: number, anchor: 'start'|'end'}} NodeBox
 * @typedef {{width: number, height: number, cx: number, cy: number, nodes: NodeBox[]}} NetLayout
 */

/**
 * netLayout places entities, given in clockwise order from the top right,
 * within room px of width: the right side takes the first half top to
 * bottom, the left side the rest bottom to top. Node radii grow with the
 * square root of weights (mentions); names longer than the room allows are
 * shortened (the full name is the link's label).
 * @param {string[]} names
 * @param {number[]} weights
 * @param {number} room the width available, in px
 * @param {(s: string) => number} [measure] a name's width in px at FONT
 *   (the browser's, where there is one); an estimate by default
 * @returns {NetLayout}
 */
export function netLayout(names, weights, room, measure = textWidth) {
  const n = names.length;
  const avail = Math.max(240, Math.min(1100, room || 640));
  const narrow = avail < 520;
  const labels = names.map((s) => shorten(s, avail < 420 ? 13 : avail < 700 ? 18 : avail < 1000 ? 26 : 36));
  const right = Math.ceil(n / 2), left = n - right;
  // The longest names of each side.
  const widths = labels.map(measure);
  const lw = (Math.max(0, ...widths.slice(0, right)) + Math.max(0, ...widths.slice(right))) / 2;
  const rows = Math.max(1, right);
  const rCap = narrow ? 8 : 14;
  // Half the ellipse's width that the names leave, and the vertical step
  // between two nodes of a side: as large as keeps the ellipse at most
  // 1.5 times wider than high, never so small that names touch.
  const rxAvail = Math.max(30, avail / 2 - lw - GAP - rCap - 2);
  const sMin = narrow ? 17 : 22;
  const s = rows > 1 ? Math.max(sMin, Math.min(34, (2 * (rxAvail / 1.5) * SIN) / (rows - 1))) : sMin;
  const halfY = ((rows - 1) * s) / 2;
  const ry = Math.max(30, halfY / SIN);
  const rx = Math.max(Math.min(rxAvail, 1.5 * ry), Math.min(rxAvail, 60));
  const rMax = Math.max(5, Math.min(rCap, s / 2 - 2));
  const maxW = Math.max(1e-9, ...weights);
  const pad = Math.max(rMax, FONT / 2) + 4;
  /** @type {NodeBox[]} */
  const nodes = [];
  for (let i = 0; i < n; i++) {
    const onRight = i < right;
    const y = onRight ? -halfY + i * s : halfY - s * (i - right + (rows - left) / 2);
    const x = (onRight ? 1 : -1) * rx * Math.sqrt(Math.max(0, 1 - (y / ry) ** 2));
    const r = 3 + (rMax - 3) * Math.sqrt(Math.max(0, weights[i]) / maxW);
    nodes.push({ x, y, r, label: labels[i], lx: x + (onRight ? r + GAP : -r - GAP), anchor: onRight ? 'start' : 'end' });
  }
  // The bounding box of nodes and names, moved to start at (0, 0).
  let x0 = 0, x1 = 0;
  for (const b of nodes) {
    const w = measure(b.label);
    x0 = Math.min(x0, b.x - b.r, b.anchor === 'end' ? b.lx - w : b.lx);
    x1 = Math.max(x1, b.x + b.r, b.anchor === 'start' ? b.lx + w : b.lx);
  }
  const dx = 2 - x0, dy = pad + halfY;
  for (const b of nodes) { b.x += dx; b.lx += dx; b.y += dy; }
  return { width: Math.ceil(x1 - x0 + 4), height: Math.ceil(2 * (pad + halfY)), cx: dx, cy: dy, nodes };
}
