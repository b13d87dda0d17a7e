#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether `bytes` hold `pattern` from `index` on (false where it would run past their end): the byte-level passes
/// over a page's HTML (placeholders, numbers and their units) test for their markers with it.
func hasBytes(_ pattern: [UInt8], at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard index >= 0, index + pattern.count <= bytes.count, let base = bytes.baseAddress else { return pattern.isEmpty }
    return pattern.withUnsafeBufferPointer { memcmp(base + index, $0.baseAddress!, pattern.count) == 0 }
}
