/// Checks a parameter whose allowed range depends on others (leaseSPV's `maturityYear` on `startYear`, tranching's
/// `classA` on `pool`).
///
/// When the parameter keeps its default and one of `setters` that the writer set (`given`) made that default invalid,
/// the error is at the setter, under its name and value, and says which default no longer fits: the build then points
/// at the line the writer changed (audit 8 #8, audit 10 S2). The last given setter in `setters` is named. Otherwise an
/// out-of-range value raises `otherwise`, or the plain range error.
func checkDependentDefault(_ value: Double, _ range: ParameterRange, model: String, name: String, rangeText: String,
                           given: Set<String>, setters: [(name: String, value: Double)], extraHint: String = "",
                           otherwise: ModelError? = nil) throws(ModelError) {
    guard !range.contains(value) else { return }
    guard !given.contains(name), let setter = setters.last(where: { given.contains($0.name) }) else {
        if let otherwise { throw otherwise }
        try range.check(value, model: model, name: name)
        return
    }
    let shown = formatNumber(value, significantDigits: 15)
    throw .parameterOutOfRange(
        model: model, name: setter.name, value: formatNumber(setter.value, significantDigits: 15),
        allowed: "values that keep the default \(name) \(shown) in its range \(rangeText) = \(range)",
        hint: "\(name) keeps its default \(shown), which no longer fits: set \(name) too, within \(range)" + extraHint)
}
