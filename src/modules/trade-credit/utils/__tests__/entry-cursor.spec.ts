import { decodeEntryCursor, encodeEntryCursor } from "../entry-cursor"

describe("entry cursor", () => {
  it("round-trips a sequence number", () => {
    expect(decodeEntryCursor(encodeEntryCursor(12345))).toBe(12345)
  })

  it.each(["", "garbage", Buffer.from("seq:-1").toString("base64url"), Buffer.from("seq:1 OR 1=1").toString("base64url")])(
    "refuses %p",
    (cursor) => {
      expect(() => decodeEntryCursor(cursor)).toThrow(/cursor .* is not valid/)
    }
  )
})
