import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { templatesApi } from '../api';
import { Combobox, type ComboboxOption } from '../common/Combobox';
import { useAsync } from '../common/useAsync';
import { TemplateThumbnail } from '../templates/TemplateThumbnail';

interface TemplatePickerProps {
  label: ReactNode;
  value: string;
  onChange: (key: string | undefined) => void;
  readOnly?: boolean;
  describedBy?: string;
}

/** Picks an email from the template library by name, subject or its picture; a key not in the library is kept and said so. */
export function TemplatePicker({ label, value, onChange, readOnly, describedBy }: TemplatePickerProps) {
  const templates = useAsync(() => templatesApi.list(), []);
  const list = templates.data ?? [];
  const chosen = list.find((t) => t.key === value);
  const options: ComboboxOption[] = list.map((t) => ({
    value: t.key,
    label: t.name,
    detail: t.subject,
    keywords: [t.key],
    picture: <TemplateThumbnail templateKey={t.key} />,
  }));
  if (value && !chosen) options.unshift({ value, label: templates.loading ? value : `${value} (not in the library)` });
  return (
    <>
      <Combobox
        label={label}
        options={options}
        value={value}
        onChange={(key) => onChange(key || undefined)}
        placeholder="Search emails by name or subject…"
        noMatch={(typed) => `No email is called “${typed}”.`}
        readOnly={readOnly}
        required
        describedBy={describedBy}
        listClassName="combo-list-pictures"
      />
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
