/**
 * A still image of the map for print: the WebGL canvas copied into a 2D canvas (a 2D canvas
 * prints as it is, while a WebGL one without preserveDrawingBuffer prints blank), with the stop
 * badges, which are HTML over the map, drawn at their places.
 */

/**
 * Copies `mapCanvas` (just redrawn, in the same task, so its drawing buffer still holds the frame)
 * into `target`, then draws each visible stop badge found in `container`.
 */
export function drawMapSnapshot(target: HTMLCanvasElement, mapCanvas: HTMLCanvasElement, container: HTMLElement): void {
  target.width = mapCanvas.width;
  target.height = mapCanvas.height;
  const ctx = target.getContext('2d');
  if (!ctx) return;
  ctx.drawImage(mapCanvas, 0, 0);
  const frame = mapCanvas.getBoundingClientRect();
  if (frame.width === 0) return;
  const scale = mapCanvas.width / frame.width;
  // Each stop's dot and the line to its badge, under the badges.
  for (const place of container.querySelectorAll<HTMLElement>('.etape')) {
    const dot = place.querySelector('.etape-point')?.getBoundingClientRect();
    const badge = place.querySelector('.etape-marqueur');
    if (!dot || !badge) continue;
    const box = badge.getBoundingClientRect();
    const [x, y] = [(dot.left + dot.width / 2 - frame.left) * scale, (dot.top + dot.height / 2 - frame.top) * scale];
    ctx.strokeStyle = getComputedStyle(badge).backgroundColor;
    ctx.lineWidth = 2 * scale;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo((box.left + box.width / 2 - frame.left) * scale, (box.top + box.height / 2 - frame.top) * scale);
    ctx.stroke();
    ctx.fillStyle = ctx.strokeStyle;
    ctx.beginPath();
    ctx.arc(x, y, (dot.width / 2) * scale, 0, 2 * Math.PI);
    ctx.fill();
  }
  for (const badge of container.querySelectorAll<HTMLElement>('.etape-marqueur')) {
    const box = badge.getBoundingClientRect();
    if (box.width === 0 || box.right < frame.left || box.left > frame.right || box.bottom < frame.top || box.top > frame.bottom) continue;
    const style = getComputedStyle(badge);
    const x = (box.left - frame.left) * scale;
    const y = (box.top - frame.top) * scale;
    const w = box.width * scale;
    const h = box.height * scale;
    ctx.fillStyle = style.borderTopColor;
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, 4 * scale);
    ctx.fill();
    ctx.fillStyle = style.backgroundColor;
    const border = (parseFloat(style.borderTopWidth) || 0) * scale;
    ctx.beginPath();
    ctx.roundRect(x + border, y + border, w - 2 * border, h - 2 * border, 3 * scale);
    ctx.fill();
    ctx.fillStyle = style.color;
    ctx.font = `700 ${parseFloat(style.fontSize) * scale}px ${style.fontFamily}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(badge.textContent ?? '', x + w / 2, y + h / 2 + scale);
  }
}
