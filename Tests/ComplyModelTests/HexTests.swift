import Testing

@testable import ComplyModel

@Suite struct HexTests {
  @Test func writesTwoLowercaseDigitsPerByte() {
    #expect(Hex.lowercase([0x00, 0x0F, 0xA5, 0xFF, 0x10]) == "000fa5ff10")
    #expect(Hex.lowercase([UInt8]()) == "")
  }
}
