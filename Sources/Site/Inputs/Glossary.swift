import Markdown
import Yams

/// One glossary entry of `content/glossary.yml`.
public struct GlossaryEntry: Sendable, Equatable {
    public var term: String
    public var aliases: [String]
    public var definition: String

    /// The fragment id on the glossary page.
    public var anchor: String { "term-" + slugify(term) }

    /// What an abbreviation stands for, shown after it on the glossary page (`ABS` → "asset-backed security"): for a
    /// term in capitals, its first alias of more than one word that is not the term itself ("GPUs" is skipped for
    /// "graphics processing unit"); nil for other terms.
    public var expansion: String? {
        let letters = term.filter(\.isLetter)
        guard letters.count >= 2, letters.allSatisfy(\.isUppercase) else { return nil }
        return aliases.first { alias in
            alias.contains { $0 == " " || $0 == "-" } && !alias.hasPrefix(term) && alias.contains(where: \.isLowercase)
        }
    }
}

/// Parses `content/glossary.yml`: a list of {term, aliases, definition}.
/// Sorted by term, as the glossary page lists them, unless `inFileOrder`.
func parseGlossary(_ text: String, file: String, inFileOrder: Bool = false) throws(BuildFailure) -> [GlossaryEntry] {
    let reader = YAMLReader(file: file, lineOffset: 0)
    guard let items = try reader.parseList(
        text, notAList: "glossary.yml must be a list of entries with term and definition",
        hint: "write each entry as a list item: a line '- term: Heat pump', then under it '  definition: A machine that moves heat from outside to inside.'") else { return [] }
    var entries: [GlossaryEntry] = []
    var collector = DiagnosticCollector()
    var seen: [String: (term: String, line: Int)] = [:]   // each term's anchor: the entry that has it
    var phrases: [String: (term: String, line: Int)] = [:]   // every term and alias, lowercased: the entry it links to
    for item in items {
        collector.collect { () throws(BuildFailure) in
            let fields = try reader.mapping(item, allowed: ["term", "aliases", "definition"],
                                            required: ["term", "definition"], context: "glossary entry")
            do throws(Diagnostic) {
                let term = try reader.string(fields["term"]!, key: "term")
                let definition = try reader.string(fields["definition"]!, key: "definition")
                if let problem = markdownInPlainText(definition, key: "definition") {
                    throw reader.error(at: fields["definition"], problem.message, hint: problem.hint)
                }
                var aliases: [String] = []
                if let list = fields["aliases"] {
                    guard case let .sequence(values) = list else { throw reader.error(at: list, "'aliases' must be a list") }
                    for value in values { aliases.append(try reader.string(value, key: "aliases")) }
                }
                let termLine = reader.error(at: fields["term"], "").line
                if let first = seen[slugify(term)] {
                    let same = first.term == term ? "" : " (as '\(first.term)')"
                    throw reader.error(at: fields["term"], "glossary term '\(term)' is defined twice: first at line \(first.line)\(same)",
                                       hint: "keep one entry: merge the two definitions into the one at line \(first.line) and "
                                           + "remove this one (another name for the term goes in its 'aliases:')")
                }
                seen[slugify(term)] = (term, termLine)
                // The text's words link to one entry: a phrase that is also another entry's term or alias would
                // leave one of the two never linked.
                for phrase in [term] + aliases {
                    if let earlier = phrases[phrase.lowercased()], earlier.term != term {
                        throw reader.error(at: fields["term"], "glossary entry '\(term)' uses '\(phrase)', which the entry '\(earlier.term)' "
                                            + "(line \(earlier.line)) already uses: the text's '\(phrase)' links to only one of them",
                                           hint: "keep '\(phrase)' in one entry only: remove it from the other's term or aliases")
                    }
                    phrases[phrase.lowercased()] = (term, termLine)
                }
                entries.append(GlossaryEntry(term: term, aliases: aliases, definition: smartPunctuatedText(definition)))
            } catch {
                throw BuildFailure([error])
            }
        }
    }
    try collector.throwIfAny()
    return inFileOrder ? entries : entries.sorted { $0.term.lowercased() < $1.term.lowercased() }
}
