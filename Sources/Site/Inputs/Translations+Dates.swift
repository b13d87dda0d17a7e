extension Translations {
    /// A `YYYY-MM-DD` date as a reader of this language reads it, from `dateFormat` (`{d} {month} {y}`; `{m}` is the
    /// month's number) and `months` (the twelve names, comma-separated): `30 November 2025`, `2025年11月30日`.
    func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]) else { return iso }
        return format("dateFormat", ["y": String(parts[0]), "m": String(month), "d": String(day), "month": monthName(month)])
    }

    /// `2025` as it is, `2025-10` from `monthFormat` (`October 2025`, `2025年10月`), a whole date as `date`.
    func partialDate(_ text: String) -> String {
        let parts = text.split(separator: "-")
        if parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) {
            return format("monthFormat", ["y": String(parts[0]), "m": String(month), "month": monthName(month)])
        }
        return parts.count == 3 ? date(text) : text
    }

    private func monthName(_ month: Int) -> String {
        let list = names("months")
        return list.count == 12 ? list[month - 1] : String(month)
    }

    /// The names of a comma-separated list text (`months`, `monthsShort`), each trimmed of what Foundation's
    /// `.whitespaces` holds (space separators and tab), without bridging each name.
    func names(_ key: String) -> [String] {
        let blank = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        return self[key].split(separator: ",").map { name in
            let scalars = name.unicodeScalars
            guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
            return String(scalars[first...last])
        }
    }
}

import Foundation
