import ComplyTestSupport
import Testing

@testable import ComplyInput
@testable import ComplyModel

/// `ISODateColumns` reads a row's `YYYY-MM-DD` cells in C (`comply_iso_days`), with month tables made from `Day`;
/// each must come out as `Schema.isoDay`, the Swift reading, gives it: the same day, or left to the general reader.
@Suite struct ISODateColumnsTests {
  @Test func agreesWithSchemaISODay() {
    var g = SplitMix64(state: 31)
    let odd: [UInt8] = [0x2F, 0x3A, 0x3F, 0x20, 0x2D, 0xB5, 0x05, 0x39, 0x30, 0x7F, 0x00, 0xFF, 0x35]
    var read = 0
    for _ in 0..<4_000 {
      // A row of up to 64 cells: dates, most of them real, some changed or cut, and blanks.
      var bytes: [UInt8] = []
      var bounds: [Int] = []
      let cells = 1 + g.below(64)
      for _ in 0..<cells {
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        var cell = Array("\(1900 + g.below(250))-\(two(g.below(14)))-\(two(g.below(33)))".utf8)
        for _ in 0..<g.below(3) where g.below(3) == 0 { cell[g.below(cell.count)] = g.pick(odd) }
        if g.below(8) == 0 { cell.removeLast(g.below(cell.count + 1)) }
        if g.below(20) == 0 { cell.append(0x20) }
        bounds += [bytes.count, bytes.count + cell.count]
        bytes += cell
        bytes.append(UInt8(ascii: ","))
      }
      let columns = (0..<cells).shuffled(using: &g)
      let dates = ISODateColumns(columns)
      let mask = bytes.withUnsafeBufferPointer { p -> UInt64 in
        bounds.withUnsafeBufferPointer { b -> UInt64 in
          guard let p = p.baseAddress, let b = b.baseAddress else { return 0 }
          return dates.read(p, bounds: b)
        }
      }
      for i in 0..<cells {
        let column = columns[i]
        let expected = bytes.withUnsafeBufferPointer { p in
          Schema.isoDay(UnsafeBufferPointer(rebasing: p[bounds[2 * column]..<bounds[2 * column + 1]]))
        }
        let got: Int? = mask >> UInt64(i) & 1 == 1 ? Int(dates.days[i]) : nil
        #expect(got == expected, "cell \(column): \(bytes[bounds[2 * column]..<bounds[2 * column + 1]])")
        if expected != nil { read += 1 }
      }
    }
    #expect(read > 30_000)  // most cells are real dates: the arithmetic is checked, not only the refusals
  }
}
