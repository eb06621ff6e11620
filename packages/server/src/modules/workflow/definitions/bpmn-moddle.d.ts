/** The part of bpmn-moddle (no types for its main entry) that definitions/bpmn-*.ts use. */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    /** Attributes outside the BPMN schema, by qualified name (e.g. `signx:config`). */
    $attrs: Record<string, string>;
    id?: string;
    name?: string;
    [property: string]: unknown;
  }

  export interface ImportWarning {
    message: string;
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    create(type: string, attributes?: Record<string, unknown>): ModdleElement;
    fromXML(xml: string, type?: string): Promise<{ rootElement: ModdleElement; warnings: ImportWarning[] }>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
