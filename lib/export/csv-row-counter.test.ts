import { describe, expect, it } from "vitest";
import { CsvRecordCounter } from "./csv-row-counter";

const CSV = 'a,b\r\n"x, ""quoted""\r\nstill x",y\r\n1,"line\nbreak"\r\nlast,row\r\n';

describe("CsvRecordCounter", () => {
  it("counts records ended by CRLF outside quotes", () => {
    expect(new CsvRecordCounter().push(CSV)).toBe(4);
  });

  it("gives the same count however the text is split, even between CR and LF", () => {
    for (let size = 1; size <= 7; size++) {
      const counter = new CsvRecordCounter();
      for (let i = 0; i < CSV.length; i += size) counter.push(CSV.slice(i, i + size));
      expect(counter.records).toBe(4);
    }
  });

  it("does not count a record until its CRLF has arrived", () => {
    const counter = new CsvRecordCounter();
    expect(counter.push("a,b\r\nc,d")).toBe(1);
    expect(counter.push("\r")).toBe(1);
    expect(counter.push("\n")).toBe(2);
  });
});
