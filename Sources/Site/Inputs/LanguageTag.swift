/// Whether `tag` is a well-formed BCP 47 language tag as sites use them: a 2- or 3-letter language (`en`, `yue`),
/// then subtags of 1–8 letters or digits (`en-GB`, `zh-Hant`, `zh-Hant-TW`, `es-419`). Longer primary subtags are
/// reserved or unused in practice, and are what a language's name (`English`) looks like, so they are refused.
func isLanguageTag(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
        return false
    }
    return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
}

/// The tag of a language written by name (`English` → `en`), for a hint.
func languageTag(forName name: String) -> String? {
    let names = ["english": "en", "chinese": "zh", "traditional chinese": "zh-Hant", "simplified chinese": "zh-Hans",
                 "french": "fr", "german": "de", "spanish": "es", "portuguese": "pt", "italian": "it", "japanese": "ja",
                 "korean": "ko", "russian": "ru", "arabic": "ar", "dutch": "nl", "hindi": "hi", "cantonese": "yue"]
    return names[name.lowercased().trimmingCharacters()]
}

/// The error for a `language:` that is not such a tag.
func languageTagProblem(_ text: String) -> (message: String, hint: String)? {
    guard !isLanguageTag(text) else { return nil }
    let guess = languageTag(forName: text).map { "did you mean '\($0)'? " } ?? ""
    return ("'\(text)' is not a language tag (BCP 47)",
            guess + "write the language as a tag, e.g. en, en-GB, fr, zh-Hant: it becomes <html lang> and tells browsers and "
                + "screen readers how to read the page")
}
