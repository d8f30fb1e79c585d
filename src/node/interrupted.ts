/** A long command stopped by the user (Ctrl-C) after saving its work; the CLI exits with 130. */
export class Interrupted extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Interrupted";
  }
}
