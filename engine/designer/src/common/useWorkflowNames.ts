import { useMemo } from 'react';
import { workflowsApi } from '../api';
import { useAsync } from './useAsync';

/** The workflows' names by id, loaded once per page: tables show "Win back lapsed buyers", not "win-back". */
export function useWorkflowNames(): (id: string) => string {
  const list = useAsync(() => workflowsApi.list(), []);
  return useMemo(() => {
    const names = new Map((list.data ?? []).map((w) => [w.id, w.name || w.id]));
    return (id: string) => names.get(id) ?? id;
  }, [list.data]);
}
