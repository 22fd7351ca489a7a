import type { Suppression } from '../api';

/** Who an entry keeps email from: the address, or "customer c-42". */
export function suppressedWho(entry: Pick<Suppression, 'address' | 'customerId'>): string {
  return entry.address ?? (entry.customerId ? `customer ${entry.customerId}` : '—');
}
