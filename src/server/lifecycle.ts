/** Whether the process should receive traffic: ready once listening, not ready from SIGTERM on. */
export class Lifecycle {
  #listening = false;
  #draining = false;

  markListening(): void {
    this.#listening = true;
  }

  markDraining(): void {
    this.#draining = true;
  }

  get ready(): boolean {
    return this.#listening && !this.#draining;
  }

}
