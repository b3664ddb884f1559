/** The licence link: a licence key and the resellers who looked it up. */

/** Which resellers looked up a licence key, so news about the key reaches them. */
export interface LicenceLinks {
  link(licenceKey: string, userId: number): Promise<void>;
  users(licenceKey: string): Promise<number[]>;
}
