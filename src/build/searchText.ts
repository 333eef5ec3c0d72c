/**
 * The search line of each innovation (searchLine in src/domain/points.ts: title, porteur, commune
 * and description, folded), made faster for a million rows: porteur and commune take a few
 * thousand distinct values, so each is folded once; the title's fold is the one the sort key
 * already made; folding is fastFold. Same result as searchLine, which the tests check on
 * arbitrary text.
 */
import type { Innovation } from '../domain/types';
import { fastFold } from './fastFold';
import { SEARCH_FIELD_SEPARATOR } from '../domain/points';
import { detach } from './detach';

// As in searchLine: control characters become spaces before folding.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u001f\u007f]+/gu;

/** Distinct values remembered: beyond, the fields are folded each time (still right, only slower). */
const MAX_REMEMBERED = 100_000;

export class SearchLines {
  private readonly folded = new Map<string, string>();

  /** searchLine(p), given foldText(p.titre). */
  line(p: Pick<Innovation, 'titre' | 'porteur' | 'commune' | 'description'>, foldedTitre: string): string {
    const titre = p.titre.replace(CONTROL, ' ');
    return [
      titre === p.titre ? foldedTitre : fastFold(titre),
      this.fold(p.porteur),
      this.fold(p.commune),
      fastFold(p.description.replace(CONTROL, ' ')),
    ].join(SEARCH_FIELD_SEPARATOR);
  }

  private fold(field: string): string {
    let folded = this.folded.get(field);
    if (folded === undefined) {
      folded = fastFold(field.replace(CONTROL, ' '));
      // Kept for the whole build: neither may hold the file's text (see detach).
      if (this.folded.size < MAX_REMEMBERED) this.folded.set(detach(field), detach(folded));
    }
    return folded;
  }
}
