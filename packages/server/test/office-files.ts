import PizZip from 'pizzip';

/**
 * Small DOCX files built in memory for the conversion and template tests: a real OOXML
 * package (content types, relationships, document part), nothing borrowed from elsewhere.
 */

const wordNs =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="png" ContentType="image/png"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';

const packageRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One paragraph; `rtl` marks it right-to-left the way Word does (w:bidi + right alignment). */
export function paragraph(text: string, options: { rtl?: boolean } = {}): string {
  const props = options.rtl ? '<w:pPr><w:bidi/><w:jc w:val="right"/></w:pPr>' : '';
  const runProps = options.rtl ? '<w:rPr><w:rtl/></w:rPr>' : '';
  return `<w:p>${props}<w:r>${runProps}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** A table whose single row repeats over `loop` (docxtemplater's table-row loop). */
export function loopTable(loop: string, cells: string[]): string {
  const cell = (text: string) =>
    `<w:tc><w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:tc>`;
  const withTags = cells.map((text, index) => {
    const open = index === 0 ? `{#${loop}}` : '';
    const close = index === cells.length - 1 ? `{/${loop}}` : '';
    return cell(`${open}${text}${close}`);
  });
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tr>${withTags.join('')}</w:tr></w:tbl>`;
}

export interface DocxParts {
  /** Extra relationships of word/document.xml (e.g. an external image). */
  documentRels?: string;
  /** Extra package entries (path → content). */
  files?: Record<string, string | Uint8Array>;
}

/** A DOCX whose body is the given WordprocessingML. */
export function docx(bodyXml: string, parts: DocxParts = {}): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', contentTypes);
  zip.file('_rels/.rels', packageRels);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${wordNs}><w:body>${bodyXml}</w:body></w:document>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `${parts.documentRels ?? ''}</Relationships>`,
  );
  for (const [path, content] of Object.entries(parts.files ?? {})) zip.file(path, content);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A DOCX of roughly `pages` pages of body text (about 40 paragraphs a page). */
export function longDocx(
  pages: number,
  line = 'The parties agree to the terms below. 双方同意以下条款。',
): Buffer {
  return docx(Array.from({ length: pages * 40 }, (_, index) => paragraph(`${index + 1}. ${line}`)).join(''));
}

/** A DOCX showing an image linked (not embedded) from `url`: converting it must not fetch it. */
export function remoteImageDocx(url: string): Buffer {
  const drawing =
    '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="remote"/>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    '<pic:nvPicPr><pic:cNvPr id="1" name="remote.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:link="rIdRemote"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>' +
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>' +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
  const rel = `<Relationship Id="rIdRemote" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${url}" TargetMode="External"/>`;
  return docx(paragraph('Linked image below.') + drawing, { documentRels: rel });
}
