import Hummingbird
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.1 status line and header fields as they go on the wire, each line ending in CRLF; the caller adds the
/// `Date` field and the blank line that ends the head.
func responseHead(_ status: HTTPResponse.Status, _ fields: HTTPFields) -> ByteBuffer {
    var head = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n"
    for field in fields {
        head += field.name.rawName + ": " + field.value + "\r\n"
    }
    return ByteBuffer(string: head)
}

/// The `Date` field (RFC 9110 §6.6.1) and the blank line that ends a head, made again only when the second changes.
struct DateLine {
    private var second = -1
    private var line = ByteBuffer()

    mutating func current() -> ByteBuffer {
        let now = time(nil)
        if now != second {
            second = now
            line = ByteBuffer(string: "Date: " + httpDate(now) + "\r\n\r\n")
        }
        return line
    }
}

/// IMF-fixdate, as HTTP wants it: `Sun, 06 Nov 1994 08:49:37 GMT`.
func httpDate(_ seconds: time_t) -> String {
    var seconds = seconds
    var parts = tm()
    gmtime_r(&seconds, &parts)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
        + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
}
