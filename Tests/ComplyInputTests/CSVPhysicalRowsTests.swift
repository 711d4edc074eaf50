import ComplyInput
import ComplyModel
import Testing

/// `CSVPhysicalRows`: a register's rows with their bytes as they are, numbered and classified as they are read.
@Suite struct CSVPhysicalRowsTests {
  func rows(_ bytes: [UInt8], options: ReadOptions = ReadOptions()) throws -> (CSVPhysicalRows, [CSVPhysicalRow]) {
    let file = try TempFile(bytes)
    let reader = try CSVPhysicalRows(path: file.path, schema: testSchema, options: options)
    var rows: [CSVPhysicalRow] = []
    while let row = try reader.next() { rows.append(row) }
    return (reader, rows)
  }

  @Test func bytesAndLineEndsAreKeptAndRowsNumberedAsRead() throws {
    let text = "\u{FEFF}台账,,\r\n\n项目编号,项目名称,环评类别\r\nA1,\"水\r\n库\",报告表\rA2,x\n,,\n合计,,\nA3,y,报告书"
    var options = ReadOptions()
    options.chunkSize = 7
    let (reader, rows) = try self.rows(Array(text.utf8), options: options)
    #expect(reader.byteOrderMark == [0xEF, 0xBB, 0xBF])
    #expect(reader.headerRows == [3])
    #expect(!reader.isGB18030)
    #expect(rows.map(\.row) == Array(1...8))
    #expect(rows.map(\.kind) == [.aboveHeader, .aboveHeader, .header(last: true), .data, .data, .blank, .totals, .data])
    #expect(rows.map { String(decoding: $0.terminator, as: UTF8.self) } == ["\r\n", "\n", "\r\n", "\r", "\n", "\n", "\n", ""])
    #expect(rows.map(\.cellCount) == [3, 1, 3, 3, 2, 3, 3, 3])
    let rebuilt = rows.flatMap { Array($0.bytes) + Array($0.terminator) }
    #expect([0xEF, 0xBB, 0xBF] + rebuilt == Array(text.utf8))
  }

  @Test func gb18030IsDetected() throws {
    let gb: [UInt8] = [0xCF, 0xEE, 0xC4, 0xBF, 0xB1, 0xE0, 0xBA, 0xC5]  // 项目编号
    let bytes = gb + Array(",x\nA1,".utf8) + [0xCB, 0xAE] + Array("\n".utf8)
    let (reader, rows) = try self.rows(bytes)
    #expect(reader.isGB18030)
    #expect(reader.byteOrderMark.isEmpty)
    #expect(rows.flatMap { Array($0.bytes) + Array($0.terminator) } == bytes)
  }
}
