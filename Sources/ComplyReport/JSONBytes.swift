import ComplyEngine

/// Compact JSON written straight into bytes, for the parts of a report written once per finding: the same text
/// `JSON.render()` gives for the same values, without building the tree first (keys, strings and numbers go
/// from their storage to the buffer). The writer puts the commas: a key or a value after a value gets one.
///
/// The bytes live in a buffer of its own, valid only inside `write(capacity:_:)`: appending to an array checked
/// that it was uniquely referenced, a runtime call, for every byte and piece written.
struct JSONBytes {
  private var base: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int
  private var afterValue = false

  private init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  /// A judgement's findings, one value each, with `separator` between them: the finding lines of the JSON and
  /// SARIF reports. By index: iterating the findings would copy each one, a retain per member.
  static func write(_ findings: [Finding], separator: StaticString, _ each: (inout JSONBytes, Finding) -> Void)
    -> [UInt8]
  {
    guard !findings.isEmpty else { return [] }
    return write(capacity: 2048 * findings.count) { out in
      for i in findings.indices {
        if i > 0 { out.literal(separator) }
        each(&out, findings[i])
      }
    }
  }

  /// The bytes `body` writes.
  static func write(capacity: Int = 1024, _ body: (inout JSONBytes) -> Void) -> [UInt8] {
    var out = JSONBytes(capacity: capacity)
    defer { out.base.deallocate() }
    body(&out)
    return Array(UnsafeBufferPointer(start: out.base, count: out.count))
  }

  private mutating func grow(_ needed: Int) {
    let larger = max(capacity * 2, count + needed)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.moveInitialize(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = larger
  }

  @inline(__always)
  private mutating func append(_ byte: UInt8) {
    if count == capacity { grow(1) }
    base[count] = byte
    count += 1
  }

  @inline(__always)
  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if count + bytes.count > capacity { grow(bytes.count) }
    (base + count).initialize(from: source, count: bytes.count)
    count += bytes.count
  }

  private mutating func separate() {
    if afterValue { append(UInt8(ascii: ",")) }
  }

  /// Raw text between values (`,\n    ` between findings); the next value gets no comma of its own.
  mutating func literal(_ text: StaticString) {
    literalBytes(text)
    afterValue = false
  }

  private mutating func literalBytes(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// A string in quotes, escaped per RFC 8259 (as `JSON.escape` writes it).
  private mutating func escaped(_ s: String) {
    append(UInt8(ascii: "\""))
    // Most strings need no escaping: copy them whole, straight from their storage (read in place: `withUTF8`
    // needs a mutable copy, a retain and a release per string).
    let copied = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard !JSON.needsEscaping(bytes) else { return false }
      append(bytes)
      return true
    }
    if copied == true {
      append(UInt8(ascii: "\""))
      return
    }
    var escaped: [UInt8] = []
    JSON.escape(s, into: &escaped)
    escaped.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0.dropFirst())) }
  }

  /// `"name":`, with a comma before it after a value: room made once, then the bytes stored (a key is written
  /// for nearly every value).
  mutating func key(_ name: StaticString) {
    let length = name.utf8CodeUnitCount
    if count + length + 4 > capacity { grow(length + 4) }
    if afterValue {
      base[count] = UInt8(ascii: ",")
      count += 1
    }
    base[count] = UInt8(ascii: "\"")
    name.withUTF8Buffer { bytes in
      if let start = bytes.baseAddress { (base + count + 1).initialize(from: start, count: length) }
    }
    base[count + 1 + length] = UInt8(ascii: "\"")
    base[count + 2 + length] = UInt8(ascii: ":")
    count += length + 3
    afterValue = false
  }

  /// A key that is data (an evidence name, a group field), escaped.
  mutating func key(named name: String) {
    separate()
    escaped(name)
    append(UInt8(ascii: ":"))
    afterValue = false
  }

  mutating func openObject() {
    separate()
    append(UInt8(ascii: "{"))
    afterValue = false
  }

  mutating func closeObject() {
    append(UInt8(ascii: "}"))
    afterValue = true
  }

  mutating func openArray() {
    separate()
    append(UInt8(ascii: "["))
    afterValue = false
  }

  mutating func closeArray() {
    append(UInt8(ascii: "]"))
    afterValue = true
  }

  /// A value from a `JSON` tree, rendered compactly.
  mutating func raw(_ value: JSON) {
    separate()
    var text: [UInt8] = []
    value.write(into: &text, indent: nil, level: 0)
    text.withUnsafeBufferPointer { append($0) }
    afterValue = true
  }

  /// A value already written as JSON (a string or list made once per run).
  mutating func value(json bytes: [UInt8]) {
    separate()
    bytes.withUnsafeBufferPointer { append($0) }
    afterValue = true
  }

  /// A string: copied from `known` when it is that text, else escaped.
  mutating func string(_ s: String, known: RuleTexts.Encoded?) {
    guard let known, known.isText(s) else { return string(s) }
    value(json: known.json)
  }

  /// An object key already written as a JSON string.
  mutating func key(json: [UInt8]) {
    separate()
    json.withUnsafeBufferPointer { append($0) }
    append(UInt8(ascii: ":"))
    afterValue = false
  }

  mutating func string(_ s: String) {
    separate()
    escaped(s)
    afterValue = true
  }

  /// A string, or `null` when there is none.
  mutating func string(_ s: String?) {
    guard let s else { return null() }
    string(s)
  }

  mutating func strings<S: Sequence<String>>(_ items: S) {
    openArray()
    for item in items { string(item) }
    closeArray()
  }

  mutating func null() {
    separate()
    literalBytes("null")
    afterValue = true
  }

  mutating func int(_ i: Int) { int(Int64(i)) }

  /// Decimal digits, as `String(i)` writes them.
  mutating func int(_ i: Int64) {
    separate()
    afterValue = true
    if i < 0 { append(UInt8(ascii: "-")) }
    var magnitude = i.magnitude
    var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // up to 20 digits, 8 per word, last digit first
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for index in stride(from: count - 1, through: 0, by: -1) { append(buffer[index]) }
    }
  }
}

extension JSONBytes {
  mutating func field(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  mutating func field(_ name: StaticString, _ value: String?) {
    key(name)
    string(value)
  }

  mutating func field(_ name: StaticString, _ value: Int) {
    key(name)
    int(value)
  }

  mutating func field(_ name: StaticString, _ value: Int64) {
    key(name)
    int(value)
  }
}
