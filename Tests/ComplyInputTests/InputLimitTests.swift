import ComplyModel
import Testing

@testable import ComplyInput

/// Limits that keep memory bounded: header width, and inputs read whole.
@Suite struct InputLimitTests {
  @Test func aHeaderWiderThanExcelsWidestSheetIsRefused() throws {
    let wide = "项目编号," + (1...HeaderMapping.maxColumns).map { "c\($0)" }.joined(separator: ",") + "\nP1\n"
    let error = inputError { _ = try read(wide) }
    #expect(error?.diagnostic.code == .inputLimit)
    #expect(error?.diagnostic.message == "the header has 16385 columns, more than 16384 (Excel's widest sheet)")
    let widest = "项目编号," + (2...HeaderMapping.maxColumns).map { "c\($0)" }.joined(separator: ",") + "\nP1\n"
    #expect(inputError { _ = try read(widest) } == nil)
  }

  @Test func aYAMLRegisterOverTheWholeReadLimitIsRefused() throws {
    let yaml = (1...200).map { "- {项目编号: P\($0), 项目名称: 工程\($0)}" }.joined(separator: "\n")
    #expect(try read(yaml, extension: "yaml").records.count == 200)
    let error = inputError { _ = try read(yaml, extension: "yaml", options: ReadOptions(chunkSize: 64, maxWholeBytes: 1_000)) }
    #expect(error?.diagnostic.code == .inputLimit)
  }

  @Test func aGB18030JSONRegisterOverTheLimitIsRefusedButUTF8JSONStreams() throws {
    let json = "[" + (1...200).map { "{\"项目编号\": \"P\($0)\"}" }.joined(separator: ",") + "]"
    let small = ReadOptions(chunkSize: 64, maxWholeBytes: 1_000)
    #expect(try read(json, extension: "json", options: small).records.count == 200)
    var gb = ReadOptions(encoding: .gb18030, chunkSize: 64)
    gb.maxWholeBytes = 1_000
    let error = inputError { _ = try read(json, extension: "json", options: gb) }
    #expect(error?.diagnostic.code == .inputLimit)
  }
}
