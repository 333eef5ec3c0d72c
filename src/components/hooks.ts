import { useAppStore, type LoadedData } from '../store/appStore';

/** The loaded data, or null while loading or after an error. */
export function useLoadedData(): LoadedData | null {
  return useAppStore((s) => (s.load.status === 'ready' ? s.load.data : null));
}
