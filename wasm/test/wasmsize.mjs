// Where the bytes of a .wasm go: code per Go package (from the "name"
// section of a build without -s -w), data segments and the rest. Used by
// size.test.mjs to explain a budget overrun; also a command:
//   node wasm/test/wasmsize.mjs file.wasm [top]
import { readFileSync } from 'node:fs';

function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [result, pos];
  }
}

/**
 * Returns {sections: {name: bytes}, packages: [[pkg, codeBytes]], names}
 * for the module in buf: names maps a function's index (imports counted)
 * to its name in the name section.
 */
export function breakdown(buf) {
  const sectionNames = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
  const sections = {};
  let pos = 8;
  let imports = 0;
  let bodies = [];
  const names = new Map();
  while (pos < buf.length) {
    const id = buf[pos];
    let size;
    [size, pos] = leb(buf, pos + 1);
    const end = pos + size;
    let name = sectionNames[id] || `section ${id}`;
    if (id === 0) {
      let n;
      let p;
      [n, p] = leb(buf, pos);
      name = `custom:${buf.subarray(p, p + n).toString()}`;
      if (name === 'custom:name') {
        p += n;
        while (p < end) {
          const sub = buf[p];
          let len;
          [len, p] = leb(buf, p + 1);
          const subEnd = p + len;
          if (sub === 1) {
            let count;
            [count, p] = leb(buf, p);
            for (let i = 0; i < count; i++) {
              let idx;
              let l;
              [idx, p] = leb(buf, p);
              [l, p] = leb(buf, p);
              names.set(idx, buf.subarray(p, p + l).toString());
              p += l;
            }
          }
          p = subEnd;
        }
      }
    } else if (id === 2) {
      let count;
      let p;
      [count, p] = leb(buf, pos);
      for (let i = 0; i < count; i++) {
        let l;
        [l, p] = leb(buf, p);
        p += l;
        [l, p] = leb(buf, p);
        p += l;
        const kind = buf[p++];
        if (kind === 0) { [, p] = leb(buf, p); imports++; } else if (kind === 1) { p += 1; const f = buf[p++]; [, p] = leb(buf, p); if (f & 1) [, p] = leb(buf, p); } else if (kind === 2) { const f = buf[p++]; [, p] = leb(buf, p); if (f & 1) [, p] = leb(buf, p); } else if (kind === 3) { p += 2; }
      }
    } else if (id === 10) {
      let count;
      let p;
      [count, p] = leb(buf, pos);
      for (let i = 0; i < count; i++) {
        let l;
        const start = p;
        [l, p] = leb(buf, p);
        p += l;
        bodies.push(p - start);
      }
    }
    sections[name] = (sections[name] || 0) + size;
    pos = end;
  }
  const perPkg = new Map();
  bodies.forEach((size, i) => {
    const fn = names.get(imports + i) || '?';
    perPkg.set(packageOf(fn), (perPkg.get(packageOf(fn)) || 0) + size);
  });
  return { sections, packages: [...perPkg].sort((a, b) => b[1] - a[1]), names };
}

/**
 * The Go package of a function name as the wasm name section spells it:
 * "math.frexp", "github.com_x_y_pkg.__T_.M" (slashes become underscores).
 */
function packageOf(sym) {
  const start = /^[a-z0-9-]+\.[a-z]+_/.test(sym) ? sym.indexOf('_') : 0;
  const dot = sym.indexOf('.', start);
  return dot < 0 ? sym : sym.slice(0, dot);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { sections, packages } = breakdown(readFileSync(process.argv[2]));
  const top = Number(process.argv[3] || 25);
  console.log('sections (bytes):');
  for (const [k, v] of Object.entries(sections).sort((a, b) => b[1] - a[1])) console.log(`  ${String(v).padStart(9)}  ${k}`);
  console.log('code by package (bytes):');
  for (const [k, v] of packages.slice(0, top)) console.log(`  ${String(v).padStart(9)}  ${k}`);
}
