import Simulation
import Yams

/// Reads YAML with positions in the author's file, turning every surprise into a `Diagnostic`.
struct YAMLReader {
    let file: String
    /// Added to YAML line numbers: the line in `file` where the YAML text starts, minus one.
    let lineOffset: Int
    /// Added to YAML columns (for YAML indented inside another structure).
    var columnOffset = 0

    /// `checkCommentCuts`: whether a text value cut short by a ` #` is an error here (front matter checks its own keys,
    /// beside its other mistakes).
    func parse(_ text: String, checkCommentCuts: Bool = true) throws(Diagnostic) -> Node? {
        if let tab = firstTabIndentation(text) {
            throw Diagnostic(file: file, line: tab + lineOffset, column: 1 + columnOffset,
                             message: "YAML does not allow tabs for indentation", hint: "indent with spaces")
        }
        do {
            // The encoding is given: Yams's default reads the whole process environment on every call.
            let node = try Yams.compose(yaml: text, .default, .default, .utf8)
            if checkCommentCuts, let cut = commentCut(in: node, text: text) { throw cut }
            return node
        } catch let cut as Diagnostic {
            throw cut
        } catch let error as YamlError {
            var diagnostic = diagnostic(for: error)
            // A full-width sign where YAML needs its own, at or above the line YAML stumbled on, is the mistake.
            if let sign = fullWidthYAMLSign(text), sign.line + lineOffset <= diagnostic.line {
                throw fullWidthSignProblem(sign)
            }
            if let line = fullWidthSpaceIndentation(text), line <= diagnostic.line - lineOffset + 1 {
                // A Japanese or Chinese input method types U+3000 for a space: YAML does not read it as one.
                diagnostic.hint = "line \(line + lineOffset) is indented with a full-width space (U+3000), as a Japanese or "
                    + "Chinese input method types it: YAML indents with ASCII spaces only"
            }
            if case let .duplicatedKeysInMapping(duplicates, context) = error,
               let line = repeatedKeyLine(text, keys: duplicates, from: context.mark.line) {
                diagnostic.line = line + lineOffset
                diagnostic.column = 1 + columnOffset
            }
            throw diagnostic
        } catch {
            throw Diagnostic(file: file, line: lineOffset + 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    func fullWidthSignProblem(_ sign: (line: Int, column: Int, sign: Character, write: String)) -> Diagnostic {
        let name = sign.sign == "\u{3000}" ? "a full-width space (U+3000)" : "a full-width '\(sign.sign)'"
        return Diagnostic(file: file, line: sign.line + lineOffset, column: sign.column + columnOffset,
                          message: "\(name), as a Japanese or Chinese input method types it, where YAML needs its ASCII sign: "
                            + "YAML does not read this line as written",
                          hint: "write '\(sign.write)' (ASCII, then a space)")
    }

    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml),
             let .composer(context, problem, mark, yaml):
            if let explained = explainedYAMLError(context: context.map { ($0.text, $0.mark.line, $0.mark.column) },
                                                  problem: problem, line: mark.line, column: mark.column, text: yaml,
                                                  lineOffset: lineOffset) {
                return Diagnostic(file: file, line: explained.line + lineOffset, column: explained.column + columnOffset,
                                  message: "invalid YAML: " + explained.message, hint: explained.hint)
            }
            let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column + columnOffset,
                              message: "invalid YAML: \(problem)", hint: yamlHint(problem, line: line))
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(file: file, line: context.mark.line + lineOffset, column: context.mark.column + columnOffset,
                              message: "duplicate key '\(duplicates.sorted().joined(separator: "', '"))'",
                              hint: "each key may appear once; remove or rename the repeated one")
        default:
            return Diagnostic(file: file, line: lineOffset + 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    /// The 1-based line where one of `keys` appears for the second time at the same indentation, from `start` on.
    private func repeatedKeyLine(_ text: String, keys: [String], from start: Int) -> Int? {
        var seen: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 >= start {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            for key in keys where rest.hasPrefix(key) && rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                if !seen.insert("\(indent) \(key)").inserted { return index + 1 }
            }
        }
        return nil
    }

    /// What to do about a parser's problem, given the text of its line (`question: Pregunta: ¿por qué?` is quoted whole).
    private func yamlHint(_ problem: String, line: Substring? = nil) -> String? {
        if problem.contains("mapping values are not allowed") {
            let example: String
            if let line, let colon = line.firstRange(of: ": "), !line[..<colon.lowerBound].trimmingCharacters().contains(" "),
               case let value = line[colon.upperBound...].trimmingCharacters(), !value.isEmpty,
               !value.hasPrefix("\""), !value.hasPrefix("'") {
                // Curly quotes around the value are the writer's quotes: they become the straight ones (trial 15 S12).
                let pairs: [(Character, Character)] = [("\u{201C}", "\u{201D}"), ("\u{2018}", "\u{2019}"), ("«", "»")]
                let bare = pairs.first { value.first == $0.0 && value.last == $0.1 && value.count > 2 }
                    .map { _ in String(value.dropFirst().dropLast()) } ?? value
                example = "\(line[..<colon.lowerBound]): \"\(bare.replacingOccurrences(of: "\"", with: "\\\""))\""
            } else {
                example = "title: \"Step 1: build\""
            }
            return "a value containing ': ' must be quoted, e.g. \(example) (straight quotes: YAML does not "
                + "read curly quotes “ ” as quotes)"
        }
        if problem.contains("did not find expected key") { return "check the indentation of this line" }
        return nil
    }

    /// The 1-based line whose indentation (its leading spaces) holds a full-width space (U+3000); nil if none does.
    func fullWidthSpaceIndentation(_ text: String) -> Int? {
        guard text.utf8.contains(0xE3) else { return nil }  // U+3000 is E3 80 80
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.prefix(while: { $0 == " " || $0 == "\u{3000}" }).contains("\u{3000}") {
            return index + 1
        }
        return nil
    }

    /// The 1-based line whose indentation (its leading spaces and tabs) holds a tab. On bytes: a line ends at "\n"
    /// unless "\r" precedes it ("\r\n" is one `Character`, not a line break), and an indentation ends at the first
    /// byte that is neither a space nor a tab, as it does by `Character`.
    func firstTabIndentation(_ text: String) -> Int? {
        var line = 1
        var inIndentation = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n") where previous != UInt8(ascii: "\r"):
                line += 1
                inIndentation = true
            case UInt8(ascii: "\t") where inIndentation:
                return line
            case UInt8(ascii: " "):
                break
            default:
                inIndentation = false
            }
            previous = byte
        }
        return nil
    }

    /// A diagnostic at a node's position.
    /// Parses a whole file that must be a YAML list: its items, nil for an empty file, `notAList` (with `hint`) as the
    /// error at the top node otherwise.
    func parseList(_ text: String, notAList: String, hint: String? = nil) throws(BuildFailure) -> [Node]? {
        let node: Node?
        do throws(Diagnostic) { node = try parse(text) } catch { throw BuildFailure([error]) }
        guard let node else { return nil }
        guard case let .sequence(items) = node else { throw BuildFailure([error(at: node, notAList, hint: hint)]) }
        return Array(items)
    }

    func error(at node: Node?, _ message: String, hint: String? = nil) -> Diagnostic {
        let mark = node?.mark
        return Diagnostic(file: file, line: (mark?.line ?? 1) + lineOffset, column: (mark?.column ?? 1) + columnOffset,
                          message: message, hint: hint)
    }

    /// The mapping's entries, after checking that only `allowed` keys appear and every `required` key does.
    /// `otherTools` gives the hint for a key other tools use (Hugo's `weight:`), instead of the closest allowed one.
    func mapping(_ node: Node?, allowed: [String], required: [String], context: String,
                 missingAt: (line: Int, column: Int)? = nil, otherTools: [String: String] = [:]) throws(BuildFailure) -> [String: Node] {
        guard let node, case let .mapping(mapping) = node else {
            throw BuildFailure([error(at: node, "\(context) must be a YAML mapping of 'key: value' lines")])
        }
        var entries: [String: Node] = [:]
        var problems: [Diagnostic] = []
        // The keys the unknown ones were most likely meant as: a required one among them is not missing as well.
        var meant: Set<String> = []
        let pairs = Array(mapping)
        for (index, (keyNode, value)) in pairs.enumerated() {
            guard let key = keyNode.string else {
                problems.append(error(at: keyNode, "\(context) keys must be words"))
                continue
            }
            if allowed.contains(key) {
                entries[key] = value
            } else {
                // `sumario:`, `titre:`: a key in the writer's language, which no edit of its letters makes English.
                let english = otherLanguageKeys[latinLetters(key)].flatMap { allowed.contains($0) ? $0 : nil }
                if let guess = english ?? closestMatch(to: key, among: allowed) { meant.insert(guess) }
                let wideColon = key.firstIndex(of: "\u{FF1A}").map { "the '\u{FF1A}' after '\(key[..<$0])' is a full-width colon "
                    + "from an input method: write '\(key[..<$0]): ' (ASCII, then a space)" }
                problems.append(error(at: keyNode, "unknown key '\(key)' in \(context)",
                                      hint: wideColon ?? otherTools[key] ?? commaSplitHint(pairs, at: index)
                                        ?? english.map { "did you mean '\($0)'? Keys are English whatever the page's language. Known keys: "
                                            + allowed.joined(separator: ", ") }
                                        ?? suggestionHint(for: key, among: allowed, noun: "keys")))
            }
        }
        for key in required where entries[key] == nil && !meant.contains(key) {
            let place = missingAt.map { Diagnostic(file: file, line: $0.line, column: $0.column, message: "") }
                ?? error(at: node, "")
            problems.append(Diagnostic(file: place.file, line: place.line, column: place.column,
                                       message: "missing required key '\(key)' in \(context)",
                                       hint: "add a line '\(key): …' to the \(context)"))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return entries
    }

    /// `{type: event, label: High water, roughly five hours in}`: in `{ }` a comma ends a value, so YAML read the
    /// words after it as a key without a value. The hint quotes the value whole, from the last key that has one.
    /// (The parser does not tell a flow mapping from a block one: a key on the line of the value before it is in one.)
    func commaSplitHint(_ pairs: [(key: Node, value: Node)], at index: Int) -> String? {
        func bare(_ pair: (key: Node, value: Node)) -> Bool {
            pair.value.scalar.map { $0.string.isEmpty && $0.style != .singleQuoted && $0.style != .doubleQuoted } ?? false
        }
        guard index > 0, bare(pairs[index]), let line = pairs[index].key.mark?.line,
              pairs[index - 1].value.mark?.line == line else { return nil }
        var start = index - 1
        while start >= 0, bare(pairs[start]) { start -= 1 }
        guard start >= 0, let key = pairs[start].key.string, let value = pairs[start].value.scalar?.string, !value.isEmpty else { return nil }
        let words = [value] + pairs[(start + 1)...index].compactMap(\.key.string)
        // `value: 110,5`: a decimal comma (or a thousands separator), not words the comma cut off.
        let digits = { (text: String) in !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
        if words.count == 2, digits(words[1]), digits(value.hasPrefix("-") ? String(value.dropFirst()) : value) {
            return "decimals use a point: \(key): \(value).\(words[1])"
                + (words[1].count == 3 ? " (or \(key): \(value)\(words[1]), without a thousands separator)" : "")
        }
        // The text as typed: a comma between digits had no space after it ("62,7 %", "1,000s"; recheck 17 N7).
        var text = words[0]
        for word in words.dropFirst() {
            text += (text.last?.isNumber == true && word.first?.isNumber == true ? "," : ", ") + word
        }
        return "a comma inside { } ends the value: quote the \(key) (\(key): \"\(text)\")"
    }

    /// A non-empty string value.
    func string(_ node: Node, key: String) throws(Diagnostic) -> String {
        switch node {
        case .scalar(let scalar) where !scalar.string.isEmpty:
            return scalar.string
        case .scalar:
            // `summary:` with nothing after it: YAML reads an empty value, not a missing key.
            // Keys every entry must have (a page's title, a glossary entry's term and definition) cannot just go.
            let required = ["title", "term", "definition", "code"].contains(key)
            throw error(at: node, "'\(key)' is empty", hint: "write its text after '\(key):'" + (required ? "" : " (a sentence), or remove the line"))
        case .sequence:
            throw error(at: node, "'\(key)' must be one text, not a list",
                        hint: "write it on one line after '\(key):', without [ ] or '- ' items")
        default:
            throw error(at: node, "'\(key)' must be text")
        }
    }

    func bool(_ node: Node, key: String) throws(Diagnostic) -> Bool {
        let written = node.scalar?.string ?? ""
        // The YAML parser reads YAML 1.1's yes, no, on and off as true and false; YAML 1.2 and most other tools read
        // them as text, so they are refused rather than read one way here and another way elsewhere.
        guard let value = node.bool, ["true", "false"].contains(written.lowercased()) else {
            let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            let hint = quoted && ["true", "false"].contains(written.lowercased()) ? "write \(written.lowercased()) without quotes: in quotes it is text"
                : ["yes", "no", "on", "off"].contains(written.lowercased()) ? "write true or false (YAML 1.2 reads '\(written)' as text)"
                : "write true or false"
            throw error(at: node, "'\(key)' must be true or false", hint: hint)
        }
        return value
    }
}

/// Spanish, French and German words for the keys of front matter and chart blocks (without accents), by the key
/// meant: keys are English whatever the page's language.
let otherLanguageKeys: [String: String] = [
    "titulo": "title", "titre": "title", "titel": "title",
    "resumen": "summary", "sumario": "summary", "resume": "summary", "zusammenfassung": "summary",
    "pregunta": "question", "frage": "question",
    "fecha": "date", "datum": "date", "actualizado": "updated", "aktualisiert": "updated",
    "autores": "authors", "autor": "authors", "auteurs": "authors", "auteur": "authors", "autoren": "authors",
    "borrador": "draft", "brouillon": "draft", "entwurf": "draft",
    "descripcion": "description", "beschreibung": "description", "imagen": "image", "bild": "image",
    "leyenda": "caption", "legende": "caption", "datos": "data", "donnees": "data", "daten": "data",
    "modelo": "model", "modele": "model", "modell": "model", "escenarios": "scenarios", "szenarien": "scenarios",
    "etiquetas": "labels", "etiquettes": "labels", "beschriftungen": "labels", "formato": "format",
]
