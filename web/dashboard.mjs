// dashboard.mjs — boots the ImGui dashboard (app/loupe_dashboard.wasm) on the page's main thread as
// a client of the JS package, and is its platform glue: input from the canvas and the text agent
// only (never window-wide listeners, so a host page keeps its keys), ResizeObserver and
// devicePixelRatio, clipboard, the hash route, frames only when something changed.
//
//   index.html[?demo=1][&storage=memory]#/dashboard
//
// ?demo=1 imports the demo workspace when the workspace is empty; storage=memory opens a
// throwaway in-memory workspace instead of the OPFS one (tests, and a second look without
// touching the saved workspace).
import { Loupe } from './loupe/index.mjs';
import { fetchDemo, importInto, summarizeImport } from './importing.mjs';

const $ = (id) => document.getElementById(id);
// Milliseconds since navigation (performance.now): the first-paint benchmark reads them.
const timing = { start: 0, opened: NaN, imported: NaN, firstFrame: NaN };
const params = new URLSearchParams(location.search);
const encoder = new TextEncoder();

const status = {
  show(text, fraction) {
    $('status').hidden = false;
    $('status-text').textContent = text;
    const bar = $('status-progress');
    bar.hidden = fraction === undefined;
    if (fraction === null) bar.removeAttribute('value');
    else if (fraction !== undefined) bar.value = fraction;
  },
  hide() { $('status').hidden = true; },
};

// Bytes into the wasm heap for a call; freed by the caller.
function toHeap(module, bytes) {
  const ptr = module._malloc(bytes.length + 1);
  module.HEAPU8.set(bytes, ptr);
  module.HEAPU8[ptr + bytes.length] = 0;
  return ptr;
}

function withString(module, text, fn) {
  const ptr = toHeap(module, encoder.encode(text));
  try {
    return fn(ptr);
  } finally {
    module._free(ptr);
  }
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// DOM keyCodes the app reads: those of app/main.cpp's io.KeyMap, the digits (Alt+1..4 jump
// between routes) and F6 (moves between the panes); other keys reach ImGui as text only.
const kForwardedKeys = new Set([8, 9, 13, 27, 32, 33, 34, 35, 36, 37, 38, 39, 40, 45, 46,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 65, 67, 86, 88, 89, 90, 117]);
// Keys whose browser default (scrolling, leaving the canvas, the address bar) would fight the
// app's navigation.
const kSwallowedKeys = new Set([8, 9, 32, 33, 34, 35, 36, 37, 38, 39, 40, 117]);

class Platform {
  constructor(module, canvas, agent, loupe) {
    this.module = module;
    this.canvas = canvas;
    this.agent = agent;
    this.loupe = loupe;
    this.scheduled = false;
    this.activity = null;
    this.frames = 0;
  }

  requestFrame() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame((now) => {
      this.scheduled = false;
      this.frames++;
      const more = this.module._loupe_ui_frame(now);
      if (this.frames === 1) timing.firstFrame = performance.now();
      if (more > 0) this.requestFrame();
    });
  }

  size() {
    const rect = this.canvas.getBoundingClientRect();
    return [Math.max(1, rect.width), Math.max(1, rect.height), window.devicePixelRatio || 1];
  }

  point(event) {
    const rect = this.canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  key(event, down) {
    const m = this.module;
    if (kForwardedKeys.has(event.keyCode)) {
      m._loupe_ui_key(event.keyCode, down ? 1 : 0, +event.ctrlKey, +event.shiftKey, +event.altKey, +event.metaKey);
    } else {
      m._loupe_ui_key(-1, down ? 1 : 0, +event.ctrlKey, +event.shiftKey, +event.altKey, +event.metaKey);
    }
  }

  attach() {
    const { canvas, agent, module: m } = this;
    canvas.addEventListener('pointermove', (e) => m._loupe_ui_mouse_move(...this.point(e)));
    canvas.addEventListener('pointerdown', (e) => {
      canvas.focus({ preventScroll: true });
      canvas.setPointerCapture(e.pointerId);  // drags keep reporting outside the canvas
      m._loupe_ui_mouse_move(...this.point(e));
      m._loupe_ui_mouse_button(e.button === 2 ? 1 : e.button === 1 ? 2 : 0, 1);
      e.preventDefault();
    });
    canvas.addEventListener('pointerup', (e) => {
      m._loupe_ui_mouse_move(...this.point(e));
      m._loupe_ui_mouse_button(e.button === 2 ? 1 : e.button === 1 ? 2 : 0, 0);
    });
    canvas.addEventListener('pointerleave', (e) => {
      if (!canvas.hasPointerCapture(e.pointerId)) m._loupe_ui_mouse_leave();
    });
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('wheel', (e) => {
      // Lines and pages to ImGui's "one notch" units (about 100 px of a mouse wheel notch).
      const scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
      m._loupe_ui_wheel(-e.deltaX * scale, -e.deltaY * scale);
      e.preventDefault();
    }, { passive: false });
    canvas.addEventListener('keydown', (e) => {
      this.key(e, true);
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) withString(m, e.key, (p) => m._loupe_ui_text(p));
      if (kSwallowedKeys.has(e.keyCode)) e.preventDefault();
    });
    canvas.addEventListener('keyup', (e) => this.key(e, false));
    canvas.addEventListener('focus', () => m._loupe_ui_focus(1));
    canvas.addEventListener('blur', () => {
      if (document.activeElement !== agent) m._loupe_ui_focus(0);
    });

    // The text agent: typed text and IME compositions arrive as `input`; editing keys as keydown.
    agent.addEventListener('keydown', (e) => {
      if (e.isComposing) return;
      this.key(e, true);
      if (kSwallowedKeys.has(e.keyCode) || e.keyCode === 13) e.preventDefault();
    });
    agent.addEventListener('keyup', (e) => this.key(e, false));
    agent.addEventListener('input', (e) => {
      if (e.isComposing) return;
      if (agent.value) withString(m, agent.value, (p) => m._loupe_ui_text(p));
      agent.value = '';
    });
    agent.addEventListener('compositionend', (e) => {
      if (e.data) withString(m, e.data, (p) => m._loupe_ui_text(p));
      agent.value = '';
    });
    for (const target of [canvas, agent]) {
      // Paste lands in the cache ImGui reads on Ctrl+V (its keydown came just before this event).
      target.addEventListener('paste', (e) => {
        const text = e.clipboardData?.getData('text/plain') ?? '';
        withString(m, text, (p) => m._loupe_ui_paste(p));
        this.requestFrame();
        e.preventDefault();
      });
    }

    new ResizeObserver(() => m._loupe_ui_resize(...this.size())).observe(canvas);
    const watchRatio = () => {
      const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      query.addEventListener('change', () => {
        m._loupe_ui_resize(...this.size());
        watchRatio();
      }, { once: true });
    };
    watchRatio();
    window.addEventListener('hashchange', () => withString(m, location.hash, (p) => m._loupe_ui_route(p)));
  }

  // ImGui's text field is active (or not): the agent takes the keyboard at the caret.
  textInput(active, x, y, height) {
    const { agent, canvas } = this;
    if (active) {
      agent.style.left = `${x}px`;
      agent.style.top = `${y}px`;
      agent.style.height = `${height}px`;
      if (document.activeElement !== agent) agent.focus({ preventScroll: true });
    } else if (document.activeElement === agent) {
      canvas.focus({ preventScroll: true });
    }
  }

  // One engine call for the app: the reply's JSON text goes back into wasm.
  request(id, method, paramsText) {
    const m = this.module;
    const answer = (ok, text) => {
      const bytes = encoder.encode(text);
      const ptr = toHeap(m, bytes);
      try {
        m._loupe_ui_reply(id, ok ? 1 : 0, ptr, bytes.length);
      } finally {
        m._free(ptr);
      }
      this.requestFrame();
    };
    let params;
    try {
      params = JSON.parse(paramsText || '{}');
    } catch (error) {
      answer(false, `invalid_input: the dashboard sent bad params for ${method}`);
      return;
    }
    this.loupe.call(method, params).then(
      (result) => answer(true, typeof result === 'string' ? result : JSON.stringify(result)),
      (error) => answer(false, `${error.code ?? 'internal'}: ${error.message}`));
  }

  // Long work the app started (an import): progress goes to the app's activity bar.
  setActivity(label, fraction, active) {
    const m = this.module;
    withString(m, label, (p) => m._loupe_ui_activity(p, fraction ?? -1, active ? 1 : 0));
    this.requestFrame();
  }

  async importFiles(files, label) {
    const controller = new AbortController();
    this.activity = controller;
    this.setActivity(label, null, true);
    let done = { reports: [], mailmaps: 0 };
    let failure = '';
    try {
      done = await importInto(this.loupe, files, {
        signal: controller.signal,
        onProgress: (p) => {
          let fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
          if (p.files > 0) fraction = ((p.fileIndex ?? 0) + fraction) / p.files;
          this.setActivity(`${label}: ${p.file ?? p.phase}`, fraction, true);
        },
      });
    } catch (error) {
      done = error.done ?? done;
      failure = `${error.code ?? 'error'}: ${error.message}`;
    } finally {
      this.activity = null;
      const summary = summarizeImport(done.reports, done.mailmaps, files.length);
      this.setActivity(failure ? `${summary} Stopped: ${failure}` : summary, 1, false);
      this.module._loupe_ui_data_changed();
    }
  }

  chooseFiles() {
    const chooser = $('file-chooser');
    chooser.onchange = () => {
      const files = Array.from(chooser.files ?? []);
      chooser.value = '';
      if (files.length) this.importFiles(files, 'Importing');
    };
    chooser.click();
  }
}

async function main() {
  // The app's code is compiled and its fonts fetched while the engine opens (and imports the
  // demo); its callbacks reach `platform`, which exists before the first frame.
  let platform;
  const base = new URL('./app/', import.meta.url);
  const appParts = Promise.all([
    import(new URL('loupe_dashboard.mjs', base).href).then(({ default: createDashboard }) => createDashboard({
      locateFile: (file) => new URL(file, base).href,
      loupeRequest: (id, method, paramsText) => platform.request(id, method, paramsText),
      loupeRequestFrame: () => platform?.requestFrame(),
      loupeSetCursor: (cursor) => { if (platform) platform.canvas.style.cursor = cursor; },
      loupeWriteClipboard: (text) => navigator.clipboard?.writeText(text).catch(() => {}),
      loupeTextInput: (active, x, y, h) => platform?.textInput(active, x, y, h),
      loupeSetHash: (hash) => { if (location.hash !== hash) history.replaceState(null, '', hash); },
      loupePushHash: (hash) => { if (location.hash !== hash) location.hash = hash; },
      loupeChooseFiles: () => platform.chooseFiles(),
      loupeImportDemo: async () => platform.importFiles(await fetchDemo(), 'Importing the demo workspace'),
      loupeCancelActivity: () => platform.activity?.abort(),
    })),
    fetchBytes(new URL('fonts/DejaVuSans.ttf', base)).catch(() => new Uint8Array()),
    fetchBytes(new URL('fonts/DejaVuSans-Bold.ttf', base)).catch(() => new Uint8Array()),
  ]);
  appParts.catch(() => {});  // awaited (and reported) below
  let loupe;
  try {
    loupe = await Loupe.open({ storage: params.get('storage') === 'memory' ? 'memory' : 'opfs' });
  } catch (error) {
    status.show(error?.code === 'locked'
      ? 'Loupe is already open in another tab of this browser, which owns the workspace. Use that tab, or close it and reload this one.'
      : `The workspace could not be opened: ${error.message}`);
    return;
  }
  timing.opened = performance.now();
  if (params.get('demo') === '1') {
    const described = await loupe.workspace.describe();
    if (described.counts.commits === 0) {
      status.show('Importing the demo workspace…', null);
      await importInto(loupe, await fetchDemo(), {
        onProgress: (p) => status.show(`Importing the demo workspace: ${p.file ?? p.phase}`,
          ((p.fileIndex ?? 0) + (p.total > 0 ? p.done / p.total : 0)) / (p.files || 1)),
      });
    }
  }

  timing.imported = performance.now();
  status.show('Starting the dashboard…', null);
  const [module, regular, bold] = await appParts;
  const canvas = $('loupe-canvas');
  platform = new Platform(module, canvas, $('loupe-text-agent'), loupe);
  const fonts = [regular, bold].map((bytes) => (bytes.length ? toHeap(module, bytes) : 0));
  const [width, height, ratio] = platform.size();
  const failed = withString(module, '#loupe-canvas', (p) => module._loupe_ui_init(p, width, height, ratio,
    fonts[0], regular.length, fonts[1], bold.length));
  fonts.forEach((ptr) => ptr && module._free(ptr));
  if (failed) {
    status.show('The dashboard needs WebGL 2, which this browser did not provide.');
    return;
  }
  platform.attach();
  withString(module, location.hash || '#/dashboard', (p) => module._loupe_ui_route(p));
  status.hide();
  canvas.focus({ preventScroll: true });
  platform.requestFrame();

  // For tests and the frame-time benchmark: the app's state, frames drawn, and a forced frame.
  window.loupeDashboard = {
    loupe,
    timing,
    state: () => JSON.parse(module.UTF8ToString(module._loupe_ui_state())),
    framesDrawn: () => platform.frames,
    // After a change made through `loupe` directly: the app re-reads everything it shows.
    dataChanged: () => { module._loupe_ui_data_changed(); },
    idle: () => !platform.scheduled,
  };
}

main().catch((error) => status.show(`The dashboard failed to start: ${error.message}`));
