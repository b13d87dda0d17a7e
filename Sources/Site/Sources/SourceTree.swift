/// One input file: its path relative to the site root and its bytes.
public struct SourceFile: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]

    /// A UTF-8 byte-order mark (Windows Notepad writes one) is left out: every reader of the file, the front matter's
    /// `---`, site.yml's first key and a CSV's first `#` line included, sees the text as it begins (trial 15 S1).
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Everything a build reads from disk; the only input of `build`.
public struct SourceTree: Sendable, Equatable {
    /// `content/site.yml`.
    public var config: SourceFile?
    /// `content/*.md`, sorted by path.
    public var chapters: [SourceFile]
    /// `content/sources.yml`.
    public var sources: SourceFile?
    /// `content/glossary.yml`.
    public var glossary: SourceFile?
    /// `content/numbers.yml`: every number on the site with its source (the public numbers page).
    public var numbers: SourceFile?
    /// `content/corrections.yml`: the corrections log.
    public var corrections: SourceFile?
    /// `content/data/*.csv`, sorted by path.
    public var data: [SourceFile]
    /// `content/images/**` (pictures chapters show with `![…](images/…)`), sorted by path; copied to `images/`.
    public var images: [SourceFile]
    /// `templates/*.mustache`, sorted by path.
    public var templates: [SourceFile]
    /// `templates/assets/**`, sorted by path.
    public var assets: [SourceFile]
    /// `templates/i18n/*.yml`: the interface words of each language, sorted by path.
    public var translations: [SourceFile] = []
    /// The content of the site's other languages: `content/<folder>/*.md` and `*.yml` of every folder besides `data`
    /// and `images` (`content/zh-hant/05-four-steps.md`), sorted by path.
    public var localized: [SourceFile] = []
    /// `content/data/README.md`: notes on the data files; a CSV it names is kept on purpose, even if no chart uses it.
    public var dataNotes: SourceFile?

    public init(config: SourceFile? = nil, chapters: [SourceFile] = [], sources: SourceFile? = nil,
                glossary: SourceFile? = nil, data: [SourceFile] = [], templates: [SourceFile] = [],
                assets: [SourceFile] = [], images: [SourceFile] = [], numbers: SourceFile? = nil,
                corrections: SourceFile? = nil, translations: [SourceFile] = [], localized: [SourceFile] = [],
                dataNotes: SourceFile? = nil) {
        self.config = config
        self.chapters = chapters.sorted { $0.path < $1.path }
        self.sources = sources
        self.glossary = glossary
        self.numbers = numbers
        self.corrections = corrections
        self.data = data.sorted { $0.path < $1.path }
        self.images = images.sorted { $0.path < $1.path }
        self.templates = templates.sorted { $0.path < $1.path }
        self.assets = assets.sorted { $0.path < $1.path }
        self.translations = translations.sorted { $0.path < $1.path }
        self.localized = localized.sorted { $0.path < $1.path }
        self.dataNotes = dataNotes
    }
}
