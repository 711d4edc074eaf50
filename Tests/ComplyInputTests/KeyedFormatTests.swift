import ComplyInput
import ComplyModel
import Foundation
import Testing

@Suite struct JSONReaderTests {
  @Test func readsAnArrayOfFlatObjects() throws {
    let json = """
      [
        {"项目编号": "P-1", "总投资(万元)": 1200.50, "重大变动": true, "备注": null, "批复日期": "2019-03-01"},
        {
          "项目编号": "P-2", "总投资(万元)": -3, "重大变动": false, "批复日期": "2019\\u5e743\\u6708",
          "备注": "say \\"hi\\"\\n"
        }
      ]
      """
    let result = try read(json, extension: "json")
    #expect(result.rejections.isEmpty)
    #expect(result.codes().isEmpty)
    #expect(result.records.map(\.source.row) == [1, 2])
    #expect(result.records.map(\.source.line) == [2, 3])
    let first = result.records[0]
    #expect(first.raw[Field.investment] == "1200.50")
    #expect(first.values[Field.investment] == .number(1200.5))
    #expect(first.values[Field.majorChange] == .bool(true))
    #expect(first.values[Field.remarks] == .null)
    #expect(first.raw[Field.remarks] == "")
    let second = result.records[1]
    #expect(second.values[Field.approval] == .date(try #require(DateSpan(year: 2019, month: 3))))
    #expect(second.raw[Field.remarks] == "say \"hi\"")
    #expect(second.values[Field.investment] == .number(-3))
  }

  @Test func laterRecordsUseTheFirstRecordsColumns() throws {
    let json = """
      [{"项目编号": "P-1", "项目名称": "a"},
       {"项目编号": "P-2", "联系人": "张"},
       {"项目编号": "P-3", "联系人": "李"}]
      """
    let result = try read(json, extension: "json")
    #expect(result.records.map { $0.raw[Field.name] } == ["a", "", ""])
    #expect(result.records[1].values[Field.name] == .null)
    #expect(
      result.rowDiagnostics.map(\.description) == [
        "reg.json:2: warning: key '联系人' first appears in record 2; columns come from the first record, so it is "
          + "ignored [input.format]"
      ])
  }

  @Test func nonObjectsNestedValuesAndRepeatedKeysAreRejected() throws {
    let json = """
      [{"项目编号": "P-1", "项目名称": "a"},
       "P-2",
       {"项目编号": "P-3", "项目名称": {"zh": "a"}},
       {"项目编号": "P-4", "项目编号": "P-5"},
       {"项目编号": "P-6", "其他": [1, {"x": "]"}]},
       {"项目编号": ""}]
      """
    let result = try read(json, extension: "json")
    #expect(result.records.map { $0.key(in: testSchema) } == ["P-1", "P-6"])
    #expect(
      result.rejections.map(\.reason) == [
        "expected an object, found a scalar",
        "the value of '项目名称' is an object, not a single value",
        "key '项目编号' appears twice",
        "blank record key (project_id)",
      ])
    #expect(result.rejections.map(\.source.row) == [2, 3, 4, 6])
    #expect(result.rejections.map(\.source.line) == [2, 3, 4, 6])
  }

  @Test func malformedJSONIsAnInputError() throws {
    #expect(
      inputError { _ = try read("{\"项目编号\": \"P-1\"}", extension: "json") }
        == .malformed(
          path: "reg.json", line: 1, message: "expected a JSON array of objects (use .jsonl for JSON Lines)"))
    #expect(
      inputError { _ = try read("[{\"项目编号\": P-1}]", extension: "json") }
        == .malformed(
          path: "reg.json", line: 1, message: "malformed JSON: unexpected character 'P'"))
    #expect(inputError { _ = try read("", extension: "json") } == .noHeader(path: "reg.json"))
    let late = try read("[{\"项目编号\": \"P-1\"},\n{\"项目编号\": \"P-2\",}]", extension: "json")
    #expect(late.records.count == 1)
    #expect(
      late.failure == .malformed(path: "reg.json", line: 2, message: "malformed JSON: expected a key in quotes"))
    #expect(late.diagnostics.last?.code == .inputFormat)
  }

  @Test func anEmptyArrayHasNoRecordsAndNoWarnings() throws {
    let result = try read(" [ ] \n", extension: "json")
    #expect(result.records.isEmpty)
    #expect(result.diagnostics.isEmpty)
    #expect(result.mapping.missingFields.count == testSchema.fields.count)
  }

  @Test func gb18030JSONIsTranscoded() throws {
    let json = "[{\"项目编号\": \"甲-1\", \"项目名称\": \"噶尔县水厂\"}]"
    let bytes = try #require(json.data(using: String.Encoding(rawValue: 0x8000_0632)))
    let result = try read(bytes: Array(bytes), extension: "json")
    #expect(result.records.first?.raw[Field.name] == "噶尔县水厂")
  }

  @Test func jsonLinesRejectMalformedLinesAndGoOn() throws {
    let jsonl = """
      {"项目编号": "P-1", "项目名称": "a"}

      {"项目编号": "P-2", "项目名称": }
      {"项目编号": "P-3", "项目名称": "c"} {"x": 1}
      {"项目编号": "P-4", "项目名称": "d"}
      """
    let result = try read(jsonl, extension: "jsonl", options: ReadOptions(chunkSize: 3))
    #expect(result.records.map { $0.key(in: testSchema) } == ["P-1", "P-4"])
    #expect(result.records.map(\.source.row) == [1, 4])
    #expect(result.records.map(\.source.line) == [1, 5])
    #expect(
      result.rejections.map(\.reason) == [
        "malformed JSON: unexpected character '}'", "malformed JSON: expected one object per line",
      ])
    #expect(result.rejections.map(\.source.line) == [3, 4])
  }

  @Test func formatComesFromTheExtension() throws {
    #expect(InputFormat(pathExtensionOf: "a/b.NDJSON") == .jsonl)
    #expect(InputFormat(pathExtensionOf: "reg.yml") == .yaml)
    #expect(InputFormat(pathExtensionOf: "reg.txt") == .csv)
    #expect(InputFormat(pathExtensionOf: "dir.v2/reg") == nil)
    let forced = try read("项目编号\nP-1\n", extension: "json", options: ReadOptions(format: .csv))
    #expect(forced.records.count == 1)
  }
}

@Suite struct YAMLReaderTests {
  @Test func readsScalarsAsWritten() throws {
    let yaml = """
      # register
      - 项目编号: P-1
        批复日期: 2019-03-01
        重大变动: no
        总投资(万元): 1,200
        备注: ~
      - 项目编号: "007"
        重大变动:
        备注: null
      """
    let result = try read(yaml, extension: "yaml")
    #expect(result.records.map { $0.key(in: testSchema) } == ["P-1", "007"])
    #expect(result.records.map(\.source.row) == [1, 2])
    #expect(result.records.map(\.source.line) == [2, 7])
    let first = result.records[0]
    #expect(first.values[Field.approval] == .date(try #require(DateParsing.parse("2019-03-01"))))
    #expect(first.raw[Field.majorChange] == "no")
    #expect(first.values[Field.majorChange] == .unknown(FieldSet(Field.majorChange)))
    #expect(first.values[Field.investment] == .number(1200))
    #expect(first.raw[Field.remarks] == "~")
    #expect(result.records[1].values[Field.majorChange] == .bool(false))
    #expect(result.records[1].raw[Field.remarks] == "null")
    #expect(result.codes() == ["input.bad-value"])
  }

  @Test func nonMappingsAndNestedValuesAreRejected() throws {
    let yaml = """
      - 项目编号: P-1
        项目名称: a
      - just text
      - 项目编号: P-3
        项目名称: [a, b]
      """
    let result = try read(yaml, extension: "yml")
    #expect(
      result.rejections.map(\.reason) == [
        "expected a mapping, found a scalar", "the value of '项目名称' is a list, not a single value",
      ])
    #expect(result.rejections.map(\.source.line) == [3, 4])
  }

  @Test func malformedYAMLIsAnInputError() {
    let error = inputError { _ = try read("- 项目编号: P-1\n  bad: [\n", extension: "yaml") }
    guard case .malformed(let path, _, let message) = error else {
      Issue.record("expected a malformed-input error, got \(String(describing: error))")
      return
    }
    #expect(path == "reg.yaml")
    #expect(message.hasPrefix("malformed YAML: "))
    #expect(
      inputError { _ = try read("项目编号: P-1\n", extension: "yaml") }
        == .malformed(
          path: "reg.yaml", line: 1, message: "expected a list of mappings"))
  }
}
