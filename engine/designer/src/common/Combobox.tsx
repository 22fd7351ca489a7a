import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { ChevronDown } from 'lucide-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';

/** One choice: what is stored, what is read, and what helps pick it (a size, a subject, a thumbnail). */
export interface ComboboxOption {
  value: string;
  label: string;
  /** A second line or a figure beside the label ("1,204 now"). */
  detail?: string;
  /** Other words that find it (its key, its subject). */
  keywords?: (string | null | undefined)[];
  /** A picture shown in the list (a template's thumbnail); decorative, the label names the choice. */
  picture?: ReactNode;
}

interface ComboboxProps {
  label: ReactNode;
  options: ComboboxOption[];
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** What the list says when nothing matches what was typed. */
  noMatch: (typed: string) => string;
  readOnly?: boolean;
  required?: boolean;
  describedBy?: string;
  /** A class for the list, e.g. one that lays out thumbnails. */
  listClassName?: string;
}

/** Whether a choice matches what was typed (by any of its words, ignoring case). */
export const matches = (needle: string, ...texts: (string | null | undefined)[]) => {
  const n = needle.trim().toLowerCase();
  return !n || texts.some((t) => (t ?? '').toLowerCase().includes(n));
};

const toLabel = (o: ComboboxOption | null) => o?.label ?? '';

/**
 * A searchable picker (the WAI-ARIA combobox pattern, by downshift): typing filters, the arrow keys move, Enter picks,
 * Escape closes and puts back the chosen label. Leaving the box never picks anything by itself.
 */
export function Combobox(props: ComboboxProps) {
  const { options, value, onChange, readOnly, required, describedBy } = props;
  const selected = useMemo(() => options.find((o) => o.value === value) ?? null, [options, value]);
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed === null ? options : options.filter((o) => matches(typed, o.label, o.detail, ...(o.keywords ?? [])));

  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps, getToggleButtonProps, setInputValue } = useCombobox<ComboboxOption>({
    items: shown,
    itemToString: toLabel,
    itemToKey: (o) => o?.value,
    selectedItem: selected,
    onInputValueChange: ({ inputValue, type }) => setTyped(type === useCombobox.stateChangeTypes.InputChange ? (inputValue ?? '') : null),
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem && selectedItem.value !== value) onChange(selectedItem.value);
    },
    stateReducer: keepChoice,
    ...(readOnly ? { isOpen: false } : {}),
  });

  // The chosen label can arrive after the first render (the list loads, or is renamed): show it unless someone types.
  // (The box is not a controlled input: downshift reports typing after the render, and a controlled value loses keys.)
  const chosenLabel = toLabel(selected);
  const typing = typed !== null;
  useEffect(() => {
    if (!typing) setInputValue(chosenLabel);
  }, [chosenLabel, typing, setInputValue]);

  return (
    <div className="combo">
      <label {...getLabelProps()}>{props.label}</label>
      <div className="combo-box">
        <input
          {...getInputProps({ 'aria-describedby': describedBy, 'aria-required': required || undefined, readOnly, placeholder: props.placeholder })}
          className="combo-input"
        />
        <button type="button" className="combo-toggle" aria-label="Show the choices" {...getToggleButtonProps({ disabled: readOnly })}>
          <ChevronDown size={16} aria-hidden="true" />
        </button>
      </div>
      <ul {...getMenuProps()} className={`combo-list${props.listClassName ? ` ${props.listClassName}` : ''}`} hidden={!isOpen || shown.length === 0}>
        {isOpen &&
          shown.map((o, index) => (
            <li
              key={o.value}
              className={`combo-option${highlightedIndex === index ? ' highlighted' : ''}${o.value === value ? ' chosen' : ''}`}
              {...getItemProps({ item: o, index })}
            >
              {o.picture && (
                <span className="combo-picture" aria-hidden="true">
                  {o.picture}
                </span>
              )}
              <span className="combo-option-label">{o.label}</span>
              {o.detail && <span className="combo-option-detail">{o.detail}</span>}
            </li>
          ))}
      </ul>
      <div role="status" className={isOpen && shown.length === 0 ? 'combo-empty small' : 'visually-hidden'}>
        {isOpen ? (shown.length === 0 ? props.noMatch(typed ?? '') : `${shown.length} ${shown.length === 1 ? 'choice' : 'choices'}`) : ''}
      </div>
    </div>
  );
}

/** Escape and leaving the box keep the choice (downshift would clear it, or pick the highlighted one). */
function keepChoice(state: UseComboboxState<ComboboxOption>, { type, changes }: UseComboboxStateChangeOptions<ComboboxOption>) {
  switch (type) {
    case useCombobox.stateChangeTypes.InputKeyDownEscape:
    case useCombobox.stateChangeTypes.InputBlur:
      return { ...changes, selectedItem: state.selectedItem, inputValue: toLabel(state.selectedItem) };
    default:
      return changes;
  }
}
