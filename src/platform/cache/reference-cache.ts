// Small per-process caches for reference data read on every filing (a commune, a procedure, desk settings).
// One cache per database handle, so tests and tools holding several databases never mix them. Entries
// expire after `ttlMs`; writes in this process invalidate at once, other processes see them after the TTL.

type Entry<V> = { value: V; expires: number };

export type ReferenceCache<V> = {
  get(db: object, key: string, load: () => Promise<V>): Promise<V>;
  invalidate(db: object, key?: string): void;
};

export function referenceCache<V>(ttlMs: number, maxEntries = 2000): ReferenceCache<V> {
  const byDb = new WeakMap<object, Map<string, Entry<V>>>();
  return {
    async get(db, key, load) {
      let map = byDb.get(db);
      if (!map) {
        map = new Map();
        byDb.set(db, map);
      }
      const hit = map.get(key);
      const now = Date.now();
      if (hit && hit.expires > now) return hit.value;
      const value = await load();
      if (map.size >= maxEntries) map.delete(map.keys().next().value as string); // oldest first
      map.set(key, { value, expires: now + ttlMs });
      return value;
    },
    invalidate(db, key) {
      const map = byDb.get(db);
      if (!map) return;
      if (key === undefined) map.clear();
      else map.delete(key);
    },
  };
}
