import type { Plugin, Rollup } from 'vite';

/**
 * Opening a route with a signed-in session: its chunks (the route's module and everything it imports
 * statically) start downloading as the page is parsed, in parallel with the entry and React, instead of
 * after React has downloaded and evaluated and the entry has asked for the route. A small script, emitted
 * beside the chunks (the production CSP allows no inline script), adds `<link rel="modulepreload">` for each;
 * a signed-out visit (sign-in page) loads none of them. `import()` later finds them fetched and parsed.
 */
export interface EarlyReads {
  /** Where the app looks for them (lib/early-responses.ts). */
  responsesGlobal: string;
  session: string;
  forEveryone: readonly string[];
  /** Read once the session's user has one of these roles. */
  forRoles: { roles: readonly string[]; urls: readonly string[] };
}

export function preloadLandingRoute({
  routeModule,
  pathname,
  sessionHintKey,
  earlyReads,
}: {
  routeModule: string;
  pathname: string;
  sessionHintKey: string;
  /** The route's first API reads, started by the same script (the app's code would start them only after React has loaded). */
  earlyReads?: EarlyReads;
}): Plugin {
  return {
    name: 'crm:preload-landing-route',
    apply: 'build',
    // After Vite has written index.html into the bundle, so the tag can be added to it.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
      const route = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith(routeModule)));
      if (!route) this.error(`preload-landing-route: no chunk for ${routeModule}`);
      const entry = chunks.find((chunk) => chunk.isEntry);
      // The entry's own static imports are already modulepreloaded by index.html.
      const loadedByEntry = new Set(entry ? [entry.fileName, ...entry.imports] : []);
      const files: string[] = [];
      const visit = (fileName: string) => {
        if (files.includes(fileName) || loadedByEntry.has(fileName)) return;
        files.push(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
      };
      visit(route.fileName);
      const hrefs = files.map((file) => `/${file}`);
      const json = JSON.stringify;
      // Same request as the app's client (lib/api-client.ts) makes; the response is cloned before the app reads it.
      const reads = earlyReads
        ? `const early=globalThis[${json(earlyReads.responsesGlobal)}]=new Map();` +
          `const options={headers:{accept:'application/json'},credentials:'same-origin'};` +
          `const get=(url)=>{const response=fetch(url,options);response.catch(()=>{});early.set(url,response);return response};` +
          `const session=get(${json(earlyReads.session)});for(const url of ${json(earlyReads.forEveryone)})get(url);` +
          // In the map at once, so the app, however soon it asks, waits for this read rather than starting its own.
          `const allowed=session.then((response)=>response.ok?response.clone().json():null).then((body)=>${json(earlyReads.forRoles.roles)}.includes(body?.user?.role),()=>false);` +
          `for(const url of ${json(earlyReads.forRoles.urls)}){const response=allowed.then((yes)=>yes?fetch(url,options):null);response.catch(()=>{});early.set(url,response)}`
        : '';
      const source =
        `try{if(localStorage.getItem(${json(sessionHintKey)})==='1'&&location.pathname===${json(pathname)}){` +
        `for(const href of ${json(hrefs)}){const link=document.createElement('link');link.rel='modulepreload';link.crossOrigin='';link.href=href;document.head.append(link)}` +
        `${reads}}}catch{}\n`;
      const scriptFile = this.getFileName(this.emitFile({ type: 'asset', name: 'preload-landing-route.js', source }));
      const html = bundle['index.html'];
      if (html?.type !== 'asset' || typeof html.source !== 'string') this.error('preload-landing-route: index.html is not in the bundle');
      // Before the entry's tag, so the browser asks for this small script first; crossorigin like Vite's own tags.
      const entryTag = '<script type="module" crossorigin';
      if (!html.source.includes(entryTag)) this.error('preload-landing-route: no entry script in index.html');
      html.source = html.source.replace(entryTag, `<script type="module" async crossorigin src="/${scriptFile}"></script>\n    ${entryTag}`);
    },
  };
}
