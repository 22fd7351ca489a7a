import { useEffect, useMemo, useState } from 'react';
import { paletteApi, segmentsApi, type ActivityDescriptor, type ExpressionMember, type Segment } from '../api';

/** Lists that rarely change during a visit, loaded once and shared by every screen that needs them. */
function cached<T>(load: () => Promise<T>) {
  let promise: Promise<T> | null = null;
  return {
    get(): Promise<T> {
      promise ??= load().catch((e: unknown) => {
        promise = null; // a failed load is retried by the next caller
        throw e;
      });
      return promise;
    },
    invalidate(): void {
      promise = null;
    },
  };
}

export const paletteCache = cached<ActivityDescriptor[]>(() => paletteApi.activities());
export const membersCache = cached<ExpressionMember[]>(() => paletteApi.members());
export const segmentsCache = cached<Segment[]>(() => segmentsApi.list());

export interface Cached<T> {
  data: T | undefined;
  error: unknown;
  retry: () => void;
}

function useCached<T>(cache: { get(): Promise<T>; invalidate(): void }): Cached<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    cache
      .get()
      .then((d) => {
        if (live) {
          setData(d);
          setError(undefined);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(e);
      });
    return () => {
      live = false;
    };
  }, [cache, tick]);
  return { data, error, retry: () => setTick((t) => t + 1) };
}

export const usePaletteCatalog = () => useCached(paletteCache);
export const useMembersCatalog = () => useCached(membersCache);
export const useSegmentsCatalog = () => useCached(segmentsCache);

/** An action type by its name ("email.send" → "Send email"); the type itself until the palette has loaded. */
export function useActionNames(): (type: string) => string {
  const palette = usePaletteCatalog();
  return useMemo(() => {
    const names = new Map((palette.data ?? []).filter((d) => d.kind === 'action').map((d) => [d.type, d.displayName]));
    return (type: string) => names.get(type) ?? type;
  }, [palette.data]);
}

