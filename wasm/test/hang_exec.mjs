// A wasm_exec.js for the watchdog test: it loads the real one, then makes
// the worker hang, as a module stuck in a loop would, right after the
// search for "mot0": the worker's own handler answers each call before
// this listener runs, so "mot0" is answered and every later call waits
// for the watchdog.
await import('/wasm_exec.js');

self.addEventListener('message', (e) => {
  const m = e.data;
  if (m && m.type === 'call' && m.method === 'search' && JSON.stringify(m.args).includes('"mot0"')) for (;;);
});
