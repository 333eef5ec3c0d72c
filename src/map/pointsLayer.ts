/**
 * The innovations (clusters, single points, focus rings) drawn by one MapLibre custom layer
 * straight from the few hundred features the points worker gives for the view.
 *
 * Why not a GeoJSON source: every setData goes through MapLibre's worker and back as tiles, and a
 * clustered map then draws three frames per change (the new data, the tiles, then symbol placement
 * for the counts). A frame is what costs on a software renderer (about 100 ms here). Here the
 * features become one vertex buffer in the same task, so a filter change, shades included, is one
 * frame. Hit-testing is done on the same list (a few hundred distances), see `featureAt`.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import type { ClusterFeature, ClusterProps, PointProps } from '../points/engine';

/** What the layer draws, in the order given (later on top). */
export interface PointsLayerData {
  features: readonly ClusterFeature[];
  /** Display positions ringed as hovered or selected. */
  focus: readonly [number, number][];
}

export interface PointsLayerStyle {
  grappe: string;
  grappeTexte: string;
  contour: string;
  focus: string;
  /** The ring of a laureate of the Trophées, and its dark outer edge (contrast on any shade). */
  laureat: string;
  laureatContour: string;
}

/** Cluster radius by point count, as the legend shows it. */
export function clusterRadius(count: number): number {
  return count >= 200 ? 23 : count >= 50 ? 18 : count >= 10 ? 14 : 11;
}

/** Radius of a single point at `zoom`: 4.5 px at zoom 4 and below, 7 px from zoom 10. */
export function pointRadius(zoom: number): number {
  const t = Math.min(1, Math.max(0, (zoom - 4) / 6));
  return 4.5 + t * 2.5;
}

/** Width of the outline around clusters and points (the circles take this much room beyond their radius). */
export const POINT_STROKE = 1.5;
/** How far a laureate's ring reaches beyond its point: a bigger, ringed marker, not only another colour. */
export const LAUREAT_RING = 3.5;

/** How far from its centre a cluster or point is drawn at `zoom`, ring and outline included. */
export function drawnRadius(f: ClusterFeature, zoom: number): number {
  if ('cluster' in f.properties) return clusterRadius(f.properties.point_count) + POINT_STROKE;
  return pointRadius(zoom) + (f.properties.laureat ? LAUREAT_RING : 0) + POINT_STROKE;
}
const FOCUS_RADIUS = 11;
const FOCUS_STROKE = 3;
const FONT_PX = 11;
const GLYPHS = '0123456789.,k';

const isCluster = (f: ClusterFeature): f is ClusterFeature & { properties: ClusterProps } => 'cluster' in f.properties;

function rgba(hex: string, alpha = 1): [number, number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const [r, g, b] = m ? [1, 2, 3].map((i) => parseInt(m[i]!, 16)) as [number, number, number] : [119, 119, 119];
  return [r, g, b, Math.round(alpha * 255)];
}

// Web Mercator in [0, 1], what the custom layer matrix takes.
export const mercatorX = (lng: number) => (180 + lng) / 360;
export const mercatorY = (lat: number) => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;

const CIRCLE_VS = `#version 300 es
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform float u_point_radius;
uniform float u_ratio;
in vec2 a_corner;
in vec2 a_pos;
in float a_radius;
in float a_stroke;
in vec4 a_fill;
in vec4 a_line;
out vec2 v_offset;
out float v_radius;
out float v_stroke;
out vec4 v_fill;
out vec4 v_line;
void main() {
  // Negative radii follow the zoom: -1 is a point's own radius, -1 - k that radius plus k pixels.
  float radius = a_radius < 0.0 ? u_point_radius - 1.0 - a_radius : a_radius;
  float extent = (radius + a_stroke + 1.0) * u_ratio;
  vec4 centre = u_matrix * vec4(a_pos, 0.0, 1.0);
  gl_Position = centre + vec4(a_corner * extent * 2.0 / u_viewport * centre.w, 0.0, 0.0);
  v_offset = a_corner * extent;
  v_radius = radius * u_ratio;
  v_stroke = a_stroke * u_ratio;
  v_fill = a_fill;
  v_line = a_line;
}`;

const CIRCLE_FS = `#version 300 es
precision mediump float;
in vec2 v_offset;
in float v_radius;
in float v_stroke;
in vec4 v_fill;
in vec4 v_line;
out vec4 fragColor;
void main() {
  float d = length(v_offset);
  float outer = v_radius + v_stroke;
  float alpha = clamp(outer - d + 0.5, 0.0, 1.0);
  if (alpha <= 0.0) discard;
  float inside = clamp(v_radius - d + 0.5, 0.0, 1.0);
  vec4 colour = mix(v_line, v_fill, inside);
  // Premultiplied alpha, as MapLibre blends custom layers.
  fragColor = vec4(colour.rgb * colour.a, colour.a) * alpha;
}`;

const TEXT_VS = `#version 300 es
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform vec2 u_atlas;
uniform float u_ratio;
in vec2 a_corner;
in vec2 a_pos;
in vec2 a_offset;
in vec4 a_glyph;
out vec2 v_uv;
void main() {
  // The quad's corner as 0..1 across the glyph, y downwards like the atlas and the screen.
  vec2 c = (a_corner + 1.0) * 0.5;
  vec4 centre = u_matrix * vec4(a_pos, 0.0, 1.0);
  vec2 px = a_offset * u_ratio + c * a_glyph.zw;
  gl_Position = centre + vec4(px.x * 2.0 / u_viewport.x, -px.y * 2.0 / u_viewport.y, 0.0, 0.0) * centre.w;
  v_uv = (a_glyph.xy + c * a_glyph.zw) / u_atlas;
}`;

const TEXT_FS = `#version 300 es
precision mediump float;
uniform sampler2D u_texture;
uniform vec4 u_colour;
in vec2 v_uv;
out vec4 fragColor;
void main() {
  float a = texture(u_texture, v_uv).a;
  fragColor = vec4(u_colour.rgb, 1.0) * u_colour.a * a;
}`;

function compile(gl: WebGL2RenderingContext, vs: string, fs: string): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, source] of [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]] as const) {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`shader: ${gl.getShaderInfoLog(shader) ?? ''}`);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`programme : ${gl.getProgramInfoLog(program) ?? ''}`);
  return program;
}

interface GlyphAtlas {
  texture: WebGLTexture;
  width: number;
  height: number;
  /** Per character: x in the atlas, width of its cell and advance, in device pixels. */
  glyphs: Map<string, { x: number; w: number; advance: number }>;
  /** Cell height in device pixels. */
  cell: number;
}

/** Digits drawn once with the system font into a texture (no font request: nothing leaves the page). */
function glyphAtlas(gl: WebGL2RenderingContext, ratio: number): GlyphAtlas {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const font = `600 ${FONT_PX * ratio}px system-ui, sans-serif`;
  ctx.font = font;
  const cell = Math.ceil(FONT_PX * 1.4 * ratio);
  const advances = [...GLYPHS].map((c) => ctx.measureText(c).width);
  // A pixel of room on each side so that linear filtering never reads the neighbour glyph.
  const widths = advances.map((a) => Math.ceil(a) + 2);
  canvas.width = widths.reduce((a, b) => a + b, 0);
  canvas.height = cell;
  ctx.font = font;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#fff';
  const glyphs = new Map<string, { x: number; w: number; advance: number }>();
  let x = 0;
  [...GLYPHS].forEach((c, i) => {
    ctx.fillText(c, x + 1, cell / 2);
    glyphs.set(c, { x, w: widths[i]!, advance: advances[i]! });
    x += widths[i]!;
  });
  const texture = gl.createTexture()!;
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, canvas);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  return { texture, width: canvas.width, height: canvas.height, glyphs, cell };
}

/**
 * The layer's matrix for Web Mercator coordinates in [0, 1]: MapLibre's view-projection matrix
 * works in world pixels, whose size depends on the zoom (512 × 2^zoom), so it is scaled here, in
 * double precision, once per frame.
 */
export function mercatorMatrix(viewProjection: ArrayLike<number>, zoom: number): Float32Array {
  const size = 512 * 2 ** zoom;
  const m = new Float32Array(16);
  for (let i = 0; i < 16; i++) m[i] = viewProjection[i]! * (i < 8 ? size : 1);
  return m;
}

const CIRCLE_STRIDE = 24;
const TEXT_STRIDE = 32;

export class PointsLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MapLibreMap | null = null;
  private gl: WebGL2RenderingContext | null = null;
  private circleProgram: WebGLProgram | null = null;
  private textProgram: WebGLProgram | null = null;
  private corners: WebGLBuffer | null = null;
  private circles: WebGLBuffer | null = null;
  private texts: WebGLBuffer | null = null;
  private circleVao: WebGLVertexArrayObject | null = null;
  private textVao: WebGLVertexArrayObject | null = null;
  private atlas: GlyphAtlas | null = null;
  private circleCount = 0;
  private textCount = 0;
  private data: PointsLayerData = { features: [], focus: [] };
  private dirty = true;

  constructor(readonly id: string, private readonly style: PointsLayerStyle) {}

  /** Replaces what is drawn; the map redraws at its next frame. */
  setData(data: PointsLayerData): void {
    this.data = data;
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  get features(): readonly ClusterFeature[] {
    return this.data.features;
  }

  /**
   * The feature drawn under the screen point (x, y), top-most first: single points are drawn over
   * clusters. `project` turns a position into screen pixels (the map's projection).
   */
  featureAt(x: number, y: number, zoom: number, project: (lngLat: [number, number]) => { x: number; y: number }): ClusterFeature | undefined {
    let found: ClusterFeature | undefined;
    let foundIsPoint = false;
    for (const f of this.data.features) {
      const cluster = isCluster(f);
      if (found && foundIsPoint && cluster) continue;
      const p = project(f.geometry.coordinates as [number, number]);
      const r = drawnRadius(f, zoom);
      if ((p.x - x) ** 2 + (p.y - y) ** 2 <= r * r) {
        found = f;
        foundIsPoint = !cluster;
      }
    }
    return found;
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    this.gl = gl;
    this.circleProgram = compile(gl, CIRCLE_VS, CIRCLE_FS);
    this.textProgram = compile(gl, TEXT_VS, TEXT_FS);
    this.atlas = glyphAtlas(gl, map.getPixelRatio());
    this.corners = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, this.corners);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    this.circles = gl.createBuffer();
    this.texts = gl.createBuffer();
    this.circleVao = this.vertexArray(this.circleProgram, this.circles, CIRCLE_STRIDE, [
      ['a_pos', 2, gl.FLOAT, false, 0], ['a_radius', 1, gl.FLOAT, false, 8], ['a_stroke', 1, gl.FLOAT, false, 12],
      ['a_fill', 4, gl.UNSIGNED_BYTE, true, 16], ['a_line', 4, gl.UNSIGNED_BYTE, true, 20],
    ]);
    this.textVao = this.vertexArray(this.textProgram, this.texts, TEXT_STRIDE, [
      ['a_pos', 2, gl.FLOAT, false, 0], ['a_offset', 2, gl.FLOAT, false, 8], ['a_glyph', 4, gl.FLOAT, false, 16],
    ]);
    this.dirty = true;
  }

  private vertexArray(
    program: WebGLProgram, instances: WebGLBuffer, stride: number,
    attributes: [string, number, number, boolean, number][],
  ): WebGLVertexArrayObject {
    const gl = this.gl!;
    const vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.corners);
    const corner = gl.getAttribLocation(program, 'a_corner');
    gl.enableVertexAttribArray(corner);
    gl.vertexAttribPointer(corner, 2, gl.FLOAT, false, 0, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, instances);
    for (const [name, size, type, normalized, offset] of attributes) {
      const location = gl.getAttribLocation(program, name);
      gl.enableVertexAttribArray(location);
      gl.vertexAttribPointer(location, size, type, normalized, stride, offset);
      gl.vertexAttribDivisor(location, 1);
    }
    gl.bindVertexArray(null);
    return vao;
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext): void {
    gl.deleteProgram(this.circleProgram);
    gl.deleteProgram(this.textProgram);
    for (const b of [this.corners, this.circles, this.texts]) gl.deleteBuffer(b);
    gl.deleteVertexArray(this.circleVao);
    gl.deleteVertexArray(this.textVao);
    if (this.atlas) gl.deleteTexture(this.atlas.texture);
    this.map = null;
    this.gl = null;
  }

  /** Writes the vertex buffers from the features (once per change, not per frame). */
  private upload(): void {
    const gl = this.gl!;
    const atlas = this.atlas!;
    const { features, focus } = this.data;
    const grappe = rgba(this.style.grappe, 0.9);
    const contour = rgba(this.style.contour);
    const ring = rgba(this.style.focus);
    const laureat = rgba(this.style.laureat);
    const laureatContour = rgba(this.style.laureatContour);
    const laureates = features.filter((f) => !isCluster(f) && (f.properties as PointProps).laureat).length;
    const clear: [number, number, number, number] = [0, 0, 0, 0];
    const circleBytes = new ArrayBuffer((features.length + laureates + focus.length) * CIRCLE_STRIDE);
    const floats = new Float32Array(circleBytes);
    const bytes = new Uint8Array(circleBytes);
    let n = 0;
    const circle = (lngLat: number[], radius: number, stroke: number, fill: number[], line: number[]) => {
      const f = (n * CIRCLE_STRIDE) / 4;
      floats[f] = mercatorX(lngLat[0]!);
      floats[f + 1] = mercatorY(lngLat[1]!);
      floats[f + 2] = radius;
      floats[f + 3] = stroke;
      bytes.set(fill, n * CIRCLE_STRIDE + 16);
      bytes.set(line, n * CIRCLE_STRIDE + 20);
      n++;
    };
    const labels: { at: number[]; text: string }[] = [];
    // Clusters first, then points over them, then the focus rings over everything.
    for (const f of features) {
      if (!isCluster(f)) continue;
      circle(f.geometry.coordinates, clusterRadius(f.properties.point_count), POINT_STROKE, grappe, contour);
      labels.push({ at: f.geometry.coordinates, text: String(f.properties.point_count_abbreviated) });
    }
    for (const f of features) {
      if (isCluster(f)) continue;
      const p = f.properties as PointProps;
      // A laureate: its point over a gold ring edged in dark, drawn just before it.
      if (p.laureat) circle(f.geometry.coordinates, -1 - LAUREAT_RING, POINT_STROKE, laureat, laureatContour);
      circle(f.geometry.coordinates, -1, POINT_STROKE, rgba(p.couleur), contour);
    }
    for (const p of focus) circle(p, FOCUS_RADIUS, FOCUS_STROKE, clear, ring);
    this.circleCount = n;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.circles);
    gl.bufferData(gl.ARRAY_BUFFER, circleBytes, gl.DYNAMIC_DRAW);

    const ratio = this.map!.getPixelRatio();
    const chars = labels.reduce((sum, l) => sum + l.text.length, 0);
    const text = new Float32Array(chars * (TEXT_STRIDE / 4));
    let t = 0;
    for (const { at, text: label } of labels) {
      const glyphs = [...label].map((c) => atlas.glyphs.get(c)).filter((g) => g !== undefined);
      const width = glyphs.reduce((sum, g) => sum + g.advance, 0) / ratio;
      let x = -width / 2;
      for (const g of glyphs) {
        const o = t * (TEXT_STRIDE / 4);
        // The cell starts a pixel left of the glyph's pen position (its padding).
        text.set([mercatorX(at[0]!), mercatorY(at[1]!), x - 1 / ratio, -atlas.cell / ratio / 2, g.x, 0, g.w, atlas.cell], o);
        x += g.advance / ratio;
        t++;
      }
    }
    this.textCount = t;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.texts);
    gl.bufferData(gl.ARRAY_BUFFER, text, gl.DYNAMIC_DRAW);
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    if (!this.map || !this.circleProgram || !this.textProgram || !this.atlas) return;
    if (this.dirty) {
      this.upload();
      this.dirty = false;
    }
    if (this.circleCount === 0) return;
    const ratio = this.map.getPixelRatio();
    const viewport: [number, number] = [gl.drawingBufferWidth, gl.drawingBufferHeight];
    const matrix = mercatorMatrix(options.modelViewProjectionMatrix as ArrayLike<number>, this.map.getZoom());
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);

    gl.useProgram(this.circleProgram);
    gl.uniformMatrix4fv(gl.getUniformLocation(this.circleProgram, 'u_matrix'), false, matrix);
    gl.uniform2fv(gl.getUniformLocation(this.circleProgram, 'u_viewport'), viewport);
    gl.uniform1f(gl.getUniformLocation(this.circleProgram, 'u_point_radius'), pointRadius(this.map.getZoom()));
    gl.uniform1f(gl.getUniformLocation(this.circleProgram, 'u_ratio'), ratio);
    gl.bindVertexArray(this.circleVao);
    gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, this.circleCount);

    if (this.textCount > 0) {
      gl.useProgram(this.textProgram);
      gl.uniformMatrix4fv(gl.getUniformLocation(this.textProgram, 'u_matrix'), false, matrix);
      gl.uniform2fv(gl.getUniformLocation(this.textProgram, 'u_viewport'), viewport);
      gl.uniform2f(gl.getUniformLocation(this.textProgram, 'u_atlas'), this.atlas.width, this.atlas.height);
      gl.uniform1f(gl.getUniformLocation(this.textProgram, 'u_ratio'), ratio);
      gl.uniform4fv(gl.getUniformLocation(this.textProgram, 'u_colour'), rgba(this.style.grappeTexte).map((v) => v / 255));
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, this.atlas.texture);
      gl.uniform1i(gl.getUniformLocation(this.textProgram, 'u_texture'), 0);
      gl.bindVertexArray(this.textVao);
      gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, this.textCount);
    }
    gl.bindVertexArray(null);
  }
}
