import ComplyModel
import Testing

@testable import ComplyExpression

/// A small schema for expression tests: a few fields of each type, an enum with spellings, and one definition.
enum TestSchema {
  static let schema = Schema(
    fields: [
      field("project_id", .text, "项目编号", "Project ID"),
      field("name", .text, "项目名称", "Project name"),
      FieldSpec(
        name: "eia_category", type: .enumeration, title: LocalizedText(zh: "环评类别", en: "EIA category"),
        values: [
          EnumValue(canonical: "报告书", spellings: ["报告书", "环境影响报告书"]),
          EnumValue(canonical: "报告表", spellings: ["报告表", "环境影响报告表"]),
          EnumValue(canonical: "登记表", spellings: ["登记表", "环境影响登记表"]),
          EnumValue(canonical: "不纳入", spellings: ["不纳入", "豁免"]),
        ]),
      field("construction_start_date", .date, "开工日期", "Construction start date"),
      field("eia_approval_date", .date, "环评批复日期", "EIA approval date"),
      field("completion_date", .date, "竣工日期", "Completion date"),
      field("total_investment_wan", .number, "总投资(万元)", "Total investment"),
      field("env_investment_wan", .number, "环保投资(万元)", "Environmental investment"),
      field("major_change", .bool, "重大变动", "Major change"),
      field("audited", .bool, "已核查", "Audited"),
    ],
    keyField: 0, blankTokens: ["/", "-", "—", "无"])

  static func field(_ name: String, _ type: FieldType, _ zh: String, _ en: String) -> FieldSpec {
    FieldSpec(name: name, type: type, title: LocalizedText(zh: zh, en: en))
  }

  /// The schema plus one definition, `deadline = add_months(completion_date, 3)`.
  static let environment: Environment = {
    let base = Environment(schema: schema)
    guard case .success(let deadline) = TypeChecker.check("add_months(completion_date, 3)", in: base) else {
      fatalError("the test definition does not check")
    }
    return Environment(schema: schema, definitions: ["deadline": deadline])
  }()

  static func index(_ name: String) -> Int {
    guard let i = schema.index(of: name) else { fatalError("no test field \(name)") }
    return i
  }

  /// The fields named, as an unknown value names them.
  static func unknown(_ names: String...) -> Value { .unknown(FieldSet(names.map(index))) }

  static func day(_ iso: String) -> Day {
    guard let span = DateParsing.parse(iso), span.isFullDate else { fatalError("bad test date \(iso)") }
    return span.first
  }

  static func date(_ iso: String) -> Value {
    guard let span = DateParsing.parse(iso) else { fatalError("bad test date \(iso)") }
    return .date(span)
  }

  /// Late enough that no date in the tests is hidden as "not happened yet" unless a test says so.
  static let defaultAsOf = "2030-06-30"

  /// One record from cell texts, read exactly as a register cell is: fields not given are blank, unreadable
  /// text (`明年`) is unknown naming its field.
  static func bindings(_ cells: [String: String], asOf: String = defaultAsOf) -> Bindings {
    var values: [Value] = []
    for (i, field) in schema.fields.enumerated() {
      let text = cells[field.name] ?? ""
      switch schema.parseCell(text, field: i) {
      case .blank: values.append(.null)
      case .value(let value): values.append(value)
      case .unreadable: values.append(.unknown(FieldSet(i)))
      }
    }
    for name in cells.keys where schema.index(of: name) == nil { fatalError("no test field \(name)") }
    return Bindings(values: values, asOf: day(asOf))
  }

  /// Checks `text`, recording a test failure (and returning nil) when it does not check.
  static func check(
    _ text: String, expecting type: ExprType? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) -> CheckedExpr? {
    switch TypeChecker.check(text, in: environment, expecting: type) {
    case .success(let checked): return checked
    case .failure(let errors):
      Issue.record("\(text) does not check: \(errors.errors.map(\.message))", sourceLocation: sourceLocation)
      return nil
    }
  }

  /// The errors `text` gives, or none (with a test failure) when it checks.
  static func errors(
    _ text: String, expecting type: ExprType? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) -> [ExpressionError] {
    switch TypeChecker.check(text, in: environment, expecting: type) {
    case .success:
      Issue.record("\(text) checks, but should not", sourceLocation: sourceLocation)
      return []
    case .failure(let errors): return errors.errors
    }
  }

  /// Evaluates `text` with the compiled `Program`, the reference `Interpreter` and, when it compiles, the
  /// `CellProgram`; expects them to agree (the cell program up to which fields an unknown names), and returns the
  /// value.
  static func evaluate(
    _ text: String, _ cells: [String: String] = [:], asOf: String = defaultAsOf,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Value? {
    guard let checked = check(text, sourceLocation: sourceLocation) else { return nil }
    let bindings = bindings(cells, asOf: asOf)
    let compiled = Program(checked).evaluate(bindings)
    let interpreted = Interpreter.evaluate(checked, bindings)
    #expect(compiled == interpreted, "Program and Interpreter disagree on \(text)", sourceLocation: sourceLocation)
    let batch = CellBatchProgram([checked], schema: schema)
    if let cells = CellProgram(checked, schema: schema) {
      let cell = evaluateCells(cells, bindings)
      #expect(
        cell.map { agrees($0, cells.type, compiled) } == true,
        "CellProgram gives \(String(describing: cell)) for \(text), Program \(compiled)", sourceLocation: sourceLocation)
      // The batch program computes the same cells, on a batch of this one row.
      let batched = batch.flatMap { evaluateBatch($0, cells.fields, bindings) }
      #expect(batched == cell, "CellBatchProgram gives \(String(describing: batched)) for \(text)", sourceLocation: sourceLocation)
    } else {
      #expect(batch == nil, "CellBatchProgram compiles \(text), which CellProgram does not", sourceLocation: sourceLocation)
    }
    return compiled
  }

  static func evaluateBatch(_ program: CellBatchProgram, _ fields: FieldSet, _ bindings: Bindings) -> Cell? {
    let reader = CellReader(schema: schema, fields: fields)
    var cells = [Cell](repeating: .unknown, count: reader.width)
    return cells.withUnsafeMutableBufferPointer { buffer -> Cell? in
      guard let base = buffer.baseAddress, reader.read(bindings.values, into: base) else { return nil }
      let rows = CellRows(cells: base, stride: reader.width, count: 1)
      return program.values(rows, asOf: bindings.asOf.number, expression: 0).first
    }
  }

  static func evaluateCells(_ program: CellProgram, _ bindings: Bindings) -> Cell? {
    let reader = CellReader(schema: schema, fields: program.fields)
    var cells = [Cell](repeating: .unknown, count: reader.width)
    return cells.withUnsafeMutableBufferPointer { buffer -> Cell? in
      guard let base = buffer.baseAddress, reader.read(bindings.values, into: base) else { return nil }
      return program.evaluate(CellRow(cells: base, asOf: bindings.asOf.number))
    }
  }

  /// Whether a cell of `type` holds `value` (an unknown cell stands for any unknown value).
  static func agrees(_ cell: Cell, _ type: CellType, _ value: Value) -> Bool {
    switch (value, type) {
    case (.null, _): return cell.state == .null
    case (.unknown, _): return cell.state == .unknown
    case (.bool(let b), .bool): return cell == .bool(b)
    case (.number(let x), .number): return cell.state == .value && (cell.number == x || (x.isNaN && cell.number.isNaN))
    case (.date(let span), .date): return cell == .date(span.first.number, span.last.number)
    case (.text, .text): return cell.state == .value
    case (.text(let t), .enumeration(let field)):
      let values = schema.fields[field].values
      return cell.state == .value && cell.first >= 0 && cell.first < values.count && values[cell.first].canonical == t
    default: return false
    }
  }
}
