/**
 * The reads a signed-in screen cannot show without, asked for by a script of a few hundred
 * bytes that the page runs as soon as it has it (`early-reads` in web/vite.config.ts puts it
 * in index.html, before the console's own script of hundreds of KB, which a slow phone takes
 * a while to start): on a reload of 今日 the answers are on their way while React and the
 * router start, instead of leaving only once the router has. The router takes what answered
 * (`withEarlyRead` in web/src/router.tsx); a read that failed or was refused, or one this
 * script had not yet asked for, is simply asked for the ordinary way. It also asks for the
 * code of the signed-in frame and 今日 (a `modulepreload` of the chunk that `data-signed-in`
 * names). Nothing is read on the sign-in page. A plain script: it imports nothing and is built
 * on its own.
 */
(() => {
  /** Every signed-in page: who is signed in, and the labels the frame shows. */
  const SIGNED_IN_READS = ['/api/v1/me', '/api/v1/labels'];
  /** A screen's first reads (its route's firstReads) besides. */
  const SCREEN_READS: Record<string, string[]> = {
    '/today': ['/api/v1/follow-ups?limit=500'],
  };

  // the signed-in frame's chunk (web/src/app/signed-in.ts), whose name the build writes beside this script
  const signedInCode = document.currentScript?.dataset.signedIn;
  const { pathname } = window.location;
  if (pathname === '/login') return;
  // the frame's and 今日's code: asked for beside the entry, not after the entry has started and the router has run
  if (signedInCode) {
    const preload = document.createElement('link');
    preload.rel = 'modulepreload';
    preload.href = signedInCode;
    document.head.append(preload);
  }
  const reads: Record<string, Promise<Response>> = {};
  for (const path of [...SIGNED_IN_READS, ...(SCREEN_READS[pathname] ?? [])]) {
    reads[path] = fetch(path, { credentials: 'include', headers: { accept: 'application/json' } });
    // a failure is the ordinary request's to report, later
    reads[path].catch(() => undefined);
  }
  (globalThis as { __earlyReads?: Record<string, Promise<Response>> }).__earlyReads = reads;
})();
