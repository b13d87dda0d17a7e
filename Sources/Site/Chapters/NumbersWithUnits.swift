/// Chinese, Japanese and Korean text may break a line between any two characters, also between a number and its
/// unit ("273" | "億美元"). In the prose of a page in one of those languages, each number with the unit written
/// straight after it (273億美元, 6.58%, 2025年10月21日, 3倍) is wrapped in `<span class="nobr">`, which the stylesheet
/// keeps on one line; a number straight before a glossary term's link (415<a class="term">太瓦時</a>) is joined to it by a
/// word joiner (U+2060). Only text between tags changes, never inside `<head>` (the page's `<title>`), `<title>`,
/// `<textarea>`, `<code>`, `<pre>`, `<script>`, `<style>` or `<svg>`, nor in a figure's table of values
/// (`<table class="nw…">`, which the stylesheet keeps from wrapping cell by cell).
///
/// It reads the page's UTF-8 bytes: every page of a Chinese edition passes through here, and tags, digits and units
/// are found by their bytes (a unit's bytes never occur inside another character's).
func keepingNumbersWithUnits(_ html: String) -> String {
    var html = html
    return html.withUTF8 { bytes in
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var skipping: [UInt8]? = nil   // the element whose text is left alone, while inside it
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                var end = index + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: ">") { end += 1 }
                end = min(end + 1, bytes.count)
                var name: [UInt8] = []
                var cursor = index + 1
                while cursor < end, isASCIILetter(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") {
                    name.append(bytes[cursor] | (isASCIILetter(bytes[cursor]) ? 0x20 : 0))
                    cursor += 1
                }
                if let open = skipping {
                    if name.first == UInt8(ascii: "/") && name.dropFirst().elementsEqual(open) { skipping = nil }
                } else if skippedElements.contains(name) {
                    skipping = name
                } else if name == tableName, hasBytes(valuesTableStart, at: index, in: bytes) {
                    skipping = name
                } else if let last = output.last, isASCIIDigit(last), hasBytes(termLinkStart, at: index, in: bytes) {
                    // A unit that is a glossary term ("415<a class="term">太瓦時</a>"): a word joiner keeps the number
                    // on its line, as the span does for a unit written in the text.
                    output.append(contentsOf: wordJoiner)
                }
                output.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            var end = index
            while end < bytes.count && bytes[end] != UInt8(ascii: "<") { end += 1 }
            if skipping == nil {
                wrapNumbers(bytes, from: index, to: end, into: &output)
            } else {
                output.append(contentsOf: bytes[index..<end])
            }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }
}

private let skippedElements: [[UInt8]] = ["head", "title", "textarea", "code", "pre", "script", "style", "svg"].map { Array($0.utf8) }
private let tableName = Array("table".utf8), valuesTableStart = Array("<table class=\"nw".utf8)
private let spanStart = Array("<span class=\"nobr\">".utf8), spanEnd = Array("</span>".utf8)
private let termLinkStart = Array("<a class=\"term\"".utf8), wordJoiner = Array("\u{2060}".utf8)

/// Units written straight after a number in CJK text; the longest are tried first.
private let cjkUnits: [[UInt8]] = ["億美元", "兆美元", "萬美元", "美元", "億英鎊", "英鎊", "億元", "兆元", "萬元", "億", "兆", "萬", "元",
                                   "%", "％", "個百分點", "百分點", "個基點", "基點", "太瓦時", "吉瓦", "百萬瓦", "瓦", "年", "個月", "月",
                                   "日", "倍", "個", "座", "家", "人", "名", "項", "次", "點", "週", "天", "小時", "分鐘", "秒", "成", "度",
                                   "檔", "筆", "輪", "份", "GW", "MW"].map { Array($0.utf8) }

private func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
private func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

/// The text `bytes[start..<end]` (between two tags) with each run of numbers-and-units (2025年10月21日, 1.5兆美元)
/// wrapped; a number straight after a Latin letter (H100) is a name, not a number.
private func wrapNumbers(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into output: inout [UInt8]) {
    var copied = start   // bytes before this are in `output`
    var index = start
    while index < end {
        guard isASCIIDigit(bytes[index]), index == start || !isASCIILetter(bytes[index - 1]) else {
            index += 1
            continue
        }
        var runEnd = index
        var cursor = index
        while cursor < end, isASCIIDigit(bytes[cursor]) {
            var digits = cursor
            while digits < end, isASCIIDigit(bytes[digits]) || bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ",") {
                digits += 1
            }
            // A trailing "." or "," ends the sentence or the list, not the number.
            while digits > cursor, bytes[digits - 1] == UInt8(ascii: ".") || bytes[digits - 1] == UInt8(ascii: ",") { digits -= 1 }
            guard let unit = cjkUnits.first(where: { digits + $0.count <= end && hasBytes($0, at: digits, in: bytes) }) else { break }
            runEnd = digits + unit.count
            cursor = runEnd
        }
        if runEnd == index {
            index += 1
        } else {
            output.append(contentsOf: bytes[copied..<index])
            output.append(contentsOf: spanStart)
            output.append(contentsOf: bytes[index..<runEnd])
            output.append(contentsOf: spanEnd)
            index = runEnd
            copied = runEnd
        }
    }
    output.append(contentsOf: bytes[copied..<end])
}
