import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, fullMapUrl } from './embed';

describe('embed addresses', () => {
  it('adds the embed flag to the filters, and drops the page\'s own query and anchor', () => {
    expect(embedUrl('https://carte.example.fr/tic/?theme=old#x', 'theme=ent&region=53')).toBe('https://carte.example.fr/tic/?theme=ent&region=53&integration=1');
    expect(embedUrl('https://carte.example.fr/tic/index.html', '')).toBe('https://carte.example.fr/tic/index.html?integration=1');
  });
  it('gives the full map with the same filters and no embed flag', () => {
    expect(fullMapUrl('https://carte.example.fr/tic/?integration=1', 'theme=ent')).toBe('https://carte.example.fr/tic/?theme=ent');
    expect(fullMapUrl('https://carte.example.fr/tic/?integration=1', '')).toBe('https://carte.example.fr/tic/');
  });
});

describe('embedSnippet', () => {
  it('is an iframe with a title, its address escaped for an attribute', () => {
    const code = embedSnippet('https://carte.example.fr/?q=a"b&theme=ent&integration=1');
    expect(code).toBe('<iframe src="https://carte.example.fr/?q=a&quot;b&amp;theme=ent&amp;integration=1" title="Cartographie TIC des territoires" width="100%" height="640" style="border:0" loading="lazy" allow="fullscreen"></iframe>');
    const parsed = new DOMParserLike(code);
    expect(parsed.src).toBe('https://carte.example.fr/?q=a"b&theme=ent&integration=1');
  });
});

/** Reads the src attribute back the way an HTML parser would (entities decoded). */
class DOMParserLike {
  readonly src: string;
  constructor(html: string) {
    const raw = /src="([^"]*)"/.exec(html)![1]!;
    this.src = raw.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
}
