// The repository's policies, embedded by playground/build.mjs at build time.
declare module "polis-voorbeelden" {
  export interface ExamplePolicy {
    /** Path in the repository, e.g. `policies/vgz/2012/eigen-risico.polis`. */
    path: string;
    /** The policy's title (from its `polis` line), for the menu. */
    title: string;
    source: string;
    /** A case file that belongs to it, if the repository has one. */
    caseJson?: string;
  }
  export const POLICIES: ExamplePolicy[];
  export const DEFAULT_PATH: string;
}
