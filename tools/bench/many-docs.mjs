// Writes a corpus of many small documents, for the page's long-task
// measurement (tools/bench/longtask.mjs): real paragraphs of
// ../shared/corpora (the man pages and the fortunes) recombined with a
// fixed seed, so every run writes the same files.
//
//   node tools/bench/many-docs.mjs OUT_DIR [COUNT=20000]
import fs from 'node:fs';
import path from 'node:path';

const [out, count = '20000'] = process.argv.slice(2);
if (!out) throw new Error('usage: node tools/bench/many-docs.mjs OUT_DIR [COUNT]');
const shared = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpora');
const paras = [];
for (const line of fs.readFileSync(path.join(shared, 'fr-fortunes/fortunes-fr.jsonl'), 'utf8').split('\n')) {
  if (line.trim()) paras.push(JSON.parse(line).text.trim());
}
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
for (const f of walk(path.join(shared, 'fr-manpages')).filter((f) => f.endsWith('.txt')).sort()) {
  for (const p of fs.readFileSync(f, 'utf8').split(/\n\s*\n/)) if (p.trim().length > 80) paras.push(p.trim());
}
let seed = 42;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
fs.mkdirSync(out, { recursive: true });
for (let i = 0; i < Number(count); i++) {
  const first = paras[rand(paras.length)];
  const title = first.split(/[.\n]/)[0].slice(0, 70).trim() || 'Document ' + i;
  const body = [first, paras[rand(paras.length)], paras[rand(paras.length)]].join('\n\n');
  fs.writeFileSync(path.join(out, String(i).padStart(5, '0') + '.txt'), title + '\n\n' + body + '\n');
}
console.log(`${count} documents from ${paras.length} paragraphs in ${out}`);
