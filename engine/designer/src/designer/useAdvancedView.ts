import { useCallback, useState } from 'react';

const storageKey = 'automation.designer.advancedView';

function stored(): boolean {
  try {
    return window.localStorage.getItem(storageKey) === 'on';
  } catch {
    return false; // storage refused (private mode): the simple view
  }
}

/** Whether the designer shows ids, internal types and every port; remembered in this browser across visits. */
export function useAdvancedView(): [boolean, (advanced: boolean) => void] {
  const [advanced, setAdvanced] = useState(stored);
  const change = useCallback((next: boolean) => {
    setAdvanced(next);
    try {
      window.localStorage.setItem(storageKey, next ? 'on' : 'off');
    } catch {
      // not remembered; the choice still holds for this visit
    }
  }, []);
  return [advanced, change];
}
