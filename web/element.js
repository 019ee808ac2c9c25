// <corpus-explorer>: the explorer as a custom element, its interface and
// styles in a Shadow DOM (the host page's CSS does not reach in, ours does
// not leak out), built on mount() from app.js.
//
//   <script type="module" src="https://host/path/VERSION/explorer.js"></script>
//   <corpus-explorer src="https://host/path/VERSION/explorer.wasm"
//     query="alibaba" height="40rem" lang="fr" theme="dark"></corpus-explorer>
//
// Attributes (all optional; changes after mounting are applied):
//   src             the .wasm (default: explorer.wasm beside explorer.js);
//   query           the initial query;
//   height          a CSS height ("40rem", "600" meaning px); the explorer
//                   scrolls inside it (default: as tall as its content);
//   lang            'fr' or 'en' (default: the browser's language);
//   theme           'auto' (default), 'light' or 'dark';
//   history         state in the address (#q=…) and the browser's history:
//                   for a page that is only the explorer (index.html);
//   service-worker  URL of a service worker to register (index.html: sw.js);
//   originals       where the documents' original files are published,
//                   relative to the page (index.html: originals/): the
//                   reader links each original there;
//   allow-origins   space-separated origins whose window.parent may drive
//                   the explorer with postMessage (the iframe page; see
//                   listenToParent). A page with `history` also accepts the
//                   origin named in its address: index.html?origin=https://…
//
// Importing this module defines <corpus-explorer> (in a microtask, so a
// build that calls define() with its own options first wins). The element's
// `app` property is mount()'s controller (app.ready,
// app.explorer, app.search(q)…); it dispatches `ready` and `statechange`
// (detail: the state) events. Nothing here writes inline style attributes
// into the host page or uses inline scripts, so it runs under the strict CSP.
import { mount } from './app.js';
import { load } from './explorer.js';
import { METHODS } from './api.js';

/** Explorer methods the parent window may call through postMessage. */
const API_METHODS = METHODS;

/** Interface commands the parent window may send through postMessage. */
const UI_METHODS = ['search', 'open', 'navigate', 'setLang', 'setTheme', 'state'];

/** The tag that marks this element's messages. */
const TAG = 'corpus-explorer';

const Base = /** @type {typeof HTMLElement} */ (typeof HTMLElement === 'undefined' ? class {} : HTMLElement);

/**
 * CorpusExplorer is the element's class; define() registers it. Builds
 * that inline everything give define() the styles and the module.
 */
export class CorpusExplorer extends Base {
  static get observedAttributes() {
    return ['src', 'query', 'height', 'lang', 'theme'];
  }

  /** Options given to define(): {styles, wasm, loadOptions}. */
  static options = {};

  connectedCallback() {
    if (!this.app) this.start();
  }

  disconnectedCallback() {
    // Moved elements are disconnected and connected again at once.
    queueMicrotask(() => {
      if (!this.isConnected) this.stop();
    });
  }

  attributeChangedCallback(name, old, value) {
    if (!this.app || old === value) return;
    switch (name) {
      case 'lang': this.app.setLang(value); break;
      case 'theme': this.app.setTheme(value || 'auto'); break;
      case 'query': this.app.search(value || ''); break;
      case 'height': this.applyHeight(); break;
      case 'src': this.stop(); this.start(); break;
    }
  }

  start() {
    const opts = /** @type {{options?: Record<string, any>}} */ (/** @type {unknown} */ (this.constructor)).options || {};
    const doc = this.ownerDocument;
    const history = this.hasAttribute('history');
    const shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    if (typeof opts.styles === 'string') {
      const style = doc.createElement('style');
      style.textContent = opts.styles;
      shadow.append(style);
    } else {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = String(opts.styles || new URL('style.css', import.meta.url));
      shadow.append(link);
    }
    this.root = doc.createElement('div');
    this.root.className = history ? 'cx-root' : 'cx-frame';
    shadow.append(this.root);
    this.applyHeight();
    const loadOptions = { ...(opts.loadOptions || {}) };
    const src = this.getAttribute('src');
    if (src) loadOptions.wasm = new URL(src, doc.baseURI).href;
    else if (opts.wasm) loadOptions.wasm = typeof opts.wasm === 'function' ? opts.wasm() : opts.wasm;
    this.parentLink = listenToParent(this, allowedOrigins(this, history));
    this.app = mount(this.root, {
      useHash: history,
      lang: this.getAttribute('lang') || undefined,
      theme: this.getAttribute('theme') || 'auto',
      query: this.getAttribute('query') || '',
      originals: this.getAttribute('originals') || undefined,
      load,
      loadOptions,
      onStateChange: (state) => {
        this.dispatchEvent(new CustomEvent('statechange', { detail: state }));
        this.parentLink.post({ event: 'state', state });
      },
    });
    const app = this.app;
    app.ready.then(
      () => {
        if (this.app !== app) return;
        this.dispatchEvent(new CustomEvent('ready'));
        this.parentLink.post({ event: 'ready', state: app.state });
      },
      (err) => this.parentLink.post({ event: 'error', message: String(err && err.message) }),
    );
    const sw = this.getAttribute('service-worker');
    if (sw && typeof navigator !== 'undefined' && navigator.serviceWorker && /^https?:$/.test(doc.location.protocol)) {
      // Once the explorer has loaded: the worker's precache then takes the
      // module from the HTTP cache instead of racing the page for it.
      const register = () => navigator.serviceWorker.register(new URL(sw, doc.baseURI).href).catch((err) => {
        console.warn(`corpus-explorer: no offline copy: cannot register ${sw}: ${err.message}`);
        return null;
      });
      this.serviceWorker = app.ready.then(register, register);
    }
  }

  stop() {
    if (!this.app) return;
    const app = this.app;
    this.app = null;
    this.parentLink.close();
    app.destroy();
    app.ready.then(() => app.explorer && app.explorer.close(), () => {});
  }

  /** The height attribute, on the inner root (CSSOM, allowed by the CSP). */
  applyHeight() {
    if (!this.root) return;
    let h = (this.getAttribute('height') || '').trim();
    if (/^\d+(\.\d+)?$/.test(h)) h += 'px';
    const ok = h && (typeof CSS === 'undefined' || CSS.supports('height', h));
    this.root.style.height = ok ? h : '';
    this.root.classList.toggle('cx-fixed', !!ok);
  }
}

/** The origins an element answers: allow-origins, plus ?origin= for a page. */
function allowedOrigins(el, history) {
  const list = (el.getAttribute('allow-origins') || '').split(/\s+/).filter(Boolean);
  if (history) {
    const o = new URLSearchParams(el.ownerDocument.location.search).get('origin');
    if (o) list.push(o);
  }
  const origins = new Set();
  for (const o of list) {
    try {
      const u = new URL(o);
      if (/^https?:$/.test(u.protocol)) origins.add(u.origin);
    } catch {
      // not an origin: ignored
    }
  }
  return origins;
}

/**
 * listenToParent lets the window that frames this page drive the explorer,
 * if its origin is one of origins. A message
 *   {'corpus-explorer': 1, id, method, args}
 * calls an interface command (search, open, navigate, setLang, setTheme,
 * state) or, as method 'explorer.NAME', the explorer API (explorer.search,
 * explorer.summarize…); the answer is posted back to that origin only:
 *   {'corpus-explorer': 1, id, result} or {'corpus-explorer': 1, id, error}.
 * Events {'corpus-explorer': 1, event: 'ready'|'state'|'error', …} go to the
 * parent when its origin is allowed. Messages from any other window or
 * origin are ignored.
 */
export function listenToParent(el, origins) {
  const win = el.ownerDocument.defaultView;
  const parent = win && win.parent !== win ? win.parent : null;
  if (!parent || origins.size === 0) return { post() {}, close() {} };
  const onMessage = async (e) => {
    if (e.source !== parent || !origins.has(e.origin)) return;
    const m = e.data;
    if (!m || typeof m !== 'object' || m[TAG] !== 1) return;
    const reply = (r) => parent.postMessage({ [TAG]: 1, id: m.id, ...r }, e.origin);
    try {
      reply({ result: await dispatch(el, String(m.method), Array.isArray(m.args) ? m.args : []) });
    } catch (err) {
      reply({ error: String((err && err.message) || err) });
    }
  };
  win.addEventListener('message', onMessage);
  return {
    post(m) {
      for (const o of origins) parent.postMessage({ [TAG]: 1, ...m }, o);
    },
    close() {
      win.removeEventListener('message', onMessage);
    },
  };
}

async function dispatch(el, method, args) {
  const app = el.app;
  if (!app) throw new Error(`${method}: the explorer is not mounted`);
  if (method.startsWith('explorer.')) {
    const name = method.slice('explorer.'.length);
    if (!API_METHODS.includes(name)) throw new Error(`unknown method "${method}"; known: ${API_METHODS.map((n) => 'explorer.' + n).join(', ')}`);
    await app.ready;
    return app.explorer[name](...args);
  }
  if (!UI_METHODS.includes(method)) throw new Error(`unknown method "${method}"; known: ${UI_METHODS.join(', ')}, explorer.*`);
  if (method === 'state') return app.state;
  app[method](...args);
  return app.state;
}

/**
 * define registers the element (once) under options.name (default
 * 'corpus-explorer') and returns its class; nothing happens where there
 * is no customElements (a worker, Node). options: {styles: CSS text or a
 * stylesheet URL (default style.css beside this module), wasm: what load()
 * takes as its wasm option, or a function returning it, loadOptions}.
 */
export function define(options = {}) {
  if (typeof customElements === 'undefined') return null;
  const name = options.name || 'corpus-explorer';
  const existing = customElements.get(name);
  if (existing) return existing;
  const cls = class extends CorpusExplorer {
    static options = options;
  };
  customElements.define(name, cls);
  return cls;
}

queueMicrotask(() => define());
