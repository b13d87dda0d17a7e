/// The language one search index is for: where its files go and which word rules apply.
struct SearchLanguage: Sendable, Equatable {
    /// BCP 47, as in site.yml: `en`, `zh-Hant`.
    var tag: String

    /// The index's folder below the site root, e.g. `search/en/`, `search/zh-Hant/`: one per language.
    var folder: String {
        "search/" + String(tag.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "-"
        }) + "/"
    }

    /// English stemming and stopwords, for English, and for Chinese, Japanese and Korean, whose pages' words in Latin
    /// letters are mostly English (AI, GPUs, Meta); other languages get case folding only.
    var englishRules: Bool {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return ["en", "zh", "ja", "ko"].contains(primary)
    }

    var tokenizer: SearchTokenizer { SearchTokenizer(english: englishRules) }
}
