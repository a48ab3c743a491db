/** An inconsistency in a solution source or zip; the message names the file and the element. */
export class SolutionSourceError extends Error {
  constructor(
    readonly file: string,
    readonly element: string,
    problem: string,
  ) {
    super(`${file}: <${element}>: ${problem}`);
    this.name = 'SolutionSourceError';
  }
}
