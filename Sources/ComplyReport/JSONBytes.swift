/// Compact JSON written straight into bytes, for the parts of a report written once per finding: the same text
/// `JSON.render()` gives for the same values, without building the tree first (keys, strings and numbers go
/// from their storage to the buffer). The writer puts the commas: a key or a value after a value gets one.
struct JSONBytes {
  private(set) var bytes: [UInt8] = []
  private var afterValue = false

  init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

  private mutating func separate() {
    if afterValue { bytes.append(UInt8(ascii: ",")) }
  }

  /// Raw text between values (`,\n    ` between findings); the next value gets no comma of its own.
  mutating func literal(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    afterValue = false
  }

  private mutating func literalBytes(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func key(_ name: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    // One byte at a time: an array literal here would allocate on every key.
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    afterValue = false
  }

  /// A key that is data (an evidence name, a group field), escaped.
  mutating func key(named name: String) {
    separate()
    JSON.escape(name, into: &bytes)
    bytes.append(UInt8(ascii: ":"))
    afterValue = false
  }

  mutating func openObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    afterValue = false
  }

  mutating func closeObject() {
    bytes.append(UInt8(ascii: "}"))
    afterValue = true
  }

  mutating func openArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    afterValue = false
  }

  mutating func closeArray() {
    bytes.append(UInt8(ascii: "]"))
    afterValue = true
  }

  /// A value from a `JSON` tree, rendered compactly.
  mutating func raw(_ value: JSON) {
    separate()
    value.write(into: &bytes, indent: nil, level: 0)
    afterValue = true
  }

  mutating func string(_ s: String) {
    separate()
    JSON.escape(s, into: &bytes)
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
    if i < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = i.magnitude
    var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // up to 20 digits, 8 per word, last digit first
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
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
