import { createContext, useContext } from 'react';
import type { ConnectionDefinition, SimulationActivity, SplitWinner } from '../api';
import type { InsertPlace } from './insertion';
import { emptyPalette, type PaletteIndex } from './palette';

/** What the canvas draws on top of the definition: problems, dry-run counts, live counts, a path. */
export interface Decorations {
  palette: PaletteIndex;
  connections: ConnectionDefinition[];
  problems: Map<string, string[]>;
  simulation: Map<string, SimulationActivity> | null;
  waiting: Record<string, number> | null;
  /** A/B test winners by step id (live view). */
  winners?: Map<string, SplitWinner> | null;
  path: Set<string> | null;
  segmentName: (key: string) => string | undefined;
  /** An email template's name by its key. */
  templateName?: (key: string) => string | undefined;
  readOnly: boolean;
  /** Shows ids, internal types and every port; the simple view shows what a marketer reads. */
  advanced?: boolean;
  /** The step the trigger hands over to, if any. */
  startId?: string;
  /** A step's name as shown on its card (for the labels of "+" buttons). */
  stepName: (id: string) => string;
  /** Opens the step picker to insert a step at a place ("+" buttons); absent when read-only. */
  onInsert?: (place: InsertPlace) => void;
}

export const DecorationsContext = createContext<Decorations>({
  palette: emptyPalette,
  connections: [],
  problems: new Map(),
  simulation: null,
  waiting: null,
  path: null,
  segmentName: () => undefined,
  readOnly: false,
  stepName: (id) => id,
});

export const useDecorations = () => useContext(DecorationsContext);

/** Activity types whose instances sit and wait (the live view shows a count on them even at zero). */
export const waitingTypes = new Set(['waitForDuration', 'waitForEvent', 'approval', 'action']);
