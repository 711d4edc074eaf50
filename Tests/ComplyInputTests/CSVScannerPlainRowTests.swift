import ComplyTestSupport
import Testing

@testable import ComplyInput

/// A row whose cells do not begin with a quote is scanned 32 bytes at a time where the processor has AVX2
/// (`comply_plain_row`); it must give the Swift scan's answer (the same cells, the same row end, or the same
/// refusal) for any bytes, from any start, against any end.
@Suite struct CSVScannerPlainRowTests {
  @Test func vectorScanAgreesWithTheSwiftScan() {
    var g = SplitMix64(state: 7)
    let pieces: [[UInt8]] = [
      Array("P00000001".utf8), Array("察布供水工程".utf8), Array("2013-04-03".utf8), Array("1008.5".utf8), [],
      Array("5\" pipe".utf8), Array(" (x) ".utf8), Array("当环评〔2013〕42号".utf8),
    ]
    // Rarely, so that many rows have none: a cell beginning with a quote.
    let quoted: [[UInt8]] = [Array("\"a,b\"".utf8), [0x2C, 0x22]]
    // Mostly commas, so that many rows run over several 32-byte blocks.
    let separators: [[UInt8]] = Array(repeating: [0x2C], count: 12) + [[0x0A], [0x0D], [0x0D, 0x0A]]
    let (vector, swift) = (CellRanges(capacity: 8), CellRanges(capacity: 8))
    var longRows = 0
    for round in 0..<30_000 {
      var bytes: [UInt8] = []
      for _ in 0..<g.below(30) {
        bytes += g.below(40) == 0 ? g.pick(quoted) : g.pick(pieces)
        bytes += g.pick(separators)
      }
      // As `scan` does before each row.
      vector.removeAll()
      swift.removeAll()
      bytes.withUnsafeBufferPointer { p in
        let start = bytes.isEmpty ? 0 : g.below(min(bytes.count, 8))
        let end = bytes.isEmpty ? 0 : start + g.below(bytes.count - start + 1)
        let expected = CSVScanner.plainRowInSwift(p, from: start, to: end, into: swift)
        let actual = CSVScanner.plainRow(p, from: start, to: end, into: vector)
        #expect(actual == expected, "round \(round): \(bytes) from \(start) to \(end)")
        guard actual == expected, let rowEnd = expected else { return }
        if rowEnd - start > 64 { longRows += 1 }
        #expect(vector.count == swift.count, "round \(round)")
        for i in 0..<min(vector.count, swift.count) {
          #expect(vector[i] == swift[i] && !vector.isQuoted(i), "round \(round), cell \(i)")
        }
      }
    }
    #expect(longRows > 1_500, "rows of more than 64 bytes scanned: \(longRows)")
  }
}
