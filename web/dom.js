// Small DOM helpers. Every text goes in as a Text node: nothing here ever
// parses a string as HTML.

/**
 * el creates an element. props: {class, text, attrs:{name:value}, on:{event:fn}, ...properties}.
 * children: nodes, strings (inserted as text), arrays, or null/false (skipped).
 */
export function el(doc, tag, props, ...children) {
  const e = doc.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k === 'attrs') for (const [a, av] of Object.entries(v)) { if (av !== undefined && av !== null && av !== false) e.setAttribute(a, String(av)); }
      else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e[k] = v;
    }
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (typeof c === 'string' || typeof c === 'number') parent.appendChild(parent.ownerDocument.createTextNode(String(c)));
    else parent.appendChild(c);
  }
}

/** clear removes every child of node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/**
 * normRanges sorts, clips to [0,len] and merges [start,end] pairs; bad
 * entries (non-numbers, empty or reversed ranges) are dropped.
 */
export function normRanges(ranges, len) {
  const out = [];
  if (!Array.isArray(ranges)) return out;
  for (const r of ranges) {
    if (!Array.isArray(r) || r.length < 2) continue;
    let s = Math.max(0, Math.floor(Number(r[0])));
    let e = Math.min(len, Math.floor(Number(r[1])));
    if (!Number.isFinite(s) || !Number.isFinite(e) || e <= s) continue;
    out.push([s, e]);
  }
  out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

/**
 * appendMarked appends text[from:to] to parent, wrapping the parts covered
 * by ranges (absolute offsets into text, already normalised) in
 * <mark class=cls> elements.
 */
export function appendMarked(parent, text, ranges, cls, from = 0, to = text.length) {
  const doc = parent.ownerDocument;
  let pos = from;
  // The first range ending after from (ranges are sorted and merged, so
  // their ends are in order too): a long text drawn a part at a time does
  // not walk all its marks for every part.
  let lo = 0, hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ranges.length && ranges[i][0] < to; i++) {
    const [s0, e0] = ranges[i];
    const s = Math.max(s0, from), e = Math.min(e0, to);
    if (e <= s) continue;
    if (s > pos) parent.appendChild(doc.createTextNode(text.slice(pos, s)));
    const m = doc.createElement('mark');
    if (cls) m.className = cls;
    m.textContent = text.slice(s, e);
    parent.appendChild(m);
    pos = e;
  }
  if (pos < to) parent.appendChild(doc.createTextNode(text.slice(pos, to)));
  return parent;
}
