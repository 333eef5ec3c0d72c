/**
 * A chart as a file that stands alone: the SVG drawn on screen, without what only serves the page
 * (focus rings, roles, tab stops), with its title and what it counts written above it, on white;
 * and the same as a PNG at twice its size. Made in the page, nothing goes over the network.
 */
import { downloadBlob } from '../download';

const SVG_NS = 'http://www.w3.org/2000/svg';
const HEADER = 44;
const FOOTER = 22;
const MARGIN = 12;

export interface ChartFileText {
  titre: string;
  /** One line under the title: the filters the counts answer. */
  sousTitre: string;
  /** One line under the chart: source and date of the data. */
  source: string;
}

function text(content: string, x: number, y: number, size: number, weight = 400, fill = '#1e1e1e'): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('font-size', String(size));
  t.setAttribute('font-weight', String(weight));
  t.setAttribute('fill', fill);
  t.textContent = content;
  return t;
}

/** The standalone SVG text of a chart drawn in `svg`. Does not change `svg`. */
export function chartSvgText(svg: SVGSVGElement, words: ChartFileText): { text: string; width: number; height: number } {
  const chartWidth = Number(svg.getAttribute('width'));
  const chartHeight = Number(svg.getAttribute('height'));
  const width = chartWidth + MARGIN * 2;
  const height = chartHeight + HEADER + FOOTER + MARGIN;
  const content = svg.cloneNode(true) as SVGSVGElement;
  for (const ring of content.querySelectorAll('.graphique-focus')) ring.remove();
  for (const el of [content, ...content.querySelectorAll('*')]) {
    for (const name of [...el.getAttributeNames()]) {
      if (/^(role|tabindex|class|aria-.*|data-.*)$/.test(name)) el.removeAttribute(name);
    }
  }

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', svg.getAttribute('font-family') ?? 'system-ui, sans-serif');
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = words.titre;
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  const chart = document.createElementNS(SVG_NS, 'g');
  chart.setAttribute('transform', `translate(${MARGIN} ${HEADER})`);
  chart.append(...content.childNodes);
  out.append(
    title, background,
    text(words.titre, MARGIN, 22, 16, 700),
    text(words.sousTitre, MARGIN, 38, 11, 400, '#4a4a4a'),
    chart,
    text(words.source, MARGIN, height - MARGIN, 10, 400, '#4a4a4a'),
  );
  return { text: new XMLSerializer().serializeToString(out), width, height };
}

export function downloadChartSvg(svg: SVGSVGElement, words: ChartFileText, fileName: string): void {
  downloadBlob(fileName, new Blob([chartSvgText(svg, words).text], { type: 'image/svg+xml;charset=utf-8' }));
}

/** The chart as a PNG twice its size (sharp on high-density screens and in documents). */
export async function downloadChartPng(svg: SVGSVGElement, words: ChartFileText, fileName: string): Promise<void> {
  const { text: svgText, width, height } = chartSvgText(svg, words);
  const image = new Image();
  // A data: URL, as the page's security policy allows images from data: and not from blob:.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('le navigateur ne sait pas dessiner l’image');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('le navigateur n’a pas pu produire l’image PNG');
  downloadBlob(fileName, blob);
}
