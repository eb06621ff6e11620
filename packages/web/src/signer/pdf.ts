import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

/**
 * pdf.js for the signer page, loaded only once a document is on screen (it is not part of
 * the entry's budget). The worker, cMaps and standard fonts come from this server's /assets
 * (scripts/pdfjs-assets-plugin.js): CID-keyed Chinese PDFs render blank without the cMaps.
 */
let library: Promise<typeof import('pdfjs-dist')> | null = null;

function pdfjs() {
  library ??= (async () => {
    const lib = await import('pdfjs-dist');
    lib.GlobalWorkerOptions.workerSrc = (await import('pdfjs-dist/build/pdf.worker.min.mjs?url')).default;
    return lib;
  })();
  return library;
}

export async function openPdf(data: ArrayBuffer): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({
    data: new Uint8Array(data),
    cMapUrl: '/assets/pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: '/assets/pdfjs/standard_fonts/',
    isEvalSupported: false,
  }).promise;
}

/** The page's size in CSS pixels at scale 1 (PDF points). */
export function pageSize(page: PDFPageProxy): { width: number; height: number } {
  const viewport = page.getViewport({ scale: 1 });
  return { width: viewport.width, height: viewport.height };
}

/**
 * Draws a page at `scale` CSS pixels per point into the canvas (sharp on high-density
 * screens) and its text layer into `textLayer`: transparent text at the glyphs' positions,
 * which screen readers read and users can select.
 */
export async function renderPage(
  page: PDFPageProxy,
  scale: number,
  canvas: HTMLCanvasElement,
  textLayer: HTMLElement,
): Promise<void> {
  const lib = await pdfjs();
  const viewport = page.getViewport({ scale });
  const ratio = Math.min(window.devicePixelRatio || 1, 3);
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  await page.render({
    canvas,
    viewport,
    transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
  }).promise;
  textLayer.replaceChildren();
  textLayer.style.setProperty('--total-scale-factor', String(scale));
  await new lib.TextLayer({
    textContentSource: page.streamTextContent(),
    container: textLayer,
    viewport,
  }).render();
}
