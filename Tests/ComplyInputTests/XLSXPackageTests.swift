import ComplyModel
import Foundation
import Testing
import ZIPFoundation

@testable import ComplyInput

/// Files that are not workbooks, decompression bombs, and the CSV encodings that cannot be read.
@Suite struct XLSXPackageTests {
  @Test func aDecompressionBombIsRejected() throws {
    let ratio = inputError { _ = try readWorkbook("bomb.xlsx") }
    #expect(
      ratio
        == .workbookLimit(
          path: "bomb.xlsx", part: "xl/worksheets/sheet1.xml",
          reason: "inflates more than 100 times its compressed size (a decompression bomb?)"))
    #expect(ratio?.diagnostic.code == .inputLimit)
    let size = inputError {
      _ = try readWorkbook("bomb.xlsx", options: ReadOptions(maxEntryBytes: 4 << 20, maxCompressionRatio: 10_000))
    }
    #expect(
      size
        == .workbookLimit(
          path: "bomb.xlsx", part: "xl/worksheets/sheet1.xml",
          reason: "inflates to more than 4 MiB (a decompression bomb?)"))
    #expect(
      size?.description
        == "error: bomb.xlsx: workbook part xl/worksheets/sheet1.xml inflates to more than 4 MiB (a decompression "
        + "bomb?); not read [input.limit]")
  }

  @Test func filesThatAreNotWorkbooks() throws {
    #expect(
      inputError { _ = try readWorkbook("not-a-workbook.xlsx") }
        == .notWorkbook(
          path: "not-a-workbook.xlsx",
          reason: "it is not a ZIP package, which every .xlsx file is (a CSV or text file with an .xlsx name?)"))
    let xls = try TempFile([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504), extension: "xlsx")
    #expect(
      inputError { _ = try RegisterReader(path: xls.path, displayPath: "old.xlsx", schema: testSchema) }
        == .notWorkbook(path: "old.xlsx", reason: "it is an Excel 97–2003 (.xls) workbook; save it as .xlsx or CSV"))
    #expect(
      inputError { _ = try RegisterReader(path: "/nonexistent/book.xlsx", schema: testSchema) }
        == .unreadable(path: "/nonexistent/book.xlsx", reason: "No such file or directory"))
  }

  @Test func aCSVThatIsNeitherUTF8NorGB18030IsAnError() throws {
    // 0x80 and 0xFF start no character in either encoding.
    let bytes = Array("项目编号,项目名称\nP-1,".utf8) + [0x80, 0xFF, 0x0A]
    #expect(inputError { _ = try read(bytes: bytes) } == .undecodable(path: "reg.csv", reason: "neither UTF-8 nor GB18030"))
    #expect(
      inputError { _ = try read(bytes: bytes, options: ReadOptions(encoding: .utf8)) }
        == .undecodable(path: "reg.csv", reason: "not valid UTF-8 (try --encoding gb18030)"))
    #expect(
      inputError { _ = try read(bytes: bytes, options: ReadOptions(encoding: .gb18030)) }
        == .undecodable(path: "reg.csv", reason: "not valid GB18030"))
  }

  /// Found by fuzzing: a name with a byte that is not UTF-8 made Foundation's XML parser trap on Linux.
  @Test func partsThatAreNotUTF8AreRefused() throws {
    #expect(
      inputError { _ = try readWorkbook("not-utf8-strings.xlsx") }
        == .notWorkbook(
          path: "not-utf8-strings.xlsx", reason: "its part xl/sharedStrings.xml is not well-formed XML (not UTF-8 text)"))
    let sheet = try? readWorkbook("not-utf8-sheet.xlsx")
    let failure = sheet?.failure ?? inputError { _ = try readWorkbook("not-utf8-sheet.xlsx") }
    #expect(failure?.description.contains("not UTF-8 text") == true, "\(String(describing: failure))")
  }

  /// A package written with ZIP64 records (sizes and offsets in the extra fields, a ZIP64 end record) reads as the
  /// same package without them, and comply places and inflates every compressed part itself.
  @Test func aZIP64PackageReadsLikeAClassicOne() throws {
    let classic = try readWorkbook("inline.xlsx")
    let zip64 = try readWorkbook("zip64.xlsx")
    #expect(zip64.failure == nil)
    #expect(zip64.records.map(\.raw) == classic.records.map(\.raw))
    let path = fixture("zip64.xlsx")
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    let locations = XLSXPartLocations(file: path)
    var placed: [String] = []
    for entry in archive where entry.isCompressed {
      var bytes = 0
      if try locations.inflate(entry.path, checksum: entry.checksum, into: { bytes += $0.count }) { placed.append(entry.path) }
      #expect(bytes == Int(entry.uncompressedSize))
    }
    #expect(placed.sorted() == archive.filter(\.isCompressed).map(\.path).sorted())
    #expect(placed.contains("xl/worksheets/sheet1.xml"))
  }

  /// The never-ending stream below, in a ZIP64 package: ZIPFoundation's inflater would loop on it too.
  @Test(.timeLimit(.minutes(1))) func aZIP64PartWhoseStreamNeverEndsIsDamaged() {
    #expect(
      inputError { _ = try readWorkbook("zip64-endless-stream.xlsx") }
        == .notWorkbook(
          path: "zip64-endless-stream.xlsx",
          reason: "its part xl/worksheets/sheet1.xml is damaged (its compressed data ends before its deflate stream)"))
  }

  /// Found by fuzzing: a deflate stream that never ends made ZIPFoundation read on to the end of the file, and loop.
  @Test func aCompressedPartWhoseStreamNeverEndsIsDamaged() {
    #expect(
      inputError { _ = try readWorkbook("endless-stream.xlsx") }
        == .notWorkbook(
          path: "endless-stream.xlsx",
          reason: "its part xl/worksheets/sheet1.xml is damaged (its compressed data ends before its deflate stream)"))
  }

  /// Found by fuzzing, under AddressSanitizer: ZIPFoundation's inflater takes every chunk it is given to be as long
  /// as it asked for, and read past a short last chunk of a damaged part. Every chunk is the size asked, a short one
  /// padded with zeros; a part whose bytes run out before its stream ends is damaged.
  @Test func compressedChunksAreTheSizeTheInflaterAsksFor() throws {
    let bytes = Data((0..<100).map { UInt8($0) })
    // A part as long as it says (two chunks, the second short), and one the file cuts short (one short chunk).
    for (claimed, available, chunkCount) in [(100, 100, 2), (100, 50, 1)] {
      var offset = 0
      let read = { (count: Int) -> Data in
        let end = min(offset + count, available)
        defer { offset = end }
        return bytes.subdata(in: offset..<end)
      }
      var remaining = UInt64(claimed)
      var chunks: [Data] = []
      var damaged = false
      do {
        while true { chunks.append(try XLSXPartLocations.chunk(64, remaining: &remaining, read: read)) }
      } catch is XLSXPartLocations.Damage {
        damaged = true
      }
      #expect(damaged)
      #expect(chunks.map(\.count) == Array(repeating: 64, count: chunkCount), "\(claimed) bytes, \(available) in the file")
      #expect(Data(chunks.joined().prefix(available)) == bytes.prefix(available))
      #expect(chunks.joined().dropFirst(available).allSatisfy { $0 == 0 })
    }
  }
}
