import { Plus } from 'lucide-react';

interface AddAfterButtonProps {
  /** Where under the card, as a CSS length (under the port it continues). */
  left: string;
  label: string;
  testId: string;
  onClick: () => void;
}

/** The "+" under a step whose port leads nowhere yet: adds the next step there. */
export function AddAfterButton({ left, label, testId, onClick }: AddAfterButtonProps) {
  return (
    <button type="button" className="node-add nodrag nopan" style={{ left }} aria-label={label} title={label} data-testid={testId} onClick={onClick}>
      <Plus size={14} aria-hidden="true" />
    </button>
  );
}
