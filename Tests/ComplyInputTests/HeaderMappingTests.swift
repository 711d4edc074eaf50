import ComplyInput
import ComplyModel
import Testing

@Suite struct HeaderMappingTests {
  @Test func aliasesMatchAfterNormalization() throws {
    let result = try read("项目代码 ,\"项目\n名称\",县（区）,环境影响评价文件类型,总投资（万元）\nP-1,a,b,报告书,12\n")
    let mapping = result.mapping
    #expect(mapping.columns.map(\.field) == [Field.id, Field.name, Field.county, nil, Field.investment])
    #expect(mapping.columns.map(\.header) == ["项目代码", "项目\n名称", "县（区）", "环境影响评价文件类型", "总投资（万元）"])
    #expect(mapping.columns.map(\.unitFactor) == [1, 1, 1, 1, 1])
    #expect(result.records.first?.values[Field.investment] == .number(12))
  }

  @Test func canonicalNamesMatch() throws {
    let result = try read("project_id,total_investment_wan\nP-1,3\n")
    #expect(result.mapping.column(for: Field.id) == 0)
    #expect(result.mapping.column(for: Field.investment) == 1)
  }

  @Test func unitBracketsConvertToTheFieldUnit() throws {
    let yuan = try read("项目编号,总投资（元）\nP-1,\"35,000,000\"\n")
    #expect(yuan.mapping.columns[1].unitFactor == 0.0001)
    #expect(yuan.records.first?.values[Field.investment] == .number(3500))
    #expect(yuan.records.first?.raw[Field.investment] == "35,000,000")
    let yi = try read("项目编号,总投资(亿元)\nP-1,1.5\n")
    #expect(yi.records.first?.values[Field.investment] == .number(15000))
    let unknownUnit = try read("项目编号,总投资(美元)\nP-1,1.5\n")
    #expect(unknownUnit.mapping.column(for: Field.investment) == nil)
    #expect(unknownUnit.mapping.suggestions[Field.investment] == "总投资(美元)")
  }

  @Test func theFirstListedAliasWinsADuplicateField() throws {
    let result = try read("项目编号,总投资(元),总投资(万元)\nP-1,10000,7\n")
    #expect(result.mapping.column(for: Field.investment) == 2)
    #expect(result.mapping.columns[1].field == nil)
    #expect(result.records.first?.values[Field.investment] == .number(7))
    let warnings = result.diagnostics.filter { $0.code == .inputDuplicateField }.map(\.description)
    #expect(
      warnings == [
        "reg.csv:1: warning: columns '总投资(万元)' (column 3) and '总投资(元)' (column 2) both map to "
          + "total_investment_wan; using '总投资(万元)' [input.duplicate-field]"
      ])
  }

  @Test func theSameMappedHeaderTwiceIsAnError() {
    #expect(
      inputError { _ = try read("项目编号,项目名称,项目 名称\nP-1,a,b\n") }
        == .duplicateHeader(path: "reg.csv", header: "项目 名称", columns: [2, 3]))
  }

  @Test func aRegisterWithoutAKeyColumnIsAnError() {
    #expect(
      inputError { _ = try read("项目名称,备注\na,b\n") }
        == .missingKeyColumn(path: "reg.csv", field: "project_id", header: "项目编号"))
    #expect(
      inputError { _ = try read("[{\"项目名称\": \"a\"}]", extension: "json") }
        == .missingKeyColumn(path: "reg.json", field: "project_id", header: "项目编号"))
  }

  @Test func unknownColumnsAreKeptAndMayRepeat() throws {
    let result = try read("项目编号,联系人,联系人\nP-1,张,李\n")
    #expect(result.mapping.columns.map(\.field) == [Field.id, nil, nil])
    #expect(result.records.count == 1)
    #expect(result.codes().isEmpty)
  }

  @Test func missingFieldsAreUnknownWithOneWarningAndASuggestion() throws {
    let result = try read("项目编号,环评批准日期,项目名\nP-1,2019-01-01,a\nP-2,2019-01-02,b\n")
    #expect(result.mapping.missingFields.contains(Field.approval))
    #expect(result.mapping.suggestions[Field.approval] == "环评批准日期")
    #expect(result.mapping.suggestions[Field.name] == "项目名")
    #expect(result.records.allSatisfy { $0.values[Field.approval] == .unknown(FieldSet(Field.approval)) })
    #expect(result.records.allSatisfy { $0.raw[Field.approval] == nil })
    let missing = result.diagnostics.filter { $0.code == .inputMissingColumn }
    #expect(missing.count == testSchema.fields.count - 1)
    let approval = try #require(missing.first { $0.message.contains("eia_approval_date") })
    #expect(
      approval.description == "reg.csv:1: warning: no column for eia_approval_date (环评批复日期) [input.missing-column]")
    #expect(approval.notes.map(\.message) == ["did you mean '环评批准日期'?"])
  }

  @Test func overridesWinOverAliases() throws {
    let options = ReadOptions(headerOverrides: ["批准日期": "eia_approval_date", "编号": "name", "不存在": "remarks"])
    let result = try read("编号,项目代码,批准日期(元)\nA,P-1,2019-01-01\n", options: options)
    #expect(result.mapping.columns.map(\.field) == [Field.name, Field.id, nil])
    let unused = result.diagnostics.filter { $0.message.contains("--map") }.map(\.message)
    #expect(unused == ["--map '不存在' matches no column", "--map '批准日期' matches no column"])
    let base = try read("项目编号,备案(元)\nP-1,1\n", options: ReadOptions(headerOverrides: ["备案": "total_investment_wan"]))
    #expect(base.records.first?.values[Field.investment] == .number(0.0001))
    #expect(base.diagnostics.filter { $0.message.contains("--map") }.isEmpty)
    let exact = try read("项目编号,批准日期\nP-1,2019-01-01\n", options: options)
    #expect(exact.mapping.column(for: Field.approval) == 1)
    #expect(
      inputError { _ = try read("项目编号\nP-1\n", options: ReadOptions(headerOverrides: ["x": "nope"])) }
        == .unknownField(name: "nope", header: "x"))
  }

  @Test func describeListsColumnsAndMissingFields() throws {
    let result = try read("项目编号,总投资(元),总投资(万元),联系人,环评批准日期\nP-1,1,2,3,2019-01-01\n")
    let lines = result.mapping.describe(in: testSchema)
    #expect(
      Array(lines.prefix(5)) == [
        "column 1 项目编号 → project_id",
        "column 2 总投资(元) → (duplicate, not used)",
        "column 3 总投资(万元) → total_investment_wan",
        "column 4 联系人 → (unknown column, kept)",
        "column 5 环评批准日期 → (unknown column, kept)",
      ])
    #expect(lines.contains("missing: eia_approval_date (环评批复日期); did you mean '环评批准日期'?"))
    #expect(lines.contains("missing: remarks (备注)"))
  }

  @Test func describeShowsTheUnitFactor() throws {
    let result = try read("项目编号,总投资(元)\nP-1,1\n")
    #expect(result.mapping.describe(in: testSchema)[1] == "column 2 总投资(元) → total_investment_wan (× 0.0001)")
  }
}
