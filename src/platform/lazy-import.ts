// Heavy libraries (PDF, spreadsheets, images, audio, the job queue) are loaded on first use, not at module load:
// every process that imports the app (each test file, the CLI) would otherwise pay for all of them.
/** Runs `load` once, on the first call, and hands every caller the same result; a failed load is retried. */
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
}
