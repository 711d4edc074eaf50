import Testing

@testable import ComplyInput

@Suite struct KeyTableTests {
  @Test func findsTheFirstRowOfARepeatedKeyAcrossGrowth() {
    var table = KeyTable(capacity: 16)
    for row in 0..<10_000 { #expect(table.insert(UInt64(row) &* 0x9E37_79B9_7F4A_7C15, row: row + 2) == nil) }
    #expect(table.insert(UInt64(1_234) &* 0x9E37_79B9_7F4A_7C15, row: 20_000) == 1_236)
    #expect(table.insert(0, row: 5) == nil)
    #expect(table.insert(0, row: 6) == 5, "a zero hash is stored too")
  }

  @Test func reservingUpFrontKeepsEveryKey() {
    var table = KeyTable()
    table.reserve(expectedRows: 50_000)
    for row in 0..<60_000 { #expect(table.insert(UInt64(row) << 17 | 3, row: row) == nil) }
    for row in stride(from: 0, to: 60_000, by: 997) { #expect(table.insert(UInt64(row) << 17 | 3, row: -1) == row) }
  }
}
