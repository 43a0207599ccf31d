/**
 * Counts the CSV records that have fully arrived, chunk by chunk, for the export's progress. A
 * record ends at a CRLF outside quotes: a cell may hold quotes (doubled, so they toggle twice and
 * cancel out) and line breaks of its own. Chunks may split anywhere, even between CR and LF.
 */
export class CsvRecordCounter {
  #inQuotes = false;
  #afterCr = false;
  #records = 0;

  /** Records completed so far, the header included. */
  get records(): number {
    return this.#records;
  }

  push(text: string): number {
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char === 0x22) {
        this.#inQuotes = !this.#inQuotes;
      } else if (char === 0x0a && this.#afterCr && !this.#inQuotes) {
        this.#records++;
      }
      this.#afterCr = char === 0x0d;
    }
    return this.#records;
  }
}
