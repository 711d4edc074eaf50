import Testing

@testable import ComplyInput

@Suite struct KeyTableTests {
  static func hash(_ row: Int) -> UInt64 { UInt64(row + 1) &* 0x9E37_79B9_7F4A_7C15 }

  @Test func findsTheFirstRowOfARepeatedKeyAcrossGrowth() {
    let table = KeyTable(capacity: 16)
    let fresh = (0..<10_000).allSatisfy { table.insert(Self.hash($0), row: $0 + 2) == nil }
    #expect(fresh)
    #expect(table.insert(Self.hash(1_234), row: 20_000) == 1_236)
    #expect(table.insert(0, row: 5) == nil)
    #expect(table.insert(0, row: 6) == 5, "a zero hash is stored too")
  }

  @Test func reservingUpFrontKeepsEveryKey() {
    let table = KeyTable()
    table.reserve(expectedRows: 50_000)
    let fresh = (0..<60_000).allSatisfy { table.insert(UInt64($0) << 17 | 3, row: $0) == nil }
    #expect(fresh)
    let found = stride(from: 0, to: 60_000, by: 997).allSatisfy { table.insert(UInt64($0) << 17 | 3, row: -1) == $0 }
    #expect(found)
  }

  @Test func aBlockOfKeysReportsEachRepeatWithItsIndexAndFirstRow() {
    let table = KeyTable(capacity: 16)
    let first = (0..<5_000).map { (hash: Self.hash($0), row: $0 + 2) }
    #expect(table.insert(contentsOf: first).isEmpty, "the table grows to take a block larger than itself")
    let second: [(hash: UInt64, row: Int)] = [(Self.hash(9_000), 9_002), (Self.hash(42), 9_003), (Self.hash(9_000), 9_004)]
    let repeats = table.insert(contentsOf: second)
    #expect(repeats.map(\.index) == [1, 2])
    #expect(repeats.map(\.firstRow) == [44, 9_002])
  }
}
