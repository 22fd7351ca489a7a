import { useEffect, useState } from 'react';
import { customersApi } from '../api';
import { useAsync, useDebounced } from '../common/useAsync';

/** Finds a customer by name, email or id for the preview; the first one found is chosen until the marketer picks. */
export function PreviewCustomerPicker({ value, onChange, label = 'Personalized for' }: { value: string; onChange: (customerId: string) => void; label?: string }) {
  const [search, setSearch] = useState('');
  const term = useDebounced(search, 250);
  const found = useAsync(() => customersApi.search(term, 0, 20), [term]);
  const customers = found.data?.customers ?? [];
  useEffect(() => {
    const first = customers.find((c) => c.name) ?? customers[0];
    if (first && !customers.some((c) => c.id === value)) onChange(first.id);
  }, [customers, value, onChange]);
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor="preview-search">Find a customer</label>
        <input id="preview-search" type="search" value={search} placeholder="Name, email or id" onChange={(e) => setSearch(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="preview-customer">{label}</label>
        <select id="preview-customer" value={value} onChange={(e) => onChange(e.target.value)}>
          {customers.length === 0 && <option value="">{found.loading ? 'Looking…' : 'No customer found'}</option>}
          {customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name ? `${c.name} (${c.id})` : c.id}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
