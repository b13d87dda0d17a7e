import Markdown
import Simulation

/// What builds of the same site (the preview server's rebuilds) parsed from its files: a chapter whose file, name
/// and glossary links are unchanged is not parsed again, nor are site.yml, sources.yml, glossary.yml and the data
/// tables while none of them changes. Like `FigureCache`, safe to use from several threads.
public final class ParseCache: Sendable {
    private struct Entry: Sendable {
        var source: SourceFile
        var siteRoot: String
        var terms: AutolinkTerms
        var words: Translations
        var chapter: Chapter
    }

    /// Chapters by their files' paths.
    private let storage = KeyedMemo<String, Entry>()
    /// The site-wide inputs, by the files they were parsed from.
    private let siteInputs = LastMade<[SourceFile?], SiteInputs>()

    private struct TranslationFiles: Equatable, Sendable {
        var files: [SourceFile]
        var languages: [SiteLanguage]
    }

    /// The interface words, and the warnings loading them gave, by the files and languages they were loaded for.
    private let loadedTranslations = LastMade<TranslationFiles, (translations: [Translations], warnings: [Diagnostic])>()
    private let editions = EditionCaches<ParseCache>()

    private struct GlossaryPair: Equatable, Sendable {
        var translation: SourceFile?
        var original: SourceFile?
        var language: String
        var fallback: Bool
    }

    /// A translated glossary's problems against its original (`checkTranslatedGlossary`), by the two files.
    private let glossaryChecks = LastMade<GlossaryPair, [Diagnostic]>()

    public init() {}

    /// The cache of one other language of a multilingual site (its chapters are other files, under another root).
    func edition(_ code: String) -> ParseCache {
        editions.cache(code, make: ParseCache.init)
    }

    /// `checkTranslatedGlossary` of this language's glossary: parsed again only when either file changes.
    func translatedGlossaryProblems(_ translation: SourceFile?, original: SourceFile?, language: String, fallback: Bool) -> [Diagnostic] {
        glossaryChecks.value(GlossaryPair(translation: translation, original: original, language: language, fallback: fallback)) {
            checkTranslatedGlossary(translation, original: original, language: language, fallback: fallback)
        }
    }

    /// How many chapters builds have found in the cache (for tests and the server's log).
    public var hits: Int { storage.hits }

    /// The chapter parsed from `file`: from the cache when the same bytes were parsed with the same terms.
    func chapter(_ file: SourceFile, place: ChapterFile, terms: AutolinkTerms, registry: ModelRegistry, siteRoot: String = "",
                 words: Translations) -> Result<Chapter, BuildFailure> {
        if let entry = storage.value(file.path, if: { $0.source == file && $0.siteRoot == siteRoot && $0.terms == terms && $0.words == words }) {
            return .success(entry.chapter)
        }
        do throws(BuildFailure) {
            let chapter = try parseChapter(file, place: place, terms: terms, registry: registry, siteRoot: siteRoot, words: words)
            storage.store(Entry(source: file, siteRoot: siteRoot, terms: terms, words: words, chapter: chapter), for: file.path)
            return .success(chapter)
        } catch {
            storage.removeValue(for: file.path)
            return .failure(error)
        }
    }

    /// The site-wide inputs (configuration, bibliography, glossary, data), with their files' problems
    /// (`SiteInputs.parse(_:partial:)`): from the cache when no file changed.
    func inputs(_ source: SourceTree) throws(BuildFailure) -> SiteInputs {
        let files = [source.config, source.sources, source.glossary, source.numbers, source.corrections] + source.data.map { Optional($0) }
        return try siteInputs.value(files) { () throws(BuildFailure) in try SiteInputs.parse(source, partial: true) }
    }

    /// The interface words of `languages` (`loadTranslations`): from the cache, with the same warnings, when the same
    /// translation files were loaded for the same languages last. The words kept are the same storage build after
    /// build, so the chapters' cache compares them at no cost.
    func translations(_ files: [SourceFile], languages: [SiteLanguage], warnings: inout [Diagnostic]) throws(BuildFailure)
        -> [Translations] {
        let loaded = try loadedTranslations.value(TranslationFiles(files: files, languages: languages)) { () throws(BuildFailure) in
            var found: [Diagnostic] = []
            let translations = try loadTranslations(files, languages: languages, warnings: &found)
            return (translations, found)
        }
        warnings += loaded.warnings
        return loaded.translations
    }

    /// Drops chapters whose files are gone, so the cache never outgrows the site.
    func retainOnly(_ paths: Set<String>) {
        storage.retainOnly(paths)
    }
}
