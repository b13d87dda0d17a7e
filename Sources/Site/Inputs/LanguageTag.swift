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
    let lowered = name.lowercased().trimmingCharacters()
    // A language named in itself (`Español`, `Deutsch`, `Français`): the tag whose name that is.
    return names[lowered] ?? nativeLanguageNames.filter { !$0.key.contains("-") && $0.value.lowercased() == lowered }.keys.min()
}

/// The error for a `language:` that is not such a tag.
func languageTagProblem(_ text: String) -> (message: String, hint: String)? {
    guard !isLanguageTag(text) else { return nil }
    // `en_US` is how POSIX locales write a region; a language tag writes it with a hyphen.
    let hyphened = String(text.map { $0 == "_" ? "-" : $0 })
    let guess = (languageTag(forName: text) ?? (hyphened != text && isLanguageTag(hyphened) ? hyphened : nil))
        .map { "did you mean '\($0)'? " } ?? ""
    return ("'\(text)' is not a language tag (BCP 47)",
            guess + "write the language as a tag, e.g. en, en-GB, fr, zh-Hant: it becomes <html lang> and tells browsers and "
                + "screen readers how to read the page")
}

/// The name of the language `tag` in that language (`de` → Deutsch, `zh-Hant-TW` → 繁體中文), from its longest tag
/// the table has; nil for a language it lacks. The language switch names a language this way when explainer has no
/// translations file for it.
func nativeLanguageName(_ tag: String) -> String? {
    var parts = tag.lowercased().split(separator: "-").map(String.init)
    while !parts.isEmpty {
        if let name = nativeLanguageNames[parts.joined(separator: "-")] { return name }
        parts.removeLast()
    }
    return nil
}

/// Languages' names in themselves, by lowercase tag (the official languages of the EU and of the UN, and other
/// languages with many readers on the web).
private let nativeLanguageNames: [String: String] = [
    "af": "Afrikaans", "ar": "العربية", "bg": "Български", "bn": "বাংলা", "ca": "Català", "cs": "Čeština", "cy": "Cymraeg",
    "da": "Dansk", "de": "Deutsch", "el": "Ελληνικά", "en": "English", "es": "Español", "et": "Eesti", "eu": "Euskara",
    "fa": "فارسی", "fi": "Suomi", "fil": "Filipino", "fr": "Français", "ga": "Gaeilge", "gl": "Galego", "he": "עברית",
    "hi": "हिन्दी", "hr": "Hrvatski", "hu": "Magyar", "hy": "Հայերեն", "id": "Bahasa Indonesia", "is": "Íslenska",
    "it": "Italiano", "ja": "日本語", "ka": "ქართული", "kk": "Қазақ тілі", "ko": "한국어", "lt": "Lietuvių", "lv": "Latviešu",
    "mt": "Malti", "ms": "Bahasa Melayu", "nb": "Norsk bokmål", "nl": "Nederlands", "nn": "Norsk nynorsk", "no": "Norsk",
    "pl": "Polski", "pt": "Português", "ro": "Română", "ru": "Русский", "sk": "Slovenčina", "sl": "Slovenščina",
    "sq": "Shqip", "sr": "Српски", "sv": "Svenska", "sw": "Kiswahili", "ta": "தமிழ்", "th": "ไทย", "tr": "Türkçe",
    "uk": "Українська", "ur": "اردو", "vi": "Tiếng Việt", "yue": "粵語", "zh": "中文", "zh-hans": "简体中文",
    "zh-hant": "繁體中文",
]
