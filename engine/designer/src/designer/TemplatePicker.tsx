import { useState } from 'react';
import { Link } from 'react-router';
import { templatesApi } from '../api';
import { useAsync } from '../common/useAsync';
import { matches, SearchFilter } from './SearchFilter';

interface TemplatePickerProps {
  id: string;
  value: string;
  onChange: (key: string | undefined) => void;
  readOnly?: boolean;
  describedBy?: string;
}

/** Picks an email from the template library by name; a key not in the library is kept and said so. */
export function TemplatePicker({ id, value, onChange, readOnly, describedBy }: TemplatePickerProps) {
  const templates = useAsync(() => templatesApi.list(), []);
  const list = templates.data ?? [];
  const chosen = list.find((t) => t.key === value);
  const [search, setSearch] = useState('');
  const shown = list.filter((t) => t.key === value || matches(search, t.name, t.key, t.subject));
  return (
    <>
      <SearchFilter label="Search emails" value={search} onChange={setSearch} disabled={readOnly} />
      <select id={id} value={value} disabled={readOnly} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">Choose an email…</option>
        {value && !chosen && <option value={value}>{templates.loading ? value : `${value} (not in the library)`}</option>}
        {shown.map((t) => (
          <option key={t.key} value={t.key}>
            {t.name}
          </option>
        ))}
      </select>
      {chosen && (
        <div className="field-help" data-testid="template-picked">
          Subject: {chosen.subject} · <Link to={`/templates/${encodeURIComponent(chosen.key)}`}>Edit this email</Link>
        </div>
      )}
      {!value && (
        <div className="field-help">
          <Link to="/templates/new">Write a new email</Link>
        </div>
      )}
    </>
  );
}
