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
                 "korean": "ko", "russian": "ru", "arabic": "ar", "dutch": "nl", "hindi": "hi", "cantonese": "yue",
                 // The common languages as French, Spanish, German, Italian, Portuguese, Chinese, Japanese and Korean
                 // writers name them (`language: anglais`, `inglés`, `英語`).
                 "anglais": "en", "inglés": "en", "ingles": "en", "englisch": "en", "inglese": "en", "inglês": "en",
                 "français": "fr", "francés": "fr", "französisch": "fr", "francese": "fr", "francês": "fr",
                 "allemand": "de", "alemán": "de", "tedesco": "de", "alemão": "de",
                 "espagnol": "es", "spanisch": "es", "spagnolo": "es", "espanhol": "es",
                 "chinois": "zh", "chino": "zh", "chinesisch": "zh", "cinese": "zh", "chinês": "zh",
                 "japonais": "ja", "japonés": "ja", "japanisch": "ja", "giapponese": "ja", "japonês": "ja",
                 "coréen": "ko", "coreano": "ko", "koreanisch": "ko",
                 "英語": "en", "英文": "en", "英语": "en", "영어": "en", "中文": "zh", "中国語": "zh", "중국어": "zh",
                 "日文": "ja", "日語": "ja", "日语": "ja", "일본어": "ja", "韓文": "ko", "韓国語": "ko", "韩语": "ko",
                 "法文": "fr", "法語": "fr", "法语": "fr", "フランス語": "fr", "프랑스어": "fr",
                 "德文": "de", "德語": "de", "德语": "de", "ドイツ語": "de", "독일어": "de",
                 "西班牙文": "es", "西班牙語": "es", "西班牙语": "es", "スペイン語": "es", "스페인어": "es"]
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
