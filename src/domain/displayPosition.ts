/**
 * From a position on the map as drawn (overseas territories inside their frames west of
 * metropolitan France) back to the real WGS84 position: what a click on the map means for the
 * proposal form, whose coordinates must be real.
 */
import { INSETS, insetFrameBounds, invertInsetTransform } from './insets';

export interface RealPlace {
  /** Real longitude and latitude. */
  lonLat: [number, number];
  /** The overseas territory whose frame holds the position, or null (metropolitan France, the sea). */
  territoire: string | null;
}

/** The real position of a display position: the inverse of its frame's transform inside a frame, itself elsewhere. */
export function realPlace(display: [number, number]): RealPlace {
  for (const inset of INSETS) {
    const box = insetFrameBounds(inset.code);
    if (box && display[0] >= box[0] && display[0] <= box[2] && display[1] >= box[1] && display[1] <= box[3]) {
      return { lonLat: invertInsetTransform(inset, display), territoire: inset.code };
    }
  }
  return { lonLat: [display[0], display[1]], territoire: null };
}
