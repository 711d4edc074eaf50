import ComplyModel

/// A cell's bytes: trimmed, tested for a blank key, typed, checked against the encoding.
extension CSVBlockParser {
  /// The bytes without the ASCII white space `TextNormalization.trimmed` removes (tab, LF, VT, FF, CR, space).
  static func trimmedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    var start = 0
    var end = bytes.count
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// Whether a record key's cell is blank, its hash written to `hash`.
  func keyIsBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ hash: inout UInt64) -> Bool {
    let key = CSVBlockParser.trimmedBytes(bytes)
    if key.isEmpty {
      hash = KeyTable.hash(key)
      return true
    }
    // Plain UTF-8 (nothing but ASCII white space to trim): the bytes are the key `RecordAssembler` compares.
    if isUTF8 && !Schema.mayHaveUnicodeSpace(key) {
      hash = KeyTable.hash(key)
      if keyIsText { return schema.isBlankText(utf8: key) }
      var cell = Cell.null
      switch schema.readCell(utf8: key, field: schema.keyField, unitFactor: 1, into: &cell) {
      case .read: return cell == .null
      case .undecided: return false
      case .unreadable: return schema.readCell(utf8: key, field: schema.keyField, unitFactor: 1) == .cell(.null)
      }
    }
    // Otherwise the key is the decoded text, trimmed of Unicode white space, as the reference reads it.
    var text = decoder.decode(bytes).map(RecordAssembler.trimmed) ?? ""
    hash = text.withUTF8 { KeyTable.hash($0) }
    if case .blank = schema.parseCell(text, field: schema.keyField) { return true }
    return false
  }

  /// A typed cell from its bytes: straight from the bytes when it is plain, else through a decoded string; nil
  /// when the bytes are not valid in the register's encoding.
  @inline(__always)
  func typedCell(_ bytes: UnsafeBufferPointer<UInt8>, _ field: Int, _ factor: Double) -> Schema.CellReading? {
    if isUTF8 && (blockIsValidUTF8 || TextDecoder.isValidUTF8(bytes)) {
      if let fast = schema.readCell(utf8: bytes, field: field, unitFactor: factor) { return fast }
    }
    guard let text = decoder.decode(bytes) else { return nil }
    let parsed = schema.parseCell(text, field: field, unitFactor: factor)
    // A reference reading always has the field's type, so it always has a cell.
    return schema.cell(of: parsed, field: field) ?? .cell(.unknown)
  }

  /// Whether a cell's bytes are valid in the register's encoding.
  func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if isUTF8 { return TextDecoder.isValidUTF8(bytes) }
    return !bytes.contains(where: { $0 >= 0x80 }) || decoder.decode(bytes) != nil
  }
}
