// Benchmark probe: injected by `make bench` before any script of the page
// (Page.addScriptToEvaluateOnNewDocument), so it sees the parser insert the
// prerendered grid and the wasm set its ready flag. It only observes: no
// listener it adds cancels or changes anything the page does.
//
// window.__bench holds every timestamp, in performance.now() milliseconds
// (0 is the start of the navigation, the same origin as the Paint Timing API).
(() => {
  "use strict";
  const cfg = __BENCH_CONFIG__; // {visible, search, count: CSS selectors, ready: "a.b" path}
  const B = (window.__bench = {
    visible: -1, // first frame in which the target element was on screen, uncovered
    ready: -1, // when the app set its ready flag to true
    fcp: -1, // first contentful paint (Paint Timing's paintTime)
    long: [], // main-thread tasks of 50 ms or more (Long Tasks API): {start, end}
    keys: [], // keydown timestamps (event time: when the browser got the key)
    muts: [], // DOM mutation bursts: {dom: end of their task, frame: end of the next frame}
    count: [], // changes of #result-count's text: {dom, frame, text}
    urls: [], // history.replaceState calls: {t, muts: B.muts.length then}
  });

  // Long tasks and the first contentful paint, for Total Blocking Time:
  // the observer is registered before any script of the page runs, so it
  // sees every task of the load. An entry reaches the observer's callback a
  // little after it is queued; B.flush() takes those still waiting.
  // The paint's time is its paintTime (the end of the rendering step that
  // painted it), not its startTime (when the frame was presented), which
  // headless Chromium only reports once a later frame is drawn: hundreds
  // of ms late for a page that then stays still.
  const perf = new PerformanceObserver((list) => record(list.getEntries()));
  function record(entries) {
    for (const e of entries) {
      if (e.entryType === "longtask") B.long.push({ start: e.startTime, end: e.startTime + e.duration });
      else if (e.name === "first-contentful-paint") B.fcp = e.paintTime || e.startTime;
    }
  }
  B.flush = () => record(perf.takeRecords());
  for (const type of ["longtask", "paint"]) {
    try {
      perf.observe({ type: type, buffered: true });
    } catch (e) {
      B.unobserved = (B.unobserved || []).concat(type);
    }
  }

  // afterFrame calls back once the next frame's main-thread work (style,
  // layout, paint) is done: a task posted from requestAnimationFrame runs
  // right after that frame. That is when the user can first see a change.
  function afterFrame(cb) {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  }

  // The target counts as visible once it is laid out in the viewport and is
  // what the user sees there: go-app's loader, for one, covers the
  // prerendered page until the wasm starts unless the app's CSS hides it.
  function watchVisible() {
    if (B.visible >= 0) return;
    const el = document.querySelector(cfg.visible);
    if (el) {
      // Probe near the element's start (the grid row's name cell, the
      // start of the hello text): a wide row runs past the viewport.
      const r = el.getBoundingClientRect();
      const x = r.left + Math.min(r.width, 40) / 2;
      const y = r.top + Math.min(r.height, 40) / 2;
      const inView = r.width > 0 && r.height > 0 && x < innerWidth && y < innerHeight;
      const top = inView && document.elementFromPoint(x, y);
      if (top && (top === el || el.contains(top))) {
        afterFrame((t) => (B.visible = t));
        return;
      }
      // Kept for the error message when the target never shows.
      B.hidden = inView ? "covered by " + (top ? top.tagName + "." + top.className : "nothing") : "outside the viewport at " + Math.round(x) + "," + Math.round(y);
    }
    requestAnimationFrame(watchVisible);
  }
  requestAnimationFrame(watchVisible);

  // The ready flag is trapped rather than polled, for an exact time: the
  // property is made an accessor before the page's scripts create it.
  const path = cfg.ready.split(".");
  function trap(obj, key) {
    let value = obj[key];
    Object.defineProperty(obj, key, {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (v) => {
        value = v;
        if (v === true && B.ready < 0) B.ready = performance.now();
      },
    });
  }
  if (path.length === 1) {
    trap(window, path[0]);
  } else {
    let holder;
    Object.defineProperty(window, path[0], {
      configurable: true,
      enumerable: true,
      get: () => holder,
      set: (v) => {
        holder = v;
        if (v && typeof v === "object") trap(v, path[1]);
      },
    });
  }

  addEventListener("keydown", (e) => B.keys.push(e.timeStamp), true);

  // A burst is what one task changed in the DOM. Its time is the end of
  // that task (when the mutation observer runs): a wasm task can run for
  // long, and the page cannot be painted before it ends.
  let lastCount = null;
  function burst(flushed) {
    const m = { dom: -1, frame: -1 };
    B.muts.push(m);
    const stamp = () => {
      m.dom = performance.now();
      afterFrame((t) => (m.frame = t));
      const el = document.querySelector(cfg.count);
      const text = el ? el.textContent : null;
      if (text !== lastCount) {
        const c = { dom: m.dom, frame: -1, text: text };
        B.count.push(c);
        afterFrame((t) => (c.frame = t));
        lastCount = text;
      }
    };
    // Records flushed from inside a task get the task's end from a
    // microtask, which runs once the task's stack unwinds.
    if (flushed) queueMicrotask(stamp);
    else stamp();
  }
  const observer = new MutationObserver(() => burst(false));
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });

  // backendgrid writes the query into the address 300 ms after it applied
  // it: that tells the keystroke benchmark the app is done with a key, even
  // when the key changed nothing on screen. A render that takes longer than
  // those 300 ms ends in the same task as the address change, so the DOM
  // changes still pending then are taken first: every burst before
  // urls[i].muts came before the address changed.
  const replaceState = history.replaceState;
  history.replaceState = function () {
    if (observer.takeRecords().length > 0) burst(true);
    B.urls.push({ t: performance.now(), muts: B.muts.length });
    return replaceState.apply(this, arguments);
  };
})();
