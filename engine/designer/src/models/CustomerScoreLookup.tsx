import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { customersApi, errorMessage, type CustomerDetail } from '../api';
import { formatPercent, reasonText } from '../common/format';

const scoreNames: [string, 'churnRisk' | 'purchasePropensity', string][] = [
  ['ChurnRisk', 'churnRisk', 'Churn risk'],
  ['PurchasePropensity', 'purchasePropensity', 'Purchase propensity'],
];

/** A customer's model scores with their reasons in words; "no model" where none has scored them, never 0 %. */
export function CustomerScoreLookup() {
  const [id, setId] = useState('');
  const [customer, setCustomer] = useState<CustomerDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function look(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    try {
      setCustomer((await customersApi.get(id.trim())));
    } catch (err) {
      setCustomer(null);
      setFailure(errorMessage(err));
    }
  }

  return (
    <section className="card" aria-labelledby="lookup-title">
      <h2 id="lookup-title">A customer's score</h2>
      <form className="inline-form" onSubmit={(e) => void look(e)}>
        <label htmlFor="lookup-id">Customer id</label>
        <input id="lookup-id" value={id} onChange={(e) => setId(e.target.value)} required />
        <button type="submit" className="btn">
          Show score
        </button>
      </form>
      {failure && <div className="alert alert-error" role="alert">{failure}</div>}
      {customer && (
        <div data-testid="customer-score">
          <p>
            <Link to={`/customers/${encodeURIComponent(customer.id)}`}>{customer.name || customer.email || customer.id}</Link>
          </p>
          <dl className="stats">
            {scoreNames.map(([key, field, label]) => {
              const value = customer.scores?.[field];
              const reasons = customer.scores?.reasonsByScore?.[key] ?? [];
              return (
                <div key={key}>
                  <dt>{label}</dt>
                  <dd>{value === null || value === undefined ? 'no model' : formatPercent(value)}</dd>
                  {reasons.length > 0 && (
                    <ul className="reasons small" data-testid={`reasons-${key}`}>
                      {reasons.map((r, i) => (
                        <li key={i}>{reasonText(r)}</li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </dl>
        </div>
      )}
    </section>
  );
}
