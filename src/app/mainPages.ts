/** The app's main pages in the header's order: the app's header and the viewer page drawn before it. */
export const MAIN_PAGES: ReadonlyArray<{ path: string; label: string }> = [
  { path: '', label: 'Worklist' },
  { path: 'studies', label: 'Studies' },
];
