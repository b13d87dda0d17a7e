/// Chinese, Japanese and Korean text may break a line between any two characters, also between a number and its
/// unit ("273" | "億美元"). In the prose of a page in one of those languages, each number with the unit written
/// straight after it (273億美元, 6.58%, 2025年10月21日, 3倍) is wrapped in `<span class="nobr">`, which the stylesheet
/// keeps on one line. Only text between tags changes, never inside `<head>` (the page's `<title>`), `<title>`,
/// `<textarea>`, `<code>`, `<pre>`, `<script>`, `<style>` or `<svg>`, nor in a figure's table of values
/// (`<table class="nw…">`, which the stylesheet keeps from wrapping cell by cell).
func keepingNumbersWithUnits(_ html: String) -> String {
    var result = ""
    result.reserveCapacity(html.utf8.count + html.utf8.count / 8)
    var skipping: String? = nil   // the element whose text is left alone, while inside it
    var index = html.startIndex
    while index < html.endIndex {
        if html[index] == "<" {
            let end = html[index...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
            let tag = html[index..<end]
            let name = tag.dropFirst().prefix { $0.isLetter || $0 == "/" }.lowercased()
            if let open = skipping {
                if name == "/" + open { skipping = nil }
            } else if ["head", "title", "textarea", "code", "pre", "script", "style", "svg"].contains(name) {
                skipping = name
            } else if name == "table", tag.hasPrefix("<table class=\"nw") {
                skipping = name
            }
            result += tag
            index = end
            continue
        }
        let end = html[index...].firstIndex(of: "<") ?? html.endIndex
        let text = html[index..<end]
        result += skipping == nil ? wrappingNumbers(text) : String(text)
        index = end
    }
    return result
}

/// Units written straight after a number in CJK text; the longest are tried first.
private let cjkUnits = ["億美元", "兆美元", "萬美元", "美元", "億元", "兆元", "萬元", "億", "兆", "萬", "元", "%", "％", "年", "個月", "月", "日",
                        "倍", "個", "座", "家", "人", "名", "項", "次", "點", "週", "天", "小時", "分鐘", "秒", "成", "度", "GW", "MW"]

private func wrappingNumbers(_ text: Substring) -> String {
    guard text.contains(where: { $0.isASCII && $0.isNumber }) else { return String(text) }
    var output = ""
    var index = text.startIndex
    while index < text.endIndex {
        guard text[index].isASCII, text[index].isNumber,
              index == text.startIndex || !(text[text.index(before: index)].isASCII && text[text.index(before: index)].isLetter) else {
            output.append(text[index])
            index = text.index(after: index)
            continue
        }
        // A run of number-and-unit pairs: 2025年10月21日, 1.5兆美元.
        var end = index
        var cursor = index
        while cursor < text.endIndex, text[cursor].isASCII, text[cursor].isNumber {
            var digits = cursor
            while digits < text.endIndex, text[digits].isASCII && (text[digits].isNumber || text[digits] == "." || text[digits] == ",") {
                digits = text.index(after: digits)
            }
            // A trailing "." or "," ends the sentence or the list, not the number.
            while digits > cursor, [".", ","].contains(text[text.index(before: digits)]) { digits = text.index(before: digits) }
            guard let unit = cjkUnits.first(where: { text[digits...].hasPrefix($0) }) else { break }
            end = text.index(digits, offsetBy: unit.count)
            cursor = end
        }
        if end == index {
            output.append(text[index])
            index = text.index(after: index)
        } else {
            output += "<span class=\"nobr\">" + text[index..<end] + "</span>"
            index = end
        }
    }
    return output
}
