#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes bytes to a file descriptor with `write(2)`, all of them or an error: Foundation's `FileHandle.write`
/// stops the process on a full disk or a closed pipe, and copies the bytes into a `Data` first.
public enum DescriptorWriter {
  /// Writes every byte, retrying partial and interrupted writes; the system's reason when it cannot.
  public static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
    guard var next = bytes.baseAddress else { return nil }
    var left = bytes.count
    while left > 0 {
      #if canImport(Darwin)
        let written = Darwin.write(fd, next, left)
      #elseif canImport(Musl)
        let written = Musl.write(fd, next, left)
      #else
        let written = Glibc.write(fd, next, left)
      #endif
      if written < 0 {
        if errno == EINTR { continue }
        return reason(errno)
      }
      next += written
      left -= written
    }
    return nil
  }

  /// `strerror`'s text for an error number.
  public static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
