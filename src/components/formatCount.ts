const NUMBER = new Intl.NumberFormat('fr-FR');

/**
 * "0 innovation", "1 innovation", "1 234 innovations": French takes the singular for 0 and 1,
 * and groups thousands with a narrow no-break space.
 */
export function formatCount(n: number, singular = 'innovation', plural = `${singular}s`): string {
  return `${NUMBER.format(n)} ${Math.abs(n) >= 2 ? plural : singular}`;
}
