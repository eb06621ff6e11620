/**
 * Starts the app's entry after the first frame is painted instead of before it (build only).
 *
 * A `<script type="module">` whose chunks are all in when the parser finishes runs before the
 * browser paints anything: the entry's evaluation (Vue, the router, i18n, Ant Design's config
 * provider: a few hundred milliseconds with the CPU throttled 4×) then holds back the static
 * sign-in card and the signed-in frame of index.html, which are the pages' largest paints.
 * This plugin turns Vite's entry tag into a `modulepreload` (so the entry is fetched and
 * compiled as early as before) and names it in `<meta name="signx-entry">`; public/boot.js
 * adds the module script once the first frame is on screen. The dev server keeps the tag.
 */
export function deferredEntry() {
  return {
    name: 'signx-deferred-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tag = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
        const entry = tag.exec(html)?.[1];
        if (!entry) return html;
        return html.replace(
          tag,
          `<meta name="signx-entry" content="${entry}" />\n    <link rel="modulepreload" crossorigin href="${entry}">`,
        );
      },
    },
  };
}
