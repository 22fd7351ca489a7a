/**
 * A segment name from a cluster's description in words: the traits without their averages,
 * "low purchases (average 0.3 vs 1.8 overall); low total spend (…)" → "Low purchases, low total spend".
 * So a saved group is named for what it is, not "Cluster 1" (which the next run would reuse for another group).
 */
export function clusterName(description: string, id: number | string): string {
  const traits = description
    .split(';')
    .map((part) => part.replace(/\([^)]*\)/g, '').trim())
    .filter((part) => part.length > 0);
  if (traits.length === 0) return `Group ${id}`;
  const text = traits.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
