interface SearchFilterProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}

/** The search box above a long list of choices (segments, templates): narrows the list as the marketer types. */
export function SearchFilter({ label, value, onChange, disabled }: SearchFilterProps) {
  return <input type="search" className="picker-search input-small" placeholder={`${label}…`} aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />;
}

/** Whether a choice matches what was typed (by name or key, ignoring case). */
export const matches = (needle: string, ...texts: (string | null | undefined)[]) => {
  const n = needle.trim().toLowerCase();
  return !n || texts.some((t) => (t ?? '').toLowerCase().includes(n));
};
