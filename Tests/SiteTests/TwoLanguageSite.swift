@testable import Site

/// A site in English and Traditional Chinese (`zh-hant/`): `01-intro.md` in both (the Chinese one left out with
/// `translated: nil`), plus `more` source files (translations of further chapters, data files, a glossary …).
func twoLanguageSite(english: String = "---\ntitle: Intro\n---\nEnglish text.\n",
                     translated: String? = "---\ntitle: 導論\n---\n中文內容。\n", fallback: Bool = false,
                     config extra: String = "", more: [SourceFile] = []) -> SourceTree {
    let config = "title: Test site\ndescription: A test.\n" + extra + "languages:\n  - code: en\n  - code: zh-Hant\n    path: zh-hant\n"
        + "    title: 測試網站\n" + (fallback ? "    fallback: true\n" : "")
    var site = miniSite(chapter: english, config: config)
    let translation = translated.map { [SourceFile(path: "content/zh-hant/01-intro.md", text: $0)] } ?? []
    site.localized = translation + more.filter { $0.path.hasPrefix("content/zh-hant/") }
    site.chapters = (site.chapters + more.filter { $0.path.hasSuffix(".md") && !$0.path.hasPrefix("content/zh-hant/") })
        .sorted { $0.path < $1.path }
    site.data = (site.data + more.filter { $0.path.hasPrefix("content/data/") }).sorted { $0.path < $1.path }
    if let glossary = more.first(where: { $0.path == "content/glossary.yml" }) { site.glossary = glossary }
    return site
}
