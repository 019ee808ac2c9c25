// The corpus explorer's JavaScript API: an ES module, no build step.
//
//   import { load } from './explorer.js';
//   const explorer = await load();
//   const result = await explorer.search('géant', { limit: 5 });
//
// load() starts a dedicated Web Worker that downloads, compiles and runs
// explorer.wasm (the engine with the corpus built in), or does all that on
// the main thread where no worker can be made, and resolves to an object
// whose async methods answer with the plain objects the command-line tool
// prints as JSON: same field names, offsets in UTF-16 code units. Every failure is a rejected Promise with an Error that says
// what went wrong; the explorer keeps answering afterwards.
//
// Content-Security-Policy: nothing here uses eval, inline scripts or inline
// styles. The hosted build needs `script-src 'self' 'wasm-unsafe-eval'`.

/**
 * The API surface (api.js: the methods and their arguments' names),
 * imported when load() starts rather than statically: a static import
 * would hold this module's evaluation, and with it the module's download,
 * for one more round trip; a worker never needs it.
 * @type {Promise<typeof import('./api.js')> | null}
 */
let surface = null;
function apiSurface() {
  if (!surface) {
    surface = import('./api.js');
    surface.catch(() => {
      surface = null;
    });
  }
  return surface;
}

/** Options load() knows, for its error messages. */
const LOAD_OPTIONS = ['wasm', 'worker', 'workerURL', 'wasmExec', 'onProgress', 'timeout', 'packs', 'heldBytes', 'firstQuery'];

/** How many text packs are fetched at once by makeAvailableOffline(). */
const PACK_FETCHES = 6;
/** The list of a split build's bulk files, runs of its packs in one file each, in packs/ (tools/explorer/bulk.go). */
const BULK_FILE = 'bulk.txt';
/**
 * How many bulk files (about 1 MB of packs each) makeAvailableOffline() fetches at once:
 * on the 100 MB corpus (145 files) it took 5.8 s with 1, 4.3 s with 2, 3.7 s with 3 or 6.
 */
const BULK_FETCHES = 3;

/** The list of a split build's chunks of the search index by term range, in packs/ (tools/explorer/chunks.go). */
const CHUNKS_FILE = 'chunks.txt';
/** Most chunks of the search index fetched for load()'s firstQuery before the module asks (about 2 KB each). */
const FIRST_QUERY_CHUNKS = 16;

/** The error of a call that needs text packs the module does not have yet: each names one, by number (a call reading several texts names them all). */
const NOT_LOADED = /text pack (\d+) \([0-9a-f]{16}\.pack\): pack not loaded/g;
/** The module's answer while it cuts its explore table, a budget at a time (engine.ErrCutting). */
const CUTTING = /explore: reading the corpus \(\d+ of \d+ documents\)$/;
/** The error of a call that needs packs of the search index the module does not have yet: their numbers and files. */
const INDEX_NOT_LOADED = /index packs not loaded:((?:,? \d+ \([0-9a-f]{16}\.pack\))+)/;
/** One pack of INDEX_NOT_LOADED's list: its number and file name. */
const INDEX_PACK = /(\d+) \(([0-9a-f]{16}\.pack)\)/g;
/**
 * The module's refusals of what a person typed, as the bridge and the
 * engine word them from their limits (so that each limit keeps its one
 * place, there): a rejected call whose message is one of these gets the
 * refusal, and the field and limit the message names (InputError).
 * @type {Array<[import('./explorer.js').InputRefusal, RegExp]>}
 */
const REFUSALS = [
  // search: query too long: 1001 characters, the limit is 1000 characters
  // (or, over MAX_STRING, refused here: no limit)
  ['tooLong', /^\w+: (?<field>[\w.]+) too long: \d+ characters(?:, the limit is (?<limit>\d+) characters)?$/],
  // kwic: too many words in "…": 12, the limit is 8
  ['tooManyWords', /^\w+: too many words in "[^]*": \d+, the limit is (?<limit>\d+)$/],
  // trend: terms out of range: 6, want 1 to 5
  ['tooManyTerms', /^\w+: (?<field>terms) out of range: \d+, want 1 to (?<limit>\d+)$/],
  // kwic: no word to look for in "!!!"
  ['noWord', /^\w+: no word to look for in "[^]*"$/],
  // keyness: no document in that part of the corpus
  ['emptyPart', /^\w+: no document in that part of the corpus$/],
];

/** The name of the explorer's workers: explorer.js serves as its own worker's script when loaded under it. */
const WORKER_NAME = 'corpus-explorer';

/** How long (ms) calls may wait with no answer from the worker before it is declared dead. */
const DEFAULT_TIMEOUT = 30000;

/** How long (ms) a worker script may take to start running before load() falls back to the main thread. */
const WORKER_START_TIMEOUT = 10000;

/** Longest string argument (UTF-16 code units) handed to the module; the module's own limits are far lower. */
const MAX_STRING = 1 << 20;

/** Largest options object, in properties, and deepest nesting, checked before anything crosses. */
const MAX_KEYS = 64;
const MAX_DEPTH = 4;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Loads the explorer.
 *
 * @param {import('./explorer').LoadOptions} [options]
 * @returns {Promise<import('./explorer').Explorer>}
 */
export async function load(options) {
  const started = now();
  const opt = checkLoadOptions(options);
  const api = apiSurface();
  api.catch(() => {}); // the error surfaces where api is awaited
  const base = import.meta.url;
  // Absolute, so that a worker (whose base is its own URL, or a Blob) finds it.
  const wasmExec = new URL(opt.wasmExec ?? 'wasm_exec.js', opt.wasmExec && typeof location !== 'undefined' ? location.href : base).href;
  const source = opt.wasm ?? new URL('explorer.wasm', base);
  // The worker downloads and compiles the module itself, from a URL or
  // bytes, so that no part of that work runs on this thread; a Response
  // (or a promise of one) is compiled here and the module sent over.
  const wasm = workerSource(source, base);
  const compiled = wasm === null ? compile(source, opt.onProgress) : null;
  compiled?.catch(() => {}); // the error surfaces where compiled is awaited
  let runner = null;
  let fallback = null;
  let bytes = 0;
  // A worker's script takes a round trip to arrive (explorer.js):
  // this thread starts downloading the module at once and hands the
  // worker its body as it streams (or, where streams cannot be
  // transferred, its bytes), so that it is fetched once and early.
  const early = opt.worker !== false && typeof Worker !== 'undefined' && typeof wasm === 'string' && /^https?:/.test(wasm) ? { response: download(wasm), taken: false } : null;
  early?.response.catch(() => {}); // the error surfaces where it is awaited
  // The texts' packs of a split build are beside the module, in packs/.
  const wasmURL = typeof opt.wasm === 'string' || opt.wasm instanceof URL
    ? new URL(String(opt.wasm), typeof location !== 'undefined' ? location.href : base)
    : new URL('explorer.wasm', base);
  const packs = typeof opt.packs === 'function' ? opt.packs : new URL(opt.packs ?? 'packs/', opt.packs && typeof location !== 'undefined' ? location.href : wasmURL);
  // The first query's postings, guessed from the list of chunks, come
  // while the module does (after its request: it is the longer).
  const prefetch = opt.firstQuery && typeof packs !== 'function' ? prefetchIndex(packs, opt.firstQuery) : null;
  if (opt.worker !== false) {
    // This very module is the worker's script (see the end of this file),
    // so a build that bundles it into one file needs no other script.
    const workerURL = opt.workerURL ?? base;
    const module = compiled && compiled.then((c) => c.module);
    module?.catch(() => {}); // the error surfaces where compiled is awaited
    const job = { wasm, module, early, wasmExec, onProgress: opt.onProgress, timeout: opt.timeout, heldBytes: opt.heldBytes };
    try {
      ({ runner, note: fallback } = await startWorker(job, workerURL));
      bytes = compiled ? (await compiled).bytes : runner.wasmBytes;
    } catch (err) {
      if (err.fatal) throw packError(err.message, err.reason, err.status);
      fallback = err.message;
    }
  }
  if (runner === null) {
    const own = early && !early.taken ? early.response : source;
    const [c, Go] = await Promise.all([compiled ?? compile(own, opt.onProgress), loadGo(wasmExec)]);
    bytes = c.bytes;
    runner = mainRunner(await startRuntime(c.module, Go, opt.heldBytes));
  }
  let names;
  try {
    names = await api;
  } catch (err) {
    await runner.close().catch(() => {});
    throw new Error(`load: cannot load api.js: ${err.message}`);
  }
  return makeExplorer(runner, names, {
    packs,
    prefetch,
    mode: runner.mode,
    fallback,
    wasm_bytes: bytes,
    load_ms: Math.round(now() - started),
  });
}

/**
 * What a worker is given to download and compile the module itself: an
 * absolute URL, or the bytes (copied as the message is sent); null for a
 * Response or a promise of one, which this thread compiles.
 */
function workerSource(src, base) {
  if (typeof src === 'string' || src instanceof URL) {
    return new URL(String(src), typeof location !== 'undefined' ? location.href : base).href;
  }
  if (src instanceof ArrayBuffer || ArrayBuffer.isView(src)) return src;
  return null;
}

/** Checks load()'s options and returns them as an object. */
function checkLoadOptions(options) {
  if (options === undefined || options === null) return { timeout: DEFAULT_TIMEOUT };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`load: options must be an object, got ${typeName(options)}`);
  }
  for (const k of Object.keys(options)) {
    if (!LOAD_OPTIONS.includes(k)) {
      throw new TypeError(`load: unknown option "${k}"; known: ${LOAD_OPTIONS.join(', ')}`);
    }
  }
  const { worker, onProgress, timeout, wasmExec, workerURL, packs, heldBytes, firstQuery } = options;
  if (firstQuery !== undefined && typeof firstQuery !== 'string') {
    throw new TypeError(`load: options.firstQuery must be a string, got ${typeName(firstQuery)}`);
  }
  if (heldBytes !== undefined && !(Number.isSafeInteger(heldBytes) && heldBytes >= 1 && heldBytes <= 2 ** 32)) {
    throw new TypeError(`load: options.heldBytes must be a whole number of bytes from 1 to 4294967296, got ${String(heldBytes)}`);
  }
  if (packs !== undefined && typeof packs !== 'string' && !(packs instanceof URL) && typeof packs !== 'function') {
    throw new TypeError(`load: options.packs must be a URL, a string or a function, got ${typeName(packs)}`);
  }
  if (worker !== undefined && typeof worker !== 'boolean') {
    throw new TypeError(`load: options.worker must be a boolean, got ${typeName(worker)}`);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(`load: options.onProgress must be a function, got ${typeName(onProgress)}`);
  }
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && timeout <= 3600000)) {
    throw new TypeError(`load: options.timeout must be a number of milliseconds from 1 to 3600000, got ${String(timeout)}`);
  }
  for (const [k, v] of [['wasmExec', wasmExec], ['workerURL', workerURL]]) {
    if (v !== undefined && typeof v !== 'string' && !(v instanceof URL)) {
      throw new TypeError(`load: options.${k} must be a URL or a string, got ${typeName(v)}`);
    }
  }
  return { ...options, timeout: timeout ?? DEFAULT_TIMEOUT };
}

function typeName(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return typeof v;
}

// ---- Download and compile -------------------------------------------------

/**
 * Compiles the module from a URL, bytes or a (promised) Response, calling
 * onProgress(loaded, total) as bytes arrive. The body is counted as it
 * streams and compiled as it streams, through a Response that carries the
 * right MIME type, so a host that serves .wasm as something else still
 * works; where streaming compilation is missing, the bytes are gathered
 * and compiled at the end.
 *
 * @returns {Promise<{module: WebAssembly.Module, bytes: number}>}
 */
async function compile(src, onProgress) {
  const progress = (loaded, total) => {
    if (onProgress) {
      try {
        onProgress(loaded, total);
      } catch {
        // a failing progress callback must not stop the load
      }
    }
  };
  if (src instanceof ArrayBuffer || ArrayBuffer.isView(src)) {
    const bytes = src.byteLength;
    progress(bytes, bytes);
    return { module: await compileBytes(src), bytes };
  }
  let response;
  if (typeof src === 'string' || src instanceof URL) {
    response = await download(src);
  } else if (src && typeof src.then === 'function') {
    response = await src;
  } else {
    response = src;
  }
  if (typeof Response === 'undefined' || !(response instanceof Response)) {
    if (response instanceof ArrayBuffer || ArrayBuffer.isView(response)) return compile(response, onProgress);
    throw new TypeError(`load: options.wasm must be a URL, a string, an ArrayBuffer, a typed array or a Response, got ${typeName(response)}`);
  }
  if (!response.ok) {
    throw packError(`load: cannot download ${response.url || 'explorer.wasm'}: HTTP ${response.status} ${response.statusText}`.trim(), 'http', response.status);
  }
  const encoded = response.headers.get('Content-Encoding');
  const length = Number(response.headers.get('Content-Length'));
  const total = (!encoded || encoded === 'identity') && length > 0 ? length : null;
  let loaded = 0;
  if (!response.body) {
    const buf = await response.arrayBuffer();
    progress(buf.byteLength, buf.byteLength);
    return { module: await compileBytes(buf), bytes: buf.byteLength };
  }
  const reader = response.body.getReader();
  const chunks = [];
  const streaming = typeof WebAssembly.compileStreaming === 'function';
  const counted = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        progress(loaded, loaded);
        controller.close();
        return;
      }
      loaded += value.byteLength;
      progress(loaded, total);
      if (streaming) controller.enqueue(value);
      else chunks.push(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  if (streaming) {
    const module = await WebAssembly.compileStreaming(
      new Response(counted, { headers: { 'Content-Type': 'application/wasm' } }),
    ).catch((err) => {
      throw packError(`load: cannot compile explorer.wasm: ${err.message}`, 'damaged');
    });
    return { module, bytes: loaded };
  }
  // No streaming compilation: gather the bytes, then compile them.
  const sink = counted.getReader();
  while (!(await sink.read()).done);
  const all = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { module: await compileBytes(all), bytes: loaded };
}

async function compileBytes(bytes) {
  try {
    return await WebAssembly.compile(bytes);
  } catch (err) {
    throw packError(`load: cannot compile explorer.wasm: ${err.message}`, 'damaged');
  }
}

/** Fetches url; in Node, reads file: URLs from disk (Node's fetch cannot). */
async function download(url) {
  const u = new URL(String(url), typeof location !== 'undefined' ? location.href : undefined);
  if (u.protocol === 'file:' && typeof process !== 'undefined' && process.versions && process.versions.node) {
    const { readFile } = await import('node:fs/promises');
    const buf = await readFile(u);
    return new Response(buf, { headers: { 'Content-Length': String(buf.byteLength) } });
  }
  try {
    return await fetch(u);
  } catch (err) {
    throw packError(`load: cannot download ${u.href}: ${err.message}`, 'offline');
  }
}

// ---- The Go runtime -------------------------------------------------------

const goLoads = new Map();

/**
 * Returns the Go class of wasm_exec.js, loading the script once: with a
 * <script> element where there is a document (CSP-safe, works from file://),
 * else with import() (Node, module workers).
 */
function loadGo(url) {
  if (typeof globalThis.Go === 'function') return Promise.resolve(globalThis.Go);
  if (!goLoads.has(url)) {
    goLoads.set(url, (async () => {
      if (typeof document !== 'undefined' && document.createElement) {
        await new Promise((resolve, reject) => {
          const s = document.createElement('script');
          s.src = url;
          s.onload = resolve;
          s.onerror = () => reject(new Error(`load: cannot load ${url}`));
          (document.head || document.documentElement).append(s);
        });
      } else {
        await import(url);
      }
      if (typeof globalThis.Go !== 'function') throw new Error(`load: ${url} did not define Go`);
      return globalThis.Go;
    })());
  }
  const p = goLoads.get(url);
  p.catch(() => goLoads.delete(url));
  return p;
}

let instances = 0;

/**
 * Instantiates and starts the module. The module registers its API under a
 * global name chosen here (unique, so several explorers can coexist); it is
 * taken from there at once and the global deleted. heldBytes, if given,
 * bounds the fetched texts the module holds (load()'s option).
 */
async function startRuntime(module, Go, heldBytes) {
  const go = new Go();
  const name = `__corpusExplorer${++instances}_${Math.random().toString(36).slice(2)}`;
  go.argv = heldBytes === undefined ? ['explorer', name] : ['explorer', name, String(heldBytes)];
  go.env = {};
  // Once the Go program has exited, a timeout it had scheduled must not
  // fire: wasm_exec.js would throw "Go program has already exited" from
  // a timer, an uncaught error in the page.
  go.exit = () => {
    for (const t of go._scheduledTimeouts.values()) clearTimeout(t);
    go._scheduledTimeouts.clear();
  };
  let instance;
  try {
    instance = /** @type {WebAssembly.Instance} */ (/** @type {unknown} */ (await WebAssembly.instantiate(module, go.importObject)));
  } catch (err) {
    throw new Error(`load: this .wasm is not the explorer module: ${err.message}`);
  }
  if (typeof instance.exports.run !== 'function' || !(instance.exports.mem instanceof WebAssembly.Memory)) {
    throw new Error('load: this .wasm is not the explorer module (no Go entry point)');
  }
  let exited = false;
  const done = go.run(instance).then(() => {
    exited = true;
  });
  const api = globalThis[name];
  delete globalThis[name];
  if (api instanceof Error || (api && typeof api.error === 'string')) {
    throw new Error(api.message || api.error);
  }
  if (!api || typeof api.search !== 'function') {
    throw new Error('load: the module started but registered no API');
  }
  const memory = instance.exports.mem;
  return {
    done,
    /** Calls method with args; returns {json} or {error}, never throws. */
    call(method, args) {
      if (exited) return { error: `${method}: the module has stopped`, dead: true };
      let r;
      try {
        r = api[method](...args);
      } catch (err) {
        r = err;
      }
      if (typeof r === 'string') {
        if (method !== 'stats') return { json: r };
        return {
          json: r,
          extra: {
            memory_bytes: memory ? memory.buffer.byteLength : 0,
            js_refs: go._values ? go._values.length - go._idPool.length : 0,
          },
        };
      }
      if (r && typeof r.message === 'string') return { error: r.message.startsWith(`${method}: `) ? r.message : `${method}: ${r.message}` };
      if (r && typeof r.error === 'string') return { error: r.error };
      if (exited) return { error: `${method}: the module stopped unexpectedly`, dead: true };
      return { error: `${method}: no answer from the module` };
    },
    /** Asks the Go program to end and waits until it has. */
    async close() {
      if (!exited) {
        try {
          api.close();
        } catch {
          // already gone
        }
      }
      await done;
    },
  };
}

// ---- Main-thread mode -----------------------------------------------------

/**
 * Runs calls on this thread, one macrotask batch at a time (a few
 * milliseconds each), so calls made together are answered later, exactly as
 * through a worker, and the page can paint between batches.
 */
function mainRunner(rt) {
  const queue = [];
  let scheduled = false;
  let closed = false;
  const drain = () => {
    scheduled = false;
    const until = now() + 8;
    while (queue.length > 0) {
      const { method, args, resolve } = queue.shift();
      resolve(rt.call(method, args));
      if (now() > until) break;
    }
    if (queue.length > 0) schedule();
  };
  // A macrotask without setTimeout's clamping (4 ms once nested): a
  // MessageChannel in browsers, setImmediate in Node.
  let channel = null;
  let schedule;
  if (typeof setImmediate === 'function') {
    schedule = () => {
      scheduled = true;
      setImmediate(drain);
    };
  } else if (typeof MessageChannel === 'function') {
    channel = new MessageChannel();
    channel.port1.onmessage = drain;
    schedule = () => {
      scheduled = true;
      channel.port2.postMessage(null);
    };
  } else {
    schedule = () => {
      scheduled = true;
      setTimeout(drain, 0);
    };
  }
  return {
    mode: 'main',
    send(method, args) {
      if (closed) return Promise.resolve({ error: `${method}: the explorer is closed` });
      return new Promise((resolve) => {
        queue.push({ method, args, resolve });
        if (!scheduled) schedule();
      });
    },
    async close() {
      closed = true;
      if (channel) channel.port1.close();
      while (queue.length > 0) {
        // what was asked before close() is answered
        const { method, args, resolve } = queue.shift();
        resolve(rt.call(method, args));
      }
      await rt.close();
    },
    onDead() {},
  };
}

// ---- Worker mode ----------------------------------------------------------

/**
 * Starts the module in a dedicated worker running explorer.js. When the
 * worker cannot be created from that URL (another origin, file://), it
 * tries a worker made from a Blob URL that imports this module; if that
 * fails too, the error says why and load() runs on the main thread.
 */
async function startWorker(job, workerURL) {
  if (typeof Worker === 'undefined') throw new Error('Web Workers are not available here');
  let first;
  try {
    return { runner: await workerRunner(new Worker(workerURL, { type: 'module', name: WORKER_NAME }), job), note: null };
  } catch (err) {
    if (err.fatal) throw err;
    first = `worker ${workerURL}: ${err.message}`;
  }
  let blobURL = null;
  try {
    const src = `import ${JSON.stringify(import.meta.url)};\n`;
    blobURL = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const runner = await workerRunner(new Worker(blobURL, { type: 'module', name: WORKER_NAME }), job);
    return { runner, note: `worker from a Blob URL (${first})` };
  } catch (err) {
    if (err.fatal) throw err;
    throw new Error(`no worker (${first}; Blob URL worker: ${err.message}): running on the main thread`);
  } finally {
    if (blobURL) URL.revokeObjectURL(blobURL);
  }
}

/**
 * Talks to one worker: requests carry ids; a dead worker fails every
 * pending call. job: {wasm, module, wasmExec, onProgress, timeout, heldBytes}, where
 * wasm is what the worker downloads and compiles (a URL or bytes), or
 * null when module, a promised module compiled here, is sent instead.
 */
function workerRunner(worker, job) {
  const { wasmExec, timeout, heldBytes } = job;
  return new Promise((ready, failed) => {
    const pending = new Map();
    let nextId = 0;
    let started = false;
    let dead = null;
    let deadListeners = [];
    let watchdog = null;
    const startTimer = setTimeout(() => fail('the worker script did not start'), WORKER_START_TIMEOUT);

    function fail(reason) {
      clearTimeout(startTimer);
      worker.terminate();
      if (!started) {
        failed(reason instanceof Error ? reason : new Error(reason));
        return;
      }
      die(reason);
    }
    function die(reason) {
      if (dead) return;
      dead = reason;
      clearTimeout(watchdog);
      worker.terminate();
      for (const [, p] of pending) p.resolve({ error: `${p.method}: ${reason}`, dead: true });
      pending.clear();
      for (const f of deadListeners) f(reason);
      deadListeners = [];
    }
    function arm() {
      clearTimeout(watchdog);
      watchdog = pending.size > 0 ? setTimeout(() => die(`the explorer's worker did not answer for ${timeout / 1000} s and was stopped`), timeout) : null;
    }

    worker.onerror = (e) => {
      if (e && e.preventDefault) e.preventDefault();
      const why = (e && e.message) || 'the worker failed to load or crashed';
      if (started) die(`the explorer's worker crashed: ${why}`);
      else fail(why);
    };
    worker.onmessageerror = () => die('a message from the explorer\'s worker could not be read');
    worker.onmessage = (e) => {
      const m = e.data;
      switch (m && m.type) {
        case 'alive':
          // The script runs: from here on, failures come as messages or
          // error events, and starting a big corpus may take a while.
          clearTimeout(startTimer);
          if (job.early) {
            sendEarly(job.early).then(
              () => worker.postMessage({ type: 'init', wasmExec, heldBytes }),
              (err) => {
                const e = /** @type {Error & {fatal?: boolean}} */ (packError(err.message, err.reason, err.status));
                e.fatal = true; // no module: nothing to fall back to
                fail(e);
              },
            );
            return;
          }
          if (!job.module) {
            worker.postMessage({ type: 'init', wasmExec, heldBytes });
            return;
          }
          job.module.then(
            (module) => {
              try {
                worker.postMessage({ type: 'init', module, wasmExec, heldBytes });
              } catch (err) {
                fail(`cannot send the module to the worker: ${err.message}`);
              }
            },
            (err) => {
              const e = /** @type {Error & {fatal?: boolean}} */ (packError(err.message, err.reason, err.status));
              e.fatal = true; // no module: nothing to fall back to
              fail(e);
            },
          );
          return;
        case 'progress':
          if (job.onProgress) {
            try {
              job.onProgress(m.loaded, m.total);
            } catch {
              // a failing progress callback must not stop the load
            }
          }
          return;
        case 'ready':
          clearTimeout(startTimer);
          started = true;
          runner.wasmBytes = m.bytes;
          ready(runner);
          return;
        case 'failed': {
          // The module itself failed to start: the main thread would fail
          // the same way, so load() rejects with this error.
          const err = /** @type {Error & {fatal?: boolean}} */ (packError(m.message, m.reason, m.status));
          err.fatal = m.fatal === true;
          fail(err);
          return;
        }
        case 'exit':
          die('the module stopped unexpectedly; load the explorer again');
          return;
        case 'answer': {
          const p = pending.get(m.id);
          if (!p) return;
          pending.delete(m.id);
          arm();
          p.resolve(m);
          return;
        }
      }
    };

    /** Gives the worker the module this thread is downloading: its body, or its bytes. */
    async function sendEarly(early) {
      const res = await early.response;
      if (!res.ok) throw packError(`load: cannot download ${res.url || job.wasm}: HTTP ${res.status} ${res.statusText}`.trim(), 'http', res.status);
      const encoded = res.headers.get('Content-Encoding');
      const length = Number(res.headers.get('Content-Length'));
      const total = (!encoded || encoded === 'identity') && length > 0 ? length : 0;
      early.taken = true;
      if (res.body) {
        try {
          worker.postMessage({ type: 'module', body: res.body, total }, [res.body]);
          return;
        } catch {
          // streams cannot be transferred here: the bytes can
        }
      }
      const buf = await res.arrayBuffer();
      worker.postMessage({ type: 'module', bytes: buf, total: buf.byteLength }, [buf]);
    }

    try {
      worker.postMessage({ type: 'prepare', wasmExec, wasm: job.early ? null : job.wasm });
    } catch {
      // the worker is already gone: onerror says why
    }

    const runner = {
      mode: 'worker',
      /** Bytes of the module the worker downloaded (or was given). */
      wasmBytes: 0,
      send(method, args) {
        if (dead) return Promise.resolve({ error: `${method}: ${dead}`, dead: true });
        return new Promise((resolve) => {
          const id = ++nextId;
          try {
            worker.postMessage({ type: 'call', id, method, args });
          } catch (err) {
            resolve({ error: `${method}: the arguments cannot be sent to the worker: ${err.message}` });
            return;
          }
          pending.set(id, { method, resolve });
          if (pending.size === 1) arm();
        });
      },
      async close() {
        if (!dead) {
          await runner.send('close', []);
          die('the explorer is closed');
        }
      },
      onDead(f) {
        if (dead) f(dead);
        else deadListeners.push(f);
      },
    };
  });
}

/**
 * Serves the explorer inside a worker: what a worker named
 * 'corpus-explorer' that loads this module runs. {type:'prepare',
 * wasmExec, wasm} starts loading wasm_exec.js and, when wasm (a URL or
 * bytes) is given, downloading and compiling the module, with
 * {type:'progress', loaded, total} messages; {type:'module', body |
 * bytes, total} gives it the module the page is downloading, to compile
 * as it streams; {type:'init', module?, heldBytes?}
 * starts the module (the one sent, or the one compiled here) and answers
 * {type:'ready', bytes} or {type:'failed', message, fatal}; then each
 * {type:'call', id, method, args} gets {type:'answer', id, json | error}.
 *
 * @param {DedicatedWorkerGlobalScope} scope
 */
export function serveWorker(scope) {
  let rt = null;
  let closing = false;
  /** @type {Promise<{module: WebAssembly.Module, bytes: number}> | null} */
  let compiled = null;
  scope.onmessage = async (e) => {
    const m = e.data;
    // Progress at most every 50 ms, and always the last.
    let last = -Infinity;
    const progress = (loaded, total) => {
      const t = now();
      if (t - last < 50 && loaded !== total) return;
      last = t;
      scope.postMessage({ type: 'progress', loaded, total });
    };
    if (m.type === 'prepare') {
      loadGo(m.wasmExec).catch(() => {}); // reported by init
      if (m.wasm) {
        compiled = compile(m.wasm, progress);
        compiled.catch(() => {}); // reported by init
      }
      return;
    }
    if (m.type === 'module') {
      // The module the page is downloading: its body as it streams, or its bytes.
      const headers = { 'Content-Type': 'application/wasm', ...(m.total ? { 'Content-Length': String(m.total) } : {}) };
      compiled = compile(m.bytes ?? new Response(m.body, { headers }), progress);
      compiled.catch(() => {}); // reported by init
      return;
    }
    if (m.type === 'init') {
      let Go;
      let module = m.module;
      let bytes = 0;
      try {
        Go = await loadGo(m.wasmExec);
      } catch (err) {
        scope.postMessage({ type: 'failed', message: err.message });
        return;
      }
      try {
        if (!module) {
          if (!compiled) throw new Error('load: no module was given to the worker');
          ({ module, bytes } = await compiled);
        }
        rt = await startRuntime(module, Go, m.heldBytes);
        rt.done.then(() => {
          if (!closing) scope.postMessage({ type: 'exit' });
        });
        scope.postMessage({ type: 'ready', bytes });
      } catch (err) {
        scope.postMessage({ type: 'failed', message: err.message, fatal: true, reason: err.reason, status: err.status });
      }
      return;
    }
    if (m.type !== 'call') return;
    if (m.method === 'close') {
      closing = true;
      if (rt) await rt.close();
      scope.postMessage({ type: 'answer', id: m.id, json: 'null' });
      return;
    }
    const r = rt ? rt.call(m.method, m.args) : { error: `${m.method}: the module is not started` };
    scope.postMessage({ type: 'answer', id: m.id, ...r });
  };
  scope.postMessage({ type: 'alive' });
}

// ---- The explorer object --------------------------------------------------

/**
 * Checks that args hold only plain data (strings, numbers, booleans, null,
 * undefined, plain objects and arrays), the same in both modes: what a
 * worker could not receive is refused here, with the path to the value,
 * named from argNames (api.js: each method's arguments' names).
 * Returns an error message, or null.
 */
function checkPlain(method, args, argNames) {
  const walk = (v, path, depth) => {
    switch (typeof v) {
      case 'string':
        return v.length > MAX_STRING ? `${path} too long: ${v.length} characters` : null;
      case 'number':
      case 'boolean':
      case 'undefined':
        return null;
      case 'function':
      case 'symbol':
      case 'bigint':
        return `${path} must be plain data, got ${typeof v}`;
    }
    if (v === null) return null;
    if (depth >= MAX_DEPTH) return `${path} is nested too deep`;
    const isArray = Array.isArray(v);
    const proto = Object.getPrototypeOf(v);
    if (!isArray && proto !== Object.prototype && proto !== null) {
      return `${path} must be plain data, got ${Object.prototype.toString.call(v).slice(8, -1)}`;
    }
    const keys = Object.keys(v);
    if (keys.length > MAX_KEYS) return `${path} has too many ${isArray ? 'elements' : 'properties'}: ${keys.length}`;
    for (const k of keys) {
      const bad = walk(v[k], isArray ? `${path}[${k}]` : `${path}.${k}`, depth + 1);
      if (bad) return bad;
    }
    return null;
  };
  try {
    for (let i = 0; i < args.length; i++) {
      const bad = walk(args[i], (argNames[method] || [])[i] || `argument ${i + 1}`, 0);
      if (bad) return bad;
    }
    return null;
  } catch (err) {
    return `the arguments could not be read: ${err.message}`;
  }
}

// ---- The first query's postings --------------------------------------------

/**
 * Fetches, while the module downloads, the chunks of the search index
 * that query likely reads, from the list of chunks in the packs/ folder
 * base (CHUNKS_FILE: which terms each chunk holds, and its file). Returns
 * {files: Map(name -> Promise of the file's bytes), guessed: Promise of
 * [[pack number, name]]}. A guess is a hint: a missing or wrong list, a
 * chunk the query does not read or a file that fails costs its fetch and
 * nothing else (the module checks each pack and asks for what it lacks).
 */
function prefetchIndex(base, query) {
  const files = new Map();
  const guessed = (async () => {
    const res = await download(new URL(CHUNKS_FILE, base));
    if (!res.ok) return [];
    const list = parseChunks(await res.text());
    if (!list) return [];
    // The engine reads at most 1000 bytes of a query (corpus/engine).
    return guessChunks(list, query.slice(0, 1000)).slice(0, FIRST_QUERY_CHUNKS).map((c) => {
      const name = list.names[c];
      const bytes = download(new URL(name, base)).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.arrayBuffer();
      });
      bytes.catch(() => {}); // fetched again when the module asks
      files.set(name, bytes);
      return [list.base + c, name];
    });
  })().catch(() => []);
  return { files, guessed };
}

/**
 * Reads CHUNKS_FILE: "corpus-explorer chunks 1 BASE", the stopwords, then
 * a line a chunk, "FIRST\tHASH" (tools/explorer/chunks.go). Returns
 * {base, stop: Set, firsts, names}, or null if it is not such a list.
 */
function parseChunks(text) {
  const lines = text.split('\n');
  const head = /^corpus-explorer chunks 1 (\d+)$/.exec(lines[0]);
  if (!head || lines.length < 3) return null;
  const firsts = [];
  const names = [];
  for (let i = 2; i < lines.length; i++) {
    if (lines[i] === '' && i === lines.length - 1) break;
    const m = /^([^\t]*)\t([0-9a-f]{16})$/.exec(lines[i]);
    if (!m) return null;
    firsts.push(m[1]);
    names.push(`${m[2]}.pack`);
  }
  return firsts.length > 0 ? { base: Number(head[1]), stop: new Set(lines[1].split(' ')), firsts, names } : null;
}

/**
 * The chunks (numbers, in order) query likely reads, as package search
 * matches its words: each folded word's own, those of the terms it
 * starts (a few), and those of its shortenings (its prefixes of 5
 * letters and 40% of it or more); stopwords have none. Typos, stems that
 * are not prefixes and words of the same family are not guessed: the
 * module asks for their chunks when it plans the query.
 * Terms are compared as JavaScript strings (UTF-16), the index sorts
 * UTF-8 bytes: around characters outside the BMP a guess may miss, and
 * cost a fetch.
 */
function guessChunks(list, query) {
  const { firsts } = list;
  /** The chunk whose terms would hold w: the last whose first term is not after it. */
  const chunkOf = (w) => {
    let lo = 0;
    let hi = firsts.length;
    while (hi - lo > 1) {
      const m = (lo + hi) >> 1;
      if (firsts[m] <= w) lo = m;
      else hi = m;
    }
    return lo;
  };
  const out = new Set();
  for (const w of foldWords(query)) {
    if (w.length < 2 || list.stop.has(w)) continue;
    const c = chunkOf(w);
    out.add(c);
    // The terms w starts: its chunk's next ones, up to 2.
    for (let i = c + 1, end = chunkOf(`${w}\uffff`); i <= Math.min(end, c + 2); i++) out.add(i);
    for (let k = Math.max(5, Math.ceil(0.4 * w.length)); k < w.length; k++) out.add(chunkOf(w.slice(0, k)));
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The words of a query folded as the index folds them (lower case,
 * accents and marks left out), with hyphenated and elided words also
 * joined, as compounds are indexed.
 */
function foldWords(query) {
  const s = query.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
  const words = new Set(s.match(/[\p{L}\p{N}]+/gu) ?? []);
  for (const c of s.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)+/gu) ?? []) words.add(c.replace(/[-'’]/g, ''));
  return [...words];
}

/**
 * The error of a call the module answered with message: an InputError
 * when message is one of its REFUSALS.
 * @param {string} message
 */
function callError(message) {
  const err = /** @type {Error & {refusal?: string, field?: string, limit?: number}} */ (new Error(message));
  for (const [refusal, re] of REFUSALS) {
    const m = re.exec(message);
    if (!m) continue;
    err.refusal = refusal;
    if (m.groups?.field) err.field = m.groups.field;
    if (m.groups?.limit) err.limit = Number(m.groups.limit);
    break;
  }
  return err;
}

// ---- Text packs ------------------------------------------------------------

/**
 * packError is the Error of a pack, or of the module load() fetches, that
 * could not be had: message says which file and what went wrong, the
 * browser's own words last; reason says why, for a page to say it in its
 * own language: "offline" (no answer: offline, or the server refused the
 * connection), "http" (the server answered an error, status), "damaged"
 * (a truncated, damaged or wrong file: for the module, one that does not
 * compile) or "source" (the packs function of load() failed).
 * @param {string} message
 * @param {'offline' | 'http' | 'damaged' | 'source' | undefined} reason
 * @param {number} [status]
 * @returns {Error & {reason?: string, status?: number}}
 */
function packError(message, reason, status) {
  const err = /** @type {Error & {reason?: string, status?: number}} */ (new Error(message));
  if (reason) err.reason = reason;
  if (status !== undefined) err.status = status;
  return err;
}

/**
 * Inflates a pack or bulk file: they are zlib, which the browser inflates
 * natively (the module carries no decompressor).
 * @param {BlobPart} bytes
 * @returns {Promise<Uint8Array>}
 */
async function inflate(bytes) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer());
}

/**
 * Reads BULK_FILE: "corpus-explorer bulk 1", then a line a bulk file,
 * "FIRST\tCOUNT\tHASH" (tools/explorer/bulk.go). Returns [{first, count,
 * name}], or [] if it is not such a list.
 * @param {string} text
 */
function parseBulk(text) {
  const lines = text.split('\n');
  if (lines[0] !== 'corpus-explorer bulk 1') return [];
  const out = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '' && i === lines.length - 1) break;
    const m = /^(\d+)\t(\d+)\t([0-9a-f]{16})$/.exec(lines[i]);
    if (!m) return [];
    out.push({ first: Number(m[1]), count: Number(m[2]), name: `${m[3]}.bulk` });
  }
  return out;
}

/**
 * The text packs a rejected call names as not loaded yet (NOT_LOADED),
 * each once.
 * @param {Error} err
 * @returns {number[]}
 */
function missingTexts(err) {
  return [...new Set([...String(err?.message ?? '').matchAll(NOT_LOADED)].map((m) => Number(m[1])))];
}

/**
 * Fetches the texts' packs of a split build on demand: each at most once
 * (a failed one may be tried again later), several at a time, and hands
 * them to the module, which checks their size and hash. source is the URL
 * of the packs/ folder, or a function(name) that returns the pack's bytes.
 * What loads many packs at once (loadMany) takes them from the build's bulk
 * files where it has them (BULK_FILE), a request for hundreds of packs.
 */
function packLoader(send, source, prefetched) {
  let table = null;
  /** Pack number -> the promise of its load, and the file it was asked with. */
  const loading = new Map();
  /** Packs handed to the module: asked for again, the module dropped them (index.HeldBytes). */
  const done = new Set();
  const list = () => {
    table ??= send('packs', []).then((r) => {
      if (r.error !== undefined) throw new Error(r.error);
      return JSON.parse(r.json);
    });
    table.catch(() => {
      table = null;
    });
    return table;
  };
  async function fetchPack(n, name, again) {
    // A pack of the search index named by the module's error is fetched
    // at once: the first answer need not wait for the list of every pack.
    if (name !== undefined) return fetchFile(n, { name, kind: 'index' });
    const all = await list();
    const p = all[n];
    if (!p) throw new Error(`no text pack ${n}`);
    if (p.loaded && !again) return;
    if (p.kind === 'part') {
      // A part of a long document's text (HASH-D-I.pack), for a snippet: its
      // document's whole pack (HASH.pack) serves too, where the part
      // cannot be had (the standalone file carries no parts).
      try {
        return await fetchFile(n, p);
      } catch (err) {
        const whole = all.findIndex((q) => q.kind === 'text' && q.name === p.name.replace(/(-\d+)+\.pack$/, '.pack'));
        if (whole < 0) throw err;
        return load(whole);
      }
    }
    return fetchFile(n, p);
  }
  async function fetchFile(n, p) {
    const what = `${p.kind === 'index' ? 'index' : 'text'} pack ${n} (${p.name})`;
    // Fetched ahead for load()'s firstQuery: used if it serves, else
    // fetched again as any other (a wrong guess costs that fetch only).
    const early = prefetched?.get(p.name);
    if (early) {
      prefetched.delete(p.name);
      try {
        return await addFile(n, p, what, await early);
      } catch {
        // fetched again below
      }
    }
    let bytes;
    if (typeof source === 'function') {
      try {
        bytes = await source(p.name);
      } catch (err) {
        throw packError(`${what}: ${err.message}`, 'source');
      }
      return addFile(n, p, what, bytes);
    }
    try {
      bytes = await fetchBytes(what, new URL(p.name, source));
    } catch (err) {
      // Offline, a pack loaded before from a bulk file (makeAvailableOffline)
      // is in the service worker's cache only there.
      if (await fromBulk(n).catch(() => false)) return;
      throw err;
    }
    return addFile(n, p, what, bytes);
  }
  /** The bytes of a pack file, or a packError saying what went wrong. */
  async function fetchBytes(what, url) {
    let res;
    try {
      res = await download(url);
    } catch (err) {
      // What the browser says ("Failed to fetch", "NetworkError when
      // attempting to fetch resource.") comes last, apart from ours.
      const said = err.message.replace(/^load: cannot download \S+: /, '');
      throw packError(`${what}: cannot download ${url.href}: no answer (offline, or the server refused the connection); the browser said: ${said}`, 'offline');
    }
    if (!res.ok) throw packError(`${what}: cannot download ${url.href}: the server answered HTTP ${res.status} ${res.statusText}`.trim(), 'http', res.status);
    try {
      return new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      throw packError(`${what}: cannot download ${url.href}: the download broke off; the browser said: ${err.message}`, 'offline');
    }
  }
  let bulkList = null;
  /**
   * The bulk files of a split build (BULK_FILE): [{first, count, name}],
   * each holding packs first to first+count-1; [] when there are none
   * (an older build, -bulk off, the standalone file) or the list cannot
   * be had (asked again next time).
   */
  function bulks() {
    if (typeof source === 'function') return Promise.resolve([]);
    bulkList ??= download(new URL(BULK_FILE, source)).then(async (res) => (res.ok ? parseBulk(await res.text()) : []));
    bulkList.catch(() => {
      bulkList = null;
    });
    return bulkList.catch(() => []);
  }
  /**
   * Loads the packs ns (numbers), those of a bulk file that holds a
   * quarter of its packs or more to load from it (BULK_FETCHES files at
   * once), the others, and those the bulk files could not give, one by
   * one (PACK_FETCHES at once); onPack(n) after each. again: the module
   * lacks them all, loaded before or not (it dropped them). Resolves to
   * the errors of the packs that could not be had; never rejects.
   * @param {number[]} ns
   * @param {{again?: boolean, onPack?: (n: number) => void}} [options]
   * @returns {Promise<Error[]>}
   */
  async function loadMany(ns, { again = false, onPack = () => {} } = {}) {
    const files = await bulks();
    const runs = new Map();
    const single = [];
    for (const n of ns) {
      const b = files.find((x) => n >= x.first && n < x.first + x.count);
      if (!b) single.push(n);
      else if (runs.has(b)) runs.get(b).push(n);
      else runs.set(b, [n]);
    }
    const todo = [];
    for (const [b, want] of runs) {
      if (want.length * 4 >= b.count) todo.push({ b, want });
      else single.push(...want);
    }
    const nextBulk = async () => {
      while (todo.length > 0) {
        const { b, want } = todo.shift();
        single.push(...(await loadBulk(b, want, again, onPack)));
      }
    };
    await Promise.all(Array.from({ length: BULK_FETCHES }, nextBulk));
    single.sort((a, b) => a - b);
    const errors = [];
    const next = async () => {
      while (single.length > 0) {
        const n = single.shift();
        await load(n).catch((err) => errors.push(err));
        onPack(n);
      }
    };
    await Promise.all(Array.from({ length: PACK_FETCHES }, next));
    return errors;
  }
  /**
   * Fetches bulk file b, inflates it once, cuts it into its packs by the
   * sizes of the pack table and gives the module those of want (pack
   * numbers) not loaded (again: not given to it since the module was
   * asked for them) or loading yet, all at once; onPack(n) after each.
   * Resolves to the packs of want it did not give (the file missing or
   * damaged, a pack the module refused, one loading already), for the
   * caller to load one by one. Never rejects.
   */
  async function loadBulk(b, want, again, onPack) {
    const all = await list();
    const mine = [];
    const left = [];
    for (const n of want) {
      // One on its way already is left to that load; one loaded is
      // loaded again only when the module lacks it (it dropped it).
      if (loading.has(n) && !done.has(n)) left.push(n);
      else if (all[n].loaded && !again) onPack(n);
      else mine.push(n);
    }
    if (mine.length === 0) return left;
    let data;
    try {
      data = await cutBulk(b, all);
    } catch {
      return left.concat(mine);
    }
    await Promise.all(mine.map((n) => {
      const p = addBytes(n, all[n], `${all[n].kind} pack ${n} (${all[n].name})`, data.get(n));
      loading.set(n, { p, name: undefined });
      p.then(() => {
        done.add(n);
        onPack(n);
      }, () => {
        if (loading.get(n)?.p === p) loading.delete(n);
        left.push(n);
      });
      return p.catch(() => {});
    }));
    return left;
  }
  /** Bulk file b's packs: Map(pack number -> its bytes, decompressed); rejects when it cannot be had or cut. */
  async function cutBulk(b, all) {
    const bytes = await inflate(await fetchBytes(`bulk file ${b.name}`, new URL(b.name, source)));
    const out = new Map();
    let at = 0;
    for (let n = b.first; n < b.first + b.count; n++) {
      if (!all[n] || all[n].kind === 'part') throw new Error(`bulk file ${b.name}: no pack ${n} to cut`);
      // A copy each: a view would send the whole file to the worker.
      out.set(n, bytes.slice(at, at + all[n].size));
      at += all[n].size;
    }
    if (at !== bytes.length) throw new Error(`bulk file ${b.name}: ${bytes.length} bytes, its packs ${at}`);
    return out;
  }
  /** Loads pack n from the bulk file that holds it, if any: true once given to the module. */
  async function fromBulk(n) {
    const b = (await bulks()).find((x) => n >= x.first && n < x.first + x.count);
    if (!b) return false;
    const all = await list();
    const data = (await cutBulk(b, all)).get(n);
    await addBytes(n, all[n], `${all[n].kind} pack ${n} (${all[n].name})`, data);
    return true;
  }
  async function addFile(n, p, what, bytes) {
    try {
      bytes = await inflate(bytes);
    } catch (err) {
      throw packError(`${what}: damaged or truncated file (${err.message})`, 'damaged');
    }
    return addBytes(n, p, what, bytes);
  }
  /** Gives the module pack n's bytes, decompressed; it checks their size and hash. */
  async function addBytes(n, p, what, bytes) {
    const r = await send('addPack', [n, bytes]);
    if (r.error !== undefined) throw packError(r.error.replace(/^addPack: /, ''), 'damaged');
    p.loaded = true;
    if (table) table.then((all) => (all[n] ? (all[n].loaded = true) : null), () => {});
  }
  /**
   * Resolves once pack n is in the module; rejects with what went wrong.
   * name, the file of a pack of the search index, spares the list.
   * Callers ask when the module lacks the pack: one it was given before
   * and dropped, to keep its memory bounded, is fetched again (from the
   * browser's cache).
   */
  function load(n, name) {
    const l = loading.get(n);
    let p = l?.p;
    const again = done.delete(n);
    // Asked with another file (a guess of firstQuery's): loaded anew.
    if (!p || again || l.name !== name) {
      p = fetchPack(n, name, again);
      loading.set(n, { p, name });
      p.then(() => done.add(n), () => loading.get(n)?.p === p && loading.delete(n));
    }
    return p;
  }
  /** The texts' packs the module lacks now (it dropped those it was given first, beyond its bound). */
  async function lacking() {
    const r = await send('packs', []);
    if (r.error !== undefined) return [];
    /** @type {{kind: string, loaded: boolean}[]} */
    const now = JSON.parse(r.json);
    return now.flatMap((p, n) => (p.kind === 'text' && !p.loaded ? [n] : []));
  }
  const loader = { list, bulks, loadMany, load, lacking };
  return loader;
}

/**
 * Gives the module the chunks fetched ahead for load()'s firstQuery: those
 * at hand now, before load() resolves (so that the first search finds
 * them), and the others as they come. Never rejects.
 */
async function warmUp(prefetch, packs) {
  const arrived = new Set();
  for (const [name, bytes] of prefetch.files) bytes.then(() => arrived.add(name), () => {});
  // The list came long before the module; if it has not, nothing waits for it.
  const guessed = await Promise.race([prefetch.guessed, new Promise((ok) => setTimeout(ok, 0, null))]);
  if (guessed === null) {
    prefetch.guessed.then((g) => g.forEach(([n, name]) => packs.load(n, name).catch(() => {})));
    return;
  }
  await Promise.all(guessed.map(([n, name]) => {
    const p = packs.load(n, name).catch(() => {});
    return arrived.has(name) ? p : null;
  }));
}

async function makeExplorer(runner, { API, METHODS }, info) {
  let closed = null;
  let dead = null;
  let searchSeq = 0;
  runner.onDead((reason) => {
    dead = reason;
  });
  const packs = packLoader((method, args) => runner.send(method, args), info.packs, info.prefetch?.files);
  /** The arguments of each search() answer, for snippets(). */
  const searches = new WeakMap();

  async function call(method, args) {
    if (closed) throw new Error(`${method}: the explorer is closed`);
    if (dead) throw new Error(`${method}: ${dead}`);
    const bad = checkPlain(method, args, API.methods);
    if (bad) throw callError(`${method}: ${bad}`);
    const r = await runner.send(method, args);
    if (r.error !== undefined) throw callError(r.error);
    const v = JSON.parse(r.json);
    return r.extra ? Object.assign(v, r.extra) : v;
  }

  /**
   * Calls a method that searches: when the module lacks packs of the
   * search index (a split build), they are all fetched, in parallel, and
   * the call made again. A pack that cannot be had rejects the call with
   * what went wrong; the next call tries it again.
   */
  async function withIndex(method, args) {
    for (let tries = 0; ; tries++) {
      try {
        return await call(method, args);
      } catch (err) {
        const m = INDEX_NOT_LOADED.exec(err.message);
        if (!m || tries >= 3) throw err;
        const need = [...m[1].matchAll(INDEX_PACK)].map((x) => [Number(x[1]), x[2]]);
        const got = await Promise.allSettled(need.map(([n, name]) => packs.load(n, name)));
        const bad = got.find((g) => g.status === 'rejected');
        if (bad) throw packError(`${method}: ${bad.reason.message}`, bad.reason.reason, bad.reason.status);
      }
    }
  }

  /**
   * Calls a method that needs documents' texts: when the module lacks the
   * packs of some, they are fetched, in parallel, and the call made again
   * (a few times, for a call that reads several documents).
   */
  async function withText(method, args) {
    for (let tries = 0; ; tries++) {
      try {
        return await withIndex(method, args);
      } catch (err) {
        const need = missingTexts(err);
        if (!need.length || tries >= 20) throw err;
        await Promise.all(need.map((n) => packs.load(n)));
      }
    }
  }

  /**
   * Calls an analysis of the whole corpus: in a split build whose packs
   * are not all loaded yet, it loads them all (once, in parallel; the
   * module cuts each into its table as it comes) and calls again. The
   * module cuts its table a couple of seconds at a time, so that no call
   * holds the worker for long: while it says it is reading the corpus,
   * the call is made again.
   */
  async function withCorpus(method, args) {
    let fetched = false;
    let lone = 0;
    const asked = new Map();
    for (;;) {
      try {
        return await withIndex(method, args);
      } catch (err) {
        if (CUTTING.test(err.message)) continue; // each call goes further
        const need = missingTexts(err);
        if (!need.length) throw err;
        if (!fetched) {
          fetched = true;
          await explorer.makeAvailableOffline();
        } else {
          // Packs the bulk load missed, or that the module dropped since
          // (its memory is bounded): fetched, each a few times at most.
          for (const n of need) {
            const k = (asked.get(n) ?? 0) + 1;
            if (k > 3) throw err;
            asked.set(n, k);
          }
          // Cutting its table, the module names the first text it lacks
          // (a page of quotes names all it lacks). Twice one text: after a
          // bulk load it dropped the others too (its memory is bounded), and
          // it reads them all: every text it lacks now comes, through the
          // bulk files, and it cuts each into its table as it comes.
          const lacking = need.length === 1 && ++lone >= 2 ? await packs.lacking() : [];
          const errors = await packs.loadMany([...new Set([...need, ...lacking])].sort((a, b) => a - b), { again: true });
          if (errors.length > 0) throw errors[0];
        }
      }
    }
  }

  const explorer = {
    /**
     * Searches the corpus. Each answer carries `seq`, the number of this
     * search() call, and `stale`, true when a newer search() was called
     * before this one was answered: show only answers that are not stale.
     * A rejected search's Error carries `seq` and `stale` too.
     * @param {string} query
     * @param {import('./explorer').SearchOptions} [options]
     * @returns {Promise<import('./explorer').SearchResult>}
     */
    async search(query, options) {
      const seq = ++searchSeq;
      try {
        const r = await withIndex('search', [...arguments]);
        r.seq = seq;
        r.stale = seq !== searchSeq;
        searches.set(r, [...arguments]);
        return r;
      } catch (err) {
        err.seq = seq;
        err.stale = seq !== searchSeq;
        throw err;
      }
    },
    /**
     * Marks a query's words in one document, as search() marks them in
     * its snippets: UTF-16 ranges of its title and of its whole text.
     * @param {string} id
     * @param {string} query
     * @returns {Promise<import('./explorer').Highlights>}
     */
    highlights(id, query) {
      return withText('highlights', [...arguments]);
    },
    /**
     * Summarises one document: `{sentences}` or a budget of `{words}`.
     * @param {string} id
     * @param {import('./explorer').SummaryOptions} [options]
     * @returns {Promise<import('./explorer').Summary>}
     */
    summarize(id, options) {
      return withText('summarize', [...arguments]);
    },
    /**
     * Summarises what the corpus says about a query.
     * @param {string} query
     * @param {import('./explorer').SummaryOptions} [options]
     * @returns {Promise<import('./explorer').Summary>}
     */
    async summarizeQuery(query, options) {
      // The summary reads the top hits' texts: their packs come first.
      if (typeof query === 'string' && query.length <= MAX_STRING) {
        const r = await withIndex('search', [query, { limit: 10 }]).catch(() => null);
        if (r) await Promise.all(r.hits.filter((h) => h.pending).map((h) => packs.load(h.pack).catch(() => {})));
      }
      return withIndex('summarizeQuery', [...arguments]);
    },
    /**
     * Returns one document, everything `explorer inspect` prints.
     * @param {string} id
     * @returns {Promise<import('./explorer').Document>}
     */
    document(id) {
      return withText('document', [...arguments]);
    },
    /**
     * Lists every document's metadata, or a page of it: `{offset, limit}`
     * (limit 0 to 1000); overview().documents says how many there are.
     * @param {{offset?: number, limit?: number}} [options]
     * @returns {Promise<import('./explorer').DocumentMeta[]>}
     */
    documents(options) {
      return call('documents', [...arguments]);
    },
    /**
     * Returns the documents related to one, most similar first, with titles.
     * @param {string} id
     * @param {{limit?: number}} [options]
     * @returns {Promise<import('./explorer').Related[]>}
     */
    related(id, options) {
      return withText('related', [...arguments]);
    },
    /**
     * Returns the corpus overview: figures, summary, keywords, entities.
     * @returns {Promise<import('./explorer').Overview>}
     */
    overview() {
      return call('overview', [...arguments]);
    },
    /**
     * Completes the word being typed, most frequent first.
     * @param {string} prefix
     * @param {{limit?: number}} [options]
     * @returns {Promise<string[]>}
     */
    suggest(prefix, options) {
      // Completions read the lexicon, a pack of the search index in a split build.
      return withIndex('suggest', [...arguments]);
    },
    /**
     * Returns corpus, memory and module figures; `{gc: true}` collects
     * garbage first, for steady memory readings.
     * @param {{gc?: boolean}} [options]
     * @returns {Promise<import('./explorer').Stats>}
     */
    async stats(options) {
      const s = await call('stats', [...arguments]);
      return Object.assign(s, { mode: info.mode, fallback: info.fallback, wasm_bytes: info.wasm_bytes, load_ms: info.load_ms });
    },
    /**
     * The concordance (KWIC) of a word or phrase: a page of its
     * occurrences with their left and right contexts, `match` "word" or
     * "forms" (every word of the same stem), sorted by `sort` "document",
     * "date", "left" or "right"; `id` keeps one document.
     * @param {string} query
     * @param {import('./explorer').KWICOptions} [options]
     * @returns {Promise<import('./explorer').Concordance>}
     */
    kwic(query, options) {
      return withCorpus('kwic', [...arguments]);
    },
    /**
     * One to five terms ("a, b, c") counted per document and per month,
     * year, folder or author, per 10,000 words.
     * @param {string} terms
     * @param {import('./explorer').TrendOptions} [options]
     * @returns {Promise<import('./explorer').Trend>}
     */
    trend(terms, options) {
      return withCorpus('trend', [...arguments]);
    },
    /**
     * The words most associated with a word within a window of 1 to 10
     * words each side, by log-likelihood, with raw counts.
     * @param {string} query
     * @param {import('./explorer').CollocateOptions} [options]
     * @returns {Promise<import('./explorer').Collocates>}
     */
    collocates(query, options) {
      return withCorpus('collocates', [...arguments]);
    },
    /**
     * The words distinctive of a document (`id`), of a query's hits
     * (`query`, `hits`) or of a folder, author or date range, against the
     * rest of the corpus, by log-likelihood.
     * @param {import('./explorer').KeynessOptions} options
     * @returns {Promise<import('./explorer').Keyness>}
     */
    keyness(options) {
      return withCorpus('keyness', [...arguments]);
    },
    /**
     * The repeated phrases of `n` words (2 to 6) of the corpus or of a
     * document, stopword-only phrases left out.
     * @param {import('./explorer').PhraseOptions} [options]
     * @returns {Promise<import('./explorer').Phrases>}
     */
    phrases(options) {
      return withCorpus('phrases', [...arguments]);
    },
    /**
     * The people, organisations and places named together in a sentence
     * (or a document): nodes and weighted edges.
     * @param {import('./explorer').NetworkOptions} [options]
     * @returns {Promise<import('./explorer').Network>}
     */
    network(options) {
      return withCorpus('network', [...arguments]);
    },
    /**
     * The documents (or a query's hits) counted per month or year.
     * @param {import('./explorer').TimelineOptions} [options]
     * @returns {Promise<import('./explorer').Timeline>}
     */
    timeline(options) {
      return withCorpus('timeline', [...arguments]);
    },
    /**
     * Vocabulary size, type/token ratios, document lengths, languages.
     * @returns {Promise<import('./explorer').Figures>}
     */
    figures() {
      return withCorpus('figures', [...arguments]);
    },
    /**
     * Lists the texts' packs: their file names (content hashes), sizes
     * and whether each is loaded. All are loaded in an embedded build.
     * @returns {Promise<import('./explorer').Pack[]>}
     */
    packs() {
      return call('packs', [...arguments]);
    },
    /**
     * Gives the module the bytes of pack n (the file packs() names,
     * decompressed), for a page that fetches packs itself; the module
     * checks their size and hash.
     * @param {number} pack
     * @param {Uint8Array} bytes
     * @returns {Promise<null>}
     */
    async addPack(pack, bytes) {
      if (!(bytes instanceof Uint8Array)) throw new Error(`addPack: bytes must be a Uint8Array, got ${typeName(bytes)}`);
      const r = await runner.send('addPack', [pack, bytes]);
      if (r.error !== undefined) throw new Error(r.error);
      return null;
    },
    /**
     * Stops the module and releases everything it exported. Calls made
     * before are answered; calls made after are rejected. Safe to call twice.
     * @returns {Promise<void>}
     */
    close() {
      if (!closed) closed = runner.close().catch(() => {});
      return closed;
    },
    /**
     * Fills the snippets of a search() answer whose hits are `pending`
     * (a split build: their texts' packs were not loaded yet): fetches
     * those packs, in parallel, and sets each such hit's `snippet` and
     * `snippet_highlights`, or, when its pack cannot be had (offline,
     * missing, damaged), its `snippet_error`, with `snippet_error_reason`
     * and `snippet_error_status` (see PackError); `pending` becomes false.
     * Resolves to the same answer, changed in place (its `summary` too,
     * when the search asked for one); never rejects for a pack, so the
     * page can show titles at once and fill snippets in.
     * @param {import('./explorer').SearchResult} result
     * @returns {Promise<import('./explorer').SearchResult>}
     */
    async snippets(result) {
      let waiting = (result && Array.isArray(result.hits) ? result.hits : []).filter((h) => h.pending);
      const failed = new Map();
      // Rounds: a hit whose text the module dropped again while the others
      // came (its bound on held texts, load({heldBytes})) waits for the
      // next, as long as each round fills some.
      while (waiting.length > 0) {
        await Promise.all([...new Set(waiting.map((h) => h.pack))].map((n) => packs.load(n).catch((err) => failed.set(n, err))));
        let again = null;
        if (failed.size < waiting.length) {
          try {
            again = await withIndex('search', searches.get(result) ?? [result.query, { limit: result.hits.length }]);
          } catch (err) {
            for (const h of waiting) if (!failed.has(h.pack)) failed.set(h.pack, err);
          }
        }
        // A summary asked with the search reads the hits' texts: now it can.
        if (again && again.summary) result.summary = again.summary;
        const byID = new Map((again ? again.hits : []).map((h) => [h.id, h]));
        const dropped = waiting.filter((h) => !failed.has(h.pack) && byID.get(h.id)?.pending);
        const next = dropped.length < waiting.length ? dropped : [];
        for (const h of waiting) {
          if (next.includes(h)) continue;
          const n = byID.get(h.id);
          h.pending = false;
          if (n && !n.pending && !n.snippet_error) {
            h.snippet = n.snippet;
            h.snippet_highlights = n.snippet_highlights;
            if (n.page) h.page = n.page;
            delete h.snippet_error;
          } else {
            const err = failed.get(h.pack);
            h.snippet_error = err?.message ?? (n && n.snippet_error) ?? 'the text of this document could not be loaded';
            if (err?.reason) h.snippet_error_reason = err.reason;
            if (err?.status !== undefined) h.snippet_error_status = err.status;
          }
        }
        waiting = next;
      }
      return result;
    },
    /**
     * Fetches every pack not yet loaded (a split build: texts and search index), so that
     * everything works offline; onProgress(done, total) after each.
     * Resolves to {packs, loaded, failed: [messages]}.
     * @param {{onProgress?: (done: number, total: number) => void}} [options]
     */
    async makeAvailableOffline(options) {
      const list = await packs.list();
      // The parts of long documents are only for snippets: the texts' packs hold them whole.
      const todo = list.map((p, n) => n).filter((n) => !list[n].loaded && list[n].kind !== 'part');
      const total = todo.length;
      const failed = [];
      let done = 0;
      const progress = () => {
        done++;
        if (options && typeof options.onProgress === 'function') {
          try {
            options.onProgress(done, total);
          } catch {
            // a failing progress callback must not stop the fetches
          }
        }
      };
      // Through the bulk files that hold them, a few requests, not one a pack.
      const errors = await packs.loadMany(todo, { onPack: progress });
      for (const err of errors) failed.push(err.message);
      const all = list.filter((p) => p.kind !== 'part');
      return { packs: all.length, loaded: all.filter((p) => p.loaded).length, failed };
    },
  };
  for (const m of [...METHODS, ...Object.keys(API.client)]) {
    if (typeof explorer[m] !== 'function') throw new Error(`explorer.js: ${m} missing`);
  }
  if (info.prefetch) await warmUp(info.prefetch, packs);
  return Object.freeze(explorer);
}

// Loaded as the script of one of the explorer's workers: serve.
if (typeof DedicatedWorkerGlobalScope !== 'undefined' && globalThis instanceof DedicatedWorkerGlobalScope && /** @type {any} */ (globalThis).name === WORKER_NAME) {
  serveWorker(/** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (globalThis)));
}
