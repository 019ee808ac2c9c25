// The entity map's geometry, apart from the DOM so that it can be tested
// in Node. In a wide room, the entities on the two sides of an ellipse,
// evenly spaced from top to bottom, each name written outward (to the
// right on the right side, to the left on the left side) so that no two
// names share a line, the links curved toward the centre. In a narrow
// room (a phone), where an ellipse would be squeezed between its names,
// the entities in one column with their names on the right and the links
// as arcs on the left. The drawing is as wide as the names need, never
// wider than the room.

/** The labels' font size in px: the drawing is made at the width it is shown, so they stay this size. */
export const FONT = 12;
/** An estimate of a character's width, a little generous so that names are not cut. */
const CHAR = 0.62 * FONT;
/** Between a node and its name. */
const GAP = 4;
/** How far down the sides the nodes go: the top and bottom of the ellipse stay empty, where names would collide. */
const SIN = Math.sin((72 * Math.PI) / 180);
/** Below this width, one column. */
export const COLUMN_BELOW = 520;

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
 * @typedef {{mode: 'ellipse'|'column', width: number, height: number, cx: number, cy: number, nodes: NodeBox[]}} NetLayout
 */

/**
 * netLayout places entities within room px of width. On an ellipse, they
 * go clockwise from the top right: the right side takes the first half top
 * to bottom, the left side the rest bottom to top; in a column, top to
 * bottom. Node radii grow with the square root of weights (mentions);
 * names longer than the room allows are shortened (the full name is the
 * link's label).
 * @param {string[]} names
 * @param {number[]} weights
 * @param {number} room the width available, in px
 * @param {(s: string) => number} [measure] a name's width in px at FONT
 *   (the browser's, where there is one); an estimate by default
 * @returns {NetLayout}
 */
export function netLayout(names, weights, room, measure = textWidth) {
  const avail = Math.max(240, Math.min(1100, room || 640));
  const maxW = Math.max(1e-9, ...weights);
  const radius = (/** @type {number} */ i, /** @type {number} */ rMax) => 3 + (rMax - 3) * Math.sqrt(Math.max(0, weights[i]) / maxW);
  return avail < COLUMN_BELOW ? column(names, radius, avail, measure) : ellipse(names, radius, avail, measure);
}

/**
 * @param {string[]} names
 * @param {(i: number, rMax: number) => number} radius
 * @param {number} avail
 * @param {(s: string) => number} measure
 * @returns {NetLayout}
 */
function ellipse(names, radius, avail, measure) {
  const n = names.length;
  const labels = names.map((s) => shorten(s, avail < 700 ? 18 : avail < 1000 ? 26 : 36));
  const right = Math.ceil(n / 2), left = n - right;
  // The longest names of each side.
  const widths = labels.map(measure);
  const lw = (Math.max(0, ...widths.slice(0, right)) + Math.max(0, ...widths.slice(right))) / 2;
  const rows = Math.max(1, right);
  const rCap = 14;
  // Half the ellipse's width that the names leave, and the vertical step
  // between two nodes of a side: as large as keeps the ellipse at most
  // 1.5 times wider than high, never so small that names touch.
  const rxAvail = Math.max(30, avail / 2 - lw - GAP - rCap - 2);
  const s = rows > 1 ? Math.max(22, Math.min(34, (2 * (rxAvail / 1.5) * SIN) / (rows - 1))) : 22;
  const halfY = ((rows - 1) * s) / 2;
  const ry = Math.max(30, halfY / SIN);
  const rx = Math.max(Math.min(rxAvail, 1.5 * ry), Math.min(rxAvail, 60));
  const rMax = Math.max(5, Math.min(rCap, s / 2 - 2));
  const pad = Math.max(rMax, FONT / 2) + 4;
  /** @type {NodeBox[]} */
  const nodes = [];
  for (let i = 0; i < n; i++) {
    const onRight = i < right;
    const y = onRight ? -halfY + i * s : halfY - s * (i - right + (rows - left) / 2);
    const x = (onRight ? 1 : -1) * rx * Math.sqrt(Math.max(0, 1 - (y / ry) ** 2));
    const r = radius(i, rMax);
    nodes.push({ x, y, r, label: labels[i], lx: x + (onRight ? r + GAP : -r - GAP), anchor: onRight ? 'start' : 'end' });
  }
  // The bounding box of nodes and names, moved to start at (0, 0).
  let x0 = 0, x1 = 0;
  nodes.forEach((b, i) => {
    x0 = Math.min(x0, b.x - b.r, b.anchor === 'end' ? b.lx - widths[i] : b.lx);
    x1 = Math.max(x1, b.x + b.r, b.anchor === 'start' ? b.lx + widths[i] : b.lx);
  });
  const dx = 2 - x0, dy = pad + halfY;
  for (const b of nodes) { b.x += dx; b.lx += dx; b.y += dy; }
  return { mode: 'ellipse', width: Math.ceil(x1 - x0 + 4), height: Math.ceil(2 * (pad + halfY)), cx: dx, cy: dy, nodes };
}

/**
 * @param {string[]} names
 * @param {(i: number, rMax: number) => number} radius
 * @param {number} avail
 * @param {(s: string) => number} measure
 * @returns {NetLayout}
 */
function column(names, radius, avail, measure) {
  const n = names.length;
  const s = 20, rMax = 8, pad = rMax + 4;
  // Names as long as leave the arcs a third of the room.
  let labels = names, widths = labels.map(measure);
  for (const max of [28, 22, 18, 14, 10]) {
    labels = names.map((x) => shorten(x, max));
    widths = labels.map(measure);
    if (Math.max(0, ...widths) <= (2 * avail) / 3 - 2 * rMax - GAP - 4) break;
  }
  const lw = Math.max(0, ...widths);
  const x = Math.max(rMax + 40, avail - lw - GAP - rMax - 2);
  const nodes = labels.map((label, i) => {
    const r = radius(i, rMax);
    return /** @type {NodeBox} */ ({ x, y: pad + i * s, r, label, lx: x + r + GAP, anchor: 'start' });
  });
  return { mode: 'column', width: Math.ceil(x + rMax + GAP + lw + 2), height: Math.ceil(2 * pad + Math.max(0, n - 1) * s), cx: 0, cy: 0, nodes };
}

/**
 * edgePath is the SVG path of a link between two nodes: bent toward the
 * ellipse's centre, or an arc on the left of the column, wider the further
 * apart its nodes, never past the drawing's left edge.
 * @param {NetLayout} lay
 * @param {NodeBox} a
 * @param {NodeBox} b
 */
export function edgePath(lay, a, b) {
  const f = (/** @type {number} */ v) => String(Math.round(v * 100) / 100);
  if (lay.mode === 'column') {
    // A cubic's bulge is 3/4 of its control points' offset.
    const k = Math.min((a.x - 2) / 0.75, Math.abs(a.y - b.y) * 0.7);
    return `M${f(a.x)} ${f(a.y)}C${f(a.x - k)} ${f(a.y)} ${f(b.x - k)} ${f(b.y)} ${f(b.x)} ${f(b.y)}`;
  }
  const qx = ((a.x + b.x) / 2 + lay.cx) / 2, qy = ((a.y + b.y) / 2 + lay.cy) / 2;
  return `M${f(a.x)} ${f(a.y)}Q${f(qx)} ${f(qy)} ${f(b.x)} ${f(b.y)}`;
}
