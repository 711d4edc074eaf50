/// Totals rows (合计, 总计, 小计) told apart from records, by the first non-blank cell's bytes.
extension CSVScanner {
  /// 合计, 总计 or 小计 when the current row is a totals row (its first non-blank cell is one of them), else nil.
  /// Only a short first cell is decoded, so ordinary rows cost a length check.
  func totalsWord(_ decoder: TextDecoder) -> String? {
    var index = 0
    while index < cells.count && cellIsBlank(index) == true { index += 1 }
    guard index < cells.count, cells[index].count <= 24 else { return nil }
    // A cheap look at the bytes first: 合, 总 and 小 begin with E5 or E6 in UTF-8; in GB18030 decode and look.
    if decoder.encoding == .utf8 {
      let lead = withBytes(cells[index]) { $0.first { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "\"") } }
      guard lead == 0xE5 || lead == 0xE6 else { return nil }
    }
    guard let text = withCell(index, decoder.decode) else { return nil }
    return XLSXHeaderDetector.isTotals([text])
  }
}
