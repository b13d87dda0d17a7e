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

extension SearchLanguage {
    /// The search box's words in this language (English for a language it does not know), for `templates/search.mustache`
    /// as `{{#search}}…{{/search}}`: `label` (the box's accessible name), `placeholder`, `results` (the list's name),
    /// `one`, `many` (`{n}` is the count), `none` and `error` (announced to screen readers).
    var interface: [String: String] {
        let parts = tag.split(separator: "-").map { $0.lowercased() }
        switch parts.first ?? "" {
        case "zh" where parts.contains { ["hant", "tw", "hk", "mo"].contains($0) }:
            return ["label": "搜尋本站", "placeholder": "搜尋", "results": "搜尋結果", "one": "1 個結果", "many": "{n} 個結果",
                    "none": "沒有結果", "error": "無法載入搜尋索引"]
        case "zh":
            return ["label": "搜索本站", "placeholder": "搜索", "results": "搜索结果", "one": "1 个结果", "many": "{n} 个结果",
                    "none": "没有结果", "error": "无法加载搜索索引"]
        case "ja":
            return ["label": "このサイトを検索", "placeholder": "検索", "results": "検索結果", "one": "1 件", "many": "{n} 件",
                    "none": "見つかりませんでした", "error": "検索インデックスを読み込めませんでした"]
        case "fr":
            return ["label": "Rechercher sur ce site", "placeholder": "Rechercher", "results": "Résultats de la recherche",
                    "one": "1 résultat", "many": "{n} résultats", "none": "Aucun résultat",
                    "error": "La recherche n’a pas pu charger son index"]
        case "de":
            return ["label": "Diese Website durchsuchen", "placeholder": "Suchen", "results": "Suchergebnisse",
                    "one": "1 Ergebnis", "many": "{n} Ergebnisse", "none": "Keine Ergebnisse",
                    "error": "Die Suche konnte ihren Index nicht laden"]
        case "es":
            return ["label": "Buscar en este sitio", "placeholder": "Buscar", "results": "Resultados de la búsqueda",
                    "one": "1 resultado", "many": "{n} resultados", "none": "Sin resultados",
                    "error": "La búsqueda no pudo cargar su índice"]
        default:
            return ["label": "Search this site", "placeholder": "Search", "results": "Search results", "one": "1 result",
                    "many": "{n} results", "none": "No results", "error": "Search could not load its index"]
        }
    }
}
