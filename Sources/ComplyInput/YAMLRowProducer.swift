import ComplyModel
import Yams

/// Reads a YAML list of flat mappings; its columns are the keys of all of them, in order of first appearance.
///
/// Every scalar is read as the text written, never through YAML's implicit typing: `2019-03-01` stays that text,
/// `no` is not false, and `~` or `null` are the words themselves (an empty value is a blank cell). The document is
/// composed whole (Yams has no streaming node API); registers in YAML are small. Rows count records from 1 and
/// `line` is the line of the record's first key (see `KeyedRows`).
final class YAMLRowProducer: RowProducer {
  private var keyed: KeyedRows
  private var items: [Node]
  private var index = 0
  private var queue: [RawRow] = []
  private let path: String
  var mapping: HeaderMapping { keyed.mapping }

  init(source: ByteSource, schema: Schema, options: ReadOptions) throws(InputError) {
    path = source.path
    let utf8 = try JSONRowProducer.utf8Source(source, options: options)
    let bytes = try utf8.readAll(limit: options.maxWholeBytes)
    let text = String(decoding: bytes, as: UTF8.self)
    let root: Node?
    do {
      // The encoding given, as `YAMLDocument` gives it (Yams's default reads the environment, and may print).
      root = try Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot()
    } catch let error as YamlError {
      throw YAMLRowProducer.inputError(error, path: path)
    } catch {
      throw .malformed(path: path, line: 1, message: "malformed YAML: \(error)")
    }
    guard let root else { throw .noHeader(path: path) }
    guard let sequence = root.sequence else {
      throw .malformed(path: path, line: root.mark?.line ?? 1, message: "expected a list of mappings")
    }
    items = Array(sequence)
    guard let first = items.first else {
      keyed = KeyedRows(emptyFor: schema, path: path)
      return
    }
    guard let firstMapping = first.mapping else {
      throw .malformed(path: path, line: first.mark?.line ?? 1, message: "the first record is not a mapping")
    }
    // The document is whole in memory, so the columns are every record's keys in order of first appearance (a
    // ledger's waiver keys appear only in its waivers); JSON, which streams, takes the first object's keys.
    var keys = firstMapping.map { YAMLRowProducer.keyText($0.key) }
    var seen = Set(keys)
    for item in items.dropFirst() {
      for (key, _) in item.mapping ?? [:] where seen.insert(YAMLRowProducer.keyText(key)).inserted {
        keys.append(YAMLRowProducer.keyText(key))
      }
    }
    keyed = try KeyedRows(firstKeys: keys, firstLine: first.mark?.line ?? 1, schema: schema, options: options, path: path)
  }

  func nextRow() throws(InputError) -> RawRow? {
    while queue.isEmpty {
      guard index < items.count else { return nil }
      let item = items[index]
      index += 1
      let line = item.mark?.line ?? 0
      guard let mapping = item.mapping else {
        let source = RecordSource(path: path, row: index, line: line)
        return .rejected(
          RowRejection(source: source, reason: "expected a mapping, found \(YAMLRowProducer.kind(item))"))
      }
      let members = mapping.map { (key: YAMLRowProducer.keyText($0.key), value: YAMLRowProducer.cell($0.value)) }
      queue = keyed.rows(row: index, line: line, members: members)
    }
    return queue.removeFirst()
  }

  private static func keyText(_ node: Node) -> String {
    node.scalar?.string ?? "\(node)"
  }

  private static func cell(_ node: Node) -> KeyedRows.Cell {
    if let scalar = node.scalar { return .text(scalar.string) }
    return .nested(kind(node))
  }

  private static func kind(_ node: Node) -> String {
    switch node {
    case .scalar: "a scalar"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  private static func inputError(_ error: YamlError, path: String) -> InputError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .malformed(path: path, line: mark.line, message: "malformed YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.joined(separator: ", ")
      return .malformed(path: path, line: context.mark.line, message: "malformed YAML: duplicate key \(keys)")
    default:
      return .malformed(path: path, line: 1, message: "malformed YAML: \(error)")
    }
  }
}
