import { useState } from 'react';
import { Link } from 'react-router';
import { templatesApi } from '../api';
import { useAsync } from '../common/useAsync';
import { TemplateThumbnail } from '../templates/TemplateThumbnail';
import { matches, SearchFilter } from './SearchFilter';

interface TemplatePickerProps {
  id: string;
  value: string;
  onChange: (key: string | undefined) => void;
  readOnly?: boolean;
  describedBy?: string;
}

/** Picks an email from the template library by name or by its picture; a key not in the library is kept and said so. */
export function TemplatePicker({ id, value, onChange, readOnly, describedBy }: TemplatePickerProps) {
  const templates = useAsync(() => templatesApi.list(), []);
  const [search, setSearch] = useState('');
  const list = templates.data ?? [];
  const chosen = list.find((t) => t.key === value);
  const found = list.filter((t) => matches(search, t.name, t.key, t.subject));
  return (
    <>
      {!readOnly && <SearchFilter label="Search emails" value={search} onChange={setSearch} />}
      <select id={id} value={value} disabled={readOnly} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">Choose an email…</option>
        {value && !chosen && <option value={value}>{templates.loading ? value : `${value} (not in the library)`}</option>}
        {chosen && !found.includes(chosen) && <option value={chosen.key}>{chosen.name}</option>}
        {found.map((t) => (
          <option key={t.key} value={t.key}>
            {t.name}
          </option>
        ))}
      </select>
      {!readOnly && (
        <ul className="template-thumbs" aria-label="Emails">
          {found.map((t) => (
            <li key={t.key}>
              <button type="button" aria-pressed={t.key === value} onClick={() => onChange(t.key)} title={t.subject}>
                <TemplateThumbnail templateKey={t.key} />
                <span>{t.name}</span>
              </button>
            </li>
          ))}
          {found.length === 0 && <li className="muted small">No email is called “{search}”.</li>}
        </ul>
      )}
      {chosen && (
        <div className="field-help" data-testid="template-picked">
          Subject: {chosen.subject} · <Link to={`/templates/${encodeURIComponent(chosen.key)}`} reloadDocument>Edit this email</Link>
        </div>
      )}
      {!value && (
        <div className="field-help">
          <Link to="/templates/new" reloadDocument>Write a new email</Link>
        </div>
      )}
    </>
  );
}
