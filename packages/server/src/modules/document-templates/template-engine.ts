import { createRequire } from 'node:module';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { imageFromDataUrl, imageSize } from './template-images.js';
import { checkTemplatePackage, PackageError } from './template-package.js';
import { type StructuredTag, type TemplateVariable, variablesFromTags } from './template-variables.js';

/**
 * docxtemplater behind two calls: read a template's variables, fill it with one row.
 * docxtemplater because its default parser reaches no code and no prototype (measured; the
 * alternatives leaked or ran shell commands from a template). Images go through the free
 * image module, which gets a data-URL string and returns the bytes from getImage: given a
 * Buffer as the value it mistakes it for an already-resolved image.
 */

// Both are CommonJS without usable typings for ESM: the inspect module exports a factory,
// the image module a class.
const require = createRequire(import.meta.url);
const createInspectModule = require('docxtemplater/js/inspect-module.js') as () => {
  getAllStructuredTags(): unknown[];
};
const ImageModule = require('docxtemplater-image-module-free') as new (options: {
  centered: boolean;
  getImage: (value: unknown) => Buffer;
  getSize: (image: Buffer) => [number, number];
}) => unknown;

export interface TemplateProblem {
  /** The tag as written, when docxtemplater names one. */
  tag: string | null;
  message: string;
}

/** A template docxtemplater refuses (unclosed tag, bad nesting) or a package that is unsafe. */
export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly problems: TemplateProblem[],
  ) {
    super(message);
  }
}

function imageModule(): unknown {
  return new ImageModule({
    centered: false,
    getImage: (value: unknown) => imageFromDataUrl(String(value)),
    getSize: (image: Buffer) => imageSize(image),
  });
}

function openTemplate(docx: Buffer, modules: unknown[]): Docxtemplater {
  try {
    checkTemplatePackage(docx);
  } catch (error) {
    if (error instanceof PackageError)
      throw new TemplateSyntaxError(error.message, [{ tag: null, message: error.message }]);
    throw error;
  }
  try {
    return new Docxtemplater(new PizZip(docx), {
      modules: modules as never[],
      paragraphLoop: true,
      errorLogging: false,
      linebreaks: true,
      // a missing optional value renders empty; required ones are checked before filling
      nullGetter: () => '',
    });
  } catch (error) {
    throw asSyntaxError(error);
  }
}

function asSyntaxError(error: unknown): Error {
  const properties = (error as { properties?: { errors?: unknown[] } }).properties;
  if (!properties) return error instanceof Error ? error : new Error(String(error));
  const list = (properties.errors ?? [error]) as { properties?: { explanation?: string; xtag?: string } }[];
  const problems = list.map((item) => ({
    tag: item.properties?.xtag ?? null,
    message: item.properties?.explanation ?? 'template error',
  }));
  return new TemplateSyntaxError('the template has errors', problems);
}

/** The variables a DOCX template asks for, as a schema people can then edit. */
export function inspectTemplate(docx: Buffer): TemplateVariable[] {
  const inspect = createInspectModule();
  openTemplate(docx, [inspect, imageModule()]);
  return variablesFromTags(inspect.getAllStructuredTags() as StructuredTag[]);
}

/** Fills the template with one row of already-validated data; returns the DOCX bytes. */
export function fillTemplate(docx: Buffer, data: Record<string, unknown>): Buffer {
  const doc = openTemplate(docx, [imageModule()]);
  try {
    doc.render(data);
  } catch (error) {
    throw asSyntaxError(error);
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}
