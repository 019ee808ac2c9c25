// The explorer's dedicated worker: it runs the WebAssembly module off the
// page's thread, so that typing never waits for a search. explorer.js starts
// it as a module worker and talks to it; see serveWorker there.
import { serveWorker } from './explorer.js';

serveWorker(self);
