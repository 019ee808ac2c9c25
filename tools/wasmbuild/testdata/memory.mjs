// Instantiates each .wasm named on the command line with imports that
// throw if called (so that nothing of Go runs, only a start function),
// and says whether their memories are the same: "identical (N bytes)" or
// where they first differ. Used by TestBuild.
import { readFileSync } from 'node:fs';

const mems = [];
for (const f of process.argv.slice(2)) {
  const mod = await WebAssembly.compile(readFileSync(f));
  const imports = {};
  for (const i of WebAssembly.Module.imports(mod)) {
    (imports[i.module] ??= {})[i.name] = () => {
      throw new Error(`${f}: import ${i.module}.${i.name} called`);
    };
  }
  const { exports } = await WebAssembly.instantiate(mod, imports);
  mems.push(new Uint8Array(exports.mem.buffer));
}
const [a, b] = mems;
let diff = a.length !== b.length ? `${a.length} bytes against ${b.length}` : null;
for (let i = 0; !diff && i < a.length; i++) {
  if (a[i] !== b[i]) diff = `first difference at byte ${i}: ${a[i]} against ${b[i]}`;
}
console.log(diff ?? `identical (${a.length} bytes)`);
