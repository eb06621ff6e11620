/** A point of a drawn stroke: x and y in 0–1 of the pad, t in ms since the stroke began. */
export interface StrokePoint {
  x: number;
  y: number;
  t: number;
}

/**
 * The drawing surface of the signature modal. Strokes are kept as points relative to the
 * pad (not pixels), so when the pad changes size (phone rotated, window resized, modal
 * re-laid out) the backing store is resized and the same strokes are drawn again in place;
 * DocuSeal's pad lost or shifted them on rotation (docuseal#383). Pointer events cover
 * mouse, touch and pen; `touch-action: none` on the canvas keeps the page from scrolling.
 */
export class SignaturePad {
  readonly strokes: StrokePoint[][] = [];
  private current: StrokePoint[] | null = null;
  private started = 0;
  private readonly observer: ResizeObserver;
  private readonly listeners: [string, (event: PointerEvent) => void][];

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.listeners = [
      ['pointerdown', (e) => this.down(e)],
      ['pointermove', (e) => this.move(e)],
      ['pointerup', (e) => this.up(e)],
      ['pointercancel', (e) => this.up(e)],
    ];
    for (const [type, listener] of this.listeners) canvas.addEventListener(type, listener as EventListener);
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(canvas);
    this.resize();
  }

  get isEmpty(): boolean {
    return this.strokes.length === 0;
  }

  clear(): void {
    this.strokes.length = 0;
    this.redraw();
    this.onChange();
  }

  undo(): void {
    this.strokes.pop();
    this.redraw();
    this.onChange();
  }

  destroy(): void {
    this.observer.disconnect();
    for (const [type, listener] of this.listeners)
      this.canvas.removeEventListener(type, listener as EventListener);
  }

  /** The strokes drawn on a white-free (transparent) PNG of a fixed size, as a data URL. */
  toDataUrl(width = 900, height = 300): string {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    drawStrokes(canvas.getContext('2d')!, this.strokes, width, height);
    return canvas.toDataURL('image/png');
  }

  private point(event: PointerEvent): StrokePoint {
    const rect = this.canvas.getBoundingClientRect();
    return {
      x: clamp((event.clientX - rect.left) / rect.width),
      y: clamp((event.clientY - rect.top) / rect.height),
      t: Math.round(event.timeStamp - this.started),
    };
  }

  private down(event: PointerEvent): void {
    if (event.button !== 0) return;
    event.preventDefault();
    this.canvas.setPointerCapture?.(event.pointerId);
    this.started = event.timeStamp;
    this.current = [this.point(event)];
    this.strokes.push(this.current);
    this.redraw();
  }

  private move(event: PointerEvent): void {
    if (!this.current) return;
    event.preventDefault();
    const events = event.getCoalescedEvents?.() ?? [event];
    for (const e of events.length ? events : [event]) this.current.push(this.point(e));
    this.redraw();
  }

  private up(event: PointerEvent): void {
    if (!this.current) return;
    this.canvas.releasePointerCapture?.(event.pointerId);
    this.current = null;
    this.onChange();
  }

  private resize(): void {
    const rect = this.canvas.getBoundingClientRect();
    const ratio = Math.min(window.devicePixelRatio || 1, 3);
    const width = Math.max(1, Math.round(rect.width * ratio));
    const height = Math.max(1, Math.round(rect.height * ratio));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.redraw();
  }

  private redraw(): void {
    const context = this.canvas.getContext('2d');
    if (context) drawStrokes(context, this.strokes, this.canvas.width, this.canvas.height);
  }
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}

/** Strokes as smooth lines (quadratic curves through midpoints), width relative to the pad. */
export function drawStrokes(
  context: CanvasRenderingContext2D,
  strokes: StrokePoint[][],
  width: number,
  height: number,
): void {
  context.clearRect(0, 0, width, height);
  context.strokeStyle = '#0b1f4d';
  context.fillStyle = '#0b1f4d';
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.lineWidth = Math.max(1.5, width / 220);
  for (const stroke of strokes) {
    const points = stroke.map((p) => ({ x: p.x * width, y: p.y * height }));
    const first = points[0];
    if (!first) continue;
    if (points.length === 1) {
      context.beginPath();
      context.arc(first.x, first.y, context.lineWidth / 2, 0, Math.PI * 2);
      context.fill();
      continue;
    }
    context.beginPath();
    context.moveTo(first.x, first.y);
    for (let i = 1; i < points.length - 1; i += 1) {
      const p = points[i]!;
      const next = points[i + 1]!;
      context.quadraticCurveTo(p.x, p.y, (p.x + next.x) / 2, (p.y + next.y) / 2);
    }
    const last = points[points.length - 1]!;
    context.lineTo(last.x, last.y);
    context.stroke();
  }
}
